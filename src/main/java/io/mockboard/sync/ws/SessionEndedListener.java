package io.mockboard.sync.ws;

import io.mockboard.session.SessionEnded;
import io.mockboard.sync.room.RoomRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * When a session ends, its board's room is unloaded: everything acknowledged is already stored,
 * the sockets close with 1001, and clients that reconnect join the now read-only board as observers.
 */
@ApplicationScoped
class SessionEndedListener {
    private final RoomRegistry rooms;

    SessionEndedListener(RoomRegistry rooms) {
        this.rooms = rooms;
    }

    void onEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded ended) {
        rooms.unload(ended.boardId());
    }
}
