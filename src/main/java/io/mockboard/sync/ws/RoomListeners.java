package io.mockboard.sync.ws;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.ClientMessage;
import io.mockboard.sync.room.Participant;
import io.mockboard.sync.room.RoomListener;
import io.mockboard.sync.room.SessionId;
import io.mockboard.sync.room.StoredOp;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Every {@link RoomListener} bean of the application, called in turn: the presence recorder today, analytics or
 * seeding tomorrow, each a bean of its own domain that the room never names. One listener failing does not keep the
 * others from hearing.
 */
final class RoomListeners implements RoomListener {
    private static final Logger LOG = Logger.getLogger(RoomListeners.class);
    private final List<RoomListener> listeners;

    RoomListeners(List<RoomListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    int size() {
        return listeners.size();
    }

    @Override
    public void committed(BoardId board, StoredOp op) {
        each(listener -> listener.committed(board, op));
    }

    @Override
    public void acknowledged(BoardId board, long nanos) {
        each(listener -> listener.acknowledged(board, nanos));
    }

    @Override
    public void presence(BoardId board, SessionId session, Participant who, ClientMessage.Presence presence, Instant at) {
        each(listener -> listener.presence(board, session, who, presence, at));
    }

    @Override
    public void joined(BoardId board, SessionId session, Participant who) {
        each(listener -> listener.joined(board, session, who));
    }

    @Override
    public void left(BoardId board, SessionId session, Participant who) {
        each(listener -> listener.left(board, session, who));
    }

    private void each(java.util.function.Consumer<RoomListener> call) {
        for (RoomListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warnf(e, "room listener %s failed", listener.getClass().getSimpleName());
            }
        }
    }
}
