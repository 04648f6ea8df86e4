package io.mockboard.sync.ws;

import io.mockboard.sync.protocol.FairUse;
import io.mockboard.sync.protocol.ProtocolLimits;
import io.mockboard.sync.room.RoomConfig;
import io.mockboard.sync.store.PostgresRoomStore;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the sync engine ({@code mockboard.sync.*}), typed, with their defaults: the constants of the engine's
 * parts ({@code RoomConfig}, {@code ProtocolLimits}, {@code FairUse}, {@code PostgresRoomStore}), so each default
 * lives in one place. {@code docs/configuration.md} lists them; a test keeps the two in step.
 */
@ConfigMapping(prefix = "mockboard.sync")
public interface SyncConfig {
    /** Origins (scheme://host[:port]) allowed to open board sockets, besides the server's own origin. */
    Optional<List<String>> allowedOrigins();

    /** Take a snapshot of a board's scene after this many ops. */
    @WithDefault("" + RoomConfig.SNAPSHOT_EVERY_OPS)
    int snapshotEveryOps();

    /** Take a snapshot after this much time when the board changed. */
    @WithDefault(RoomConfig.SNAPSHOT_EVERY_SECONDS + "s")
    Duration snapshotEvery();

    /** A reconnecting client at most this many ops behind gets the ops, else a snapshot. */
    @WithDefault("" + RoomConfig.MAX_CATCHUP_OPS)
    int maxCatchupOps();

    /** Most ops written in one group commit. */
    @WithDefault("" + RoomConfig.MAX_BATCH_OPS)
    int maxBatchOps();

    /** Most pushes a room holds unsaved; more are refused with a retryable error. */
    @WithDefault("" + RoomConfig.MAX_PENDING_OPS)
    int maxPendingOps();

    /** Wait this long before retrying a failed append. */
    @WithDefault(RoomConfig.RETRY_BACKOFF_SECONDS + "s")
    Duration retryBackoff();

    /** Sustained frames per second per connection. */
    @WithDefault("" + ProtocolLimits.FRAMES_PER_SECOND)
    int framesPerSecond();

    /** Frames a connection may send in a burst. */
    @WithDefault("" + ProtocolLimits.FRAME_BURST)
    int frameBurst();

    /** Most elements in one push. */
    @WithDefault("" + ProtocolLimits.MAX_ELEMENTS_PER_PUSH)
    int maxElementsPerPush();

    /** Threads writing to and reading from PostgreSQL for the rooms. */
    @WithDefault("8")
    int storeThreads();

    /** Group commits that may run at once; appends arriving meanwhile are stored together, across boards. */
    @WithDefault("" + PostgresRoomStore.DEFAULT_WRITERS)
    int storeWriters();

    /**
     * How long a group commit waits for more appends while several boards are writing (never for a lone
     * append): larger groups, fewer PostgreSQL transactions, at the price of this much latency under load.
     */
    @WithDefault("1ms")
    Duration storeLinger();

    /**
     * This node's name among the nodes sharing the database (docs/scaling.md); it must differ between nodes and
     * stay the same across a node's restarts. Default: the host name.
     */
    Optional<String> nodeId();

    /** Where the other nodes reach this one (its internal base URL, e.g. {@code http://10.0.0.5:8080}). */
    Optional<String> nodeAddress();

    /**
     * This node's lease on its boards: renewed every third of it; a node silent this long counts as gone, and the
     * other nodes take its boards.
     */
    @WithDefault("3s")
    Duration nodeLease();

    /** How often rooms get their housekeeping tick (time-based snapshots, retries, idle unload). */
    @WithDefault("1s")
    Duration tickInterval();

    /** Sustained inbound bytes per second per connection. */
    @WithDefault("" + FairUse.BYTES_PER_SECOND)
    long bytesPerSecond();

    /** Inbound bytes a connection may send in a burst. */
    @WithDefault("" + FairUse.BYTE_BURST)
    long byteBurst();

    /** Longest presence frame, in chars. */
    @WithDefault("" + FairUse.MAX_PRESENCE_CHARS)
    int maxPresenceChars();

    /** Presence frames per second per connection that are relayed (more are dropped, latest wins). */
    @WithDefault("" + FairUse.PRESENCE_PER_SECOND)
    int presencePerSecond();

    /** Sockets one person may have open on one board. */
    @WithDefault("" + FairUse.MAX_SOCKETS_PER_USER_BOARD)
    int maxSocketsPerUserBoard();

    /** Sockets one person may have open on this server. */
    @WithDefault("" + FairUse.MAX_SOCKETS_PER_USER)
    int maxSocketsPerUser();

    /** Sockets one board may have. */
    @WithDefault("" + FairUse.MAX_SOCKETS_PER_BOARD)
    int maxSocketsPerBoard();

    /** Outbound bytes queued for a receiver above which presence to it is dropped. */
    @WithDefault("" + FairUse.DROP_PRESENCE_ABOVE_BYTES)
    long dropPresenceAboveBytes();

    /** Outbound bytes queued for a receiver above which it is closed with 4031. */
    @WithDefault("" + FairUse.CLOSE_ABOVE_BYTES)
    long closeAboveBytes();
}
