package io.mockboard.sync.ws;

import io.mockboard.rubric.NoteAdded;
import io.mockboard.session.InviteRevoked;
import io.mockboard.session.SessionEnded;
import io.mockboard.session.flow.StepChanged;
import io.mockboard.sync.protocol.CloseCodes;
import io.mockboard.sync.protocol.ServerMessage;
import io.mockboard.sync.room.RoomRegistry;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** What sessions, invites and notes mean for open board sockets, acted on once the change is committed. */
@ApplicationScoped
class SessionEvents {
    private final RoomRegistry rooms;
    private final OpenConnections connections;

    SessionEvents(RoomRegistry rooms, OpenConnections connections) {
        this.rooms = rooms;
        this.connections = connections;
    }

    /**
     * The session ended: its board's room is unloaded (everything acknowledged is already stored), the
     * sockets close with 1001, and clients that reconnect join the now read-only board as observers.
     */
    void onEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded ended) {
        rooms.unload(ended.boardId());
    }

    /** An invite was revoked: every socket opened through it closes at once with 4001, and cannot come back. */
    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) InviteRevoked revoked) {
        for (var connection : connections.findByEndpointId(BoardSyncEndpoint.ID)) {
            if (revoked.inviteId().equals(BoardSyncEndpoint.inviteOf(connection))) {
                connection.close(new CloseReason(CloseCodes.UNAUTHORIZED, "invite revoked")).subscribe().with(ok -> {}, e -> {});
            }
        }
    }

    /** A step change: to everyone on the board, candidates included. */
    void onStep(@Observes(during = TransactionPhase.AFTER_SUCCESS) StepChanged step) {
        rooms.loaded(step.boardId()).ifPresent(room -> room.sendToAll(new ServerMessage.Step(step.step(), step.at(), step.by())));
    }

    /** A private note: to the interviewers' sockets on the board, never to anyone else's. */
    void onNote(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoteAdded added) {
        var note = added.note();
        rooms.loaded(added.boardId()).ifPresent(room -> room.sendPrivate(new ServerMessage.Note(note.id().toString(), note.at(),
                note.author(), note.body(), note.elementIds(), note.criterion())));
    }
}
