package io.mockboard.sync.room;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of every room. The Quarkus layer fills it from {@code mockboard.sync.*}, whose defaults are the
 * constants below (the one place they live; {@link #defaults()} is made of them).
 *
 * @param snapshotEveryOps store a snapshot after this many ops since the last one ([S7])
 * @param snapshotEvery    or after this much time, if at least one op is new ([S7])
 * @param maxCatchupOps    largest seq gap a welcome bridges with ops; above it a snapshot is sent ([S6])
 * @param maxBatchOps      ops per append (group commit, [S3])
 * @param maxPendingOps    accepted-but-unstored ops above which pushes are refused with room_overloaded ([S11])
 * @param retryBackoff     wait before re-trying a failed append ([S11])
 * @param idleUnload       how long a room with no sessions and nothing pending stays loaded ([S1])
 */
public record RoomConfig(int snapshotEveryOps, Duration snapshotEvery, int maxCatchupOps, int maxBatchOps,
        int maxPendingOps, Duration retryBackoff, Duration idleUnload) {

    public RoomConfig {
        Objects.requireNonNull(snapshotEvery, "snapshotEvery");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(idleUnload, "idleUnload");
        if (snapshotEveryOps < 1 || maxCatchupOps < 0 || maxBatchOps < 1 || maxPendingOps < 1) {
            throw new IllegalArgumentException("invalid room config: " + this);
        }
    }

    /** The six-setting form; {@code idleUnload} takes its default (30 s). */
    public RoomConfig(int snapshotEveryOps, Duration snapshotEvery, int maxCatchupOps, int maxBatchOps,
            int maxPendingOps, Duration retryBackoff) {
        this(snapshotEveryOps, snapshotEvery, maxCatchupOps, maxBatchOps, maxPendingOps, retryBackoff,
                DEFAULT_IDLE_UNLOAD);
    }

    public static final int SNAPSHOT_EVERY_OPS = 500;
    public static final int SNAPSHOT_EVERY_SECONDS = 60;
    public static final int MAX_CATCHUP_OPS = 1_000;
    public static final int MAX_BATCH_OPS = 100;
    public static final int MAX_PENDING_OPS = 5_000;
    public static final int RETRY_BACKOFF_SECONDS = 1;
    static final Duration DEFAULT_IDLE_UNLOAD = Duration.ofSeconds(30);

    public static RoomConfig defaults() {
        return new RoomConfig(SNAPSHOT_EVERY_OPS, Duration.ofSeconds(SNAPSHOT_EVERY_SECONDS), MAX_CATCHUP_OPS, MAX_BATCH_OPS,
                MAX_PENDING_OPS, Duration.ofSeconds(RETRY_BACKOFF_SECONDS), DEFAULT_IDLE_UNLOAD);
    }

    public RoomConfig withIdleUnload(Duration idleUnload) {
        return new RoomConfig(snapshotEveryOps, snapshotEvery, maxCatchupOps, maxBatchOps, maxPendingOps,
                retryBackoff, idleUnload);
    }
}
