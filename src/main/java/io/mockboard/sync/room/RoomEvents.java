package io.mockboard.sync.room;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.ClientMessage;
import java.time.Instant;
import java.util.function.Consumer;

/** Calls a room's {@link RoomListener} for its board; a failing listener is logged and never breaks the room. */
final class RoomEvents {
    private static final System.Logger LOG = System.getLogger(RoomEvents.class.getName());

    private final BoardId board;
    private final RoomListener listener;

    RoomEvents(BoardId board, RoomListener listener) {
        this.board = board;
        this.listener = listener;
    }

    void committed(StoredOp op) {
        notify(l -> l.committed(board, op));
    }

    void acknowledged(long nanos) {
        notify(l -> l.acknowledged(board, nanos));
    }

    void presence(RoomSession.Live from, ClientMessage.Presence presence, Instant at) {
        notify(l -> l.presence(board, from.id(), from.who(), presence, at));
    }

    void joined(RoomSession.Live session) {
        notify(l -> l.joined(board, session.id(), session.who()));
    }

    void left(RoomSession session) {
        notify(l -> l.left(board, session.id(), session.who()));
    }

    private void notify(Consumer<RoomListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "board " + board + ": room listener failed", e);
        }
    }
}
