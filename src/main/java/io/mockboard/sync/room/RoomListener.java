package io.mockboard.sync.room;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.ClientMessage;
import java.time.Instant;

/**
 * Hooks for recording and analytics ([S8]: presence sampling). Called on the room's serial executor after
 * the fact, so implementations must be quick and must not block; exceptions are logged and ignored.
 */
public interface RoomListener {

    RoomListener NONE = new RoomListener() {
    };

    /** An op is durable and applied (called in seq order). */
    default void committed(BoardId board, StoredOp op) {
    }

    /** An op was acknowledged to its sender, {@code nanos} after its push was accepted (queue and commit). */
    default void acknowledged(BoardId board, long nanos) {
    }

    /** A live participant's latest presence. */
    default void presence(BoardId board, SessionId session, Participant who, ClientMessage.Presence presence, Instant at) {
    }

    /** A session became live (welcome sent). */
    default void joined(BoardId board, SessionId session, Participant who) {
    }

    /** A live session left or was replaced. */
    default void left(BoardId board, SessionId session, Participant who) {
    }
}
