package io.mockboard.session;

import io.mockboard.session.flow.StepChanged;
import io.mockboard.sync.BoardChannel;
import io.mockboard.sync.BoardEvent;
import io.mockboard.sync.protocol.CloseCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;

/** What the session domain tells the sockets on its boards, once the change is committed. */
@ApplicationScoped
class SessionBoardEvents {
    private final BoardChannel channel;

    SessionBoardEvents(BoardChannel channel) {
        this.channel = channel;
    }

    /** The {@code step} frame's fields. */
    record Step(String step, Instant at, String by) {}

    /**
     * The session ended: its board's sockets close with 1001 once everything acknowledged is stored, and clients
     * that reconnect join the now read-only board as observers.
     */
    void onEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded ended) {
        channel.readmitAll(ended.boardId());
    }

    /** An invite was revoked: every socket opened through it closes at once with 4001, and cannot come back. */
    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) InviteRevoked revoked) {
        channel.closeTagged(SessionBoardGate.inviteTag(revoked.inviteId()), CloseCodes.UNAUTHORIZED, "invite revoked");
    }

    /** A step change: to everyone on the board, candidates included. */
    void onStep(@Observes(during = TransactionPhase.AFTER_SUCCESS) StepChanged step) {
        channel.send(step.boardId(), BoardEvent.toEveryone("step", new Step(step.step(), step.at(), step.by())));
    }
}
