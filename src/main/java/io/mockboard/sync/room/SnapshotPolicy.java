package io.mockboard.sync.room;

import java.time.Duration;
import java.time.Instant;

/**
 * When a room stores a snapshot ([S7]): every {@code snapshotEveryOps} ops, or after {@code snapshotEvery} when
 * at least one op is new, one at a time; after a failed one, count-based snapshots wait {@code retryBackoff}
 * (a failure is only logged: ops are durable without it). A draining room saves one final snapshot. Decisions
 * only: the room saves. Confined to the room's executor.
 */
final class SnapshotPolicy {
    private final int everyOps;
    private final Duration every;
    private final Duration retryBackoff;

    private long seq;
    private Instant at;
    private Instant retryAt;
    private boolean inFlight;
    private boolean finalTried;

    SnapshotPolicy(RoomConfig config, Instant now) {
        this.everyOps = config.snapshotEveryOps();
        this.every = config.snapshotEvery();
        this.retryBackoff = config.retryBackoff();
        this.at = now;
    }

    /** The board was loaded from a snapshot at {@code seq} (0: none); time-based snapshots count from now. */
    void loaded(long snapshotSeq, Instant now) {
        seq = snapshotSeq;
        at = now;
    }

    /** {@code snapshotEveryOps} ops since the last snapshot, none in flight, and no failure's backoff running. */
    boolean dueByCount(long head, Instant now) {
        return !inFlight && head - seq >= everyOps && (retryAt == null || !now.isBefore(retryAt));
    }

    /** The head is past the last snapshot and none is in flight. */
    boolean behind(long head) {
        return head > seq && !inFlight;
    }

    /** Behind, and {@code snapshotEvery} has passed since the last snapshot (or the load). */
    boolean dueByTime(long head, Instant now) {
        return behind(head) && !now.isBefore(at.plus(every));
    }

    /** Whether a draining room should save a final snapshot now: once, if the head is past the last one. */
    boolean takeFinal(long head) {
        if (head > seq && !finalTried) {
            finalTried = true;
            return true;
        }
        return false;
    }

    boolean inFlight() {
        return inFlight;
    }

    void started() {
        inFlight = true;
    }

    void saved(long savedSeq, Instant now) {
        inFlight = false;
        at = now;
        seq = Math.max(seq, savedSeq);
        retryAt = null;
    }

    void failed(Instant now) {
        inFlight = false;
        at = now;
        retryAt = now.plus(retryBackoff);
    }

    /** The seq of the newest snapshot stored (or loaded). */
    long seq() {
        return seq;
    }
}
