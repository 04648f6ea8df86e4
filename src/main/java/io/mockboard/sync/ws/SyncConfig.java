package io.mockboard.sync.ws;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Settings of the sync engine ({@code mockboard.sync.*}). Unset values fall back to the defaults in
 * {@code RoomConfig.defaults()} and {@code ProtocolLimits.defaults()}, the one place they live.
 */
@ConfigMapping(prefix = "mockboard.sync")
public interface SyncConfig {
    /** Origins (scheme://host[:port]) allowed to open board sockets, besides the server's own origin. */
    Optional<List<String>> allowedOrigins();

    /** Take a snapshot of a board's scene after this many ops. */
    OptionalInt snapshotEveryOps();

    /** Take a snapshot after this much time when the board changed. */
    Optional<Duration> snapshotEvery();

    /** A reconnecting client at most this many ops behind gets the ops, else a snapshot. */
    OptionalInt maxCatchupOps();

    /** Most ops written in one group commit. */
    OptionalInt maxBatchOps();

    /** Most pushes a room holds unsaved; more are refused with a retryable error. */
    OptionalInt maxPendingOps();

    /** Wait this long before retrying a failed append. */
    Optional<Duration> retryBackoff();

    /** Sustained frames per second per connection. */
    OptionalInt framesPerSecond();

    /** Frames a connection may send in a burst. */
    OptionalInt frameBurst();

    /** Most elements in one push. */
    OptionalInt maxElementsPerPush();

    /** Threads writing to and reading from PostgreSQL for the rooms. */
    OptionalInt storeThreads();

    /** Group commits that may run at once; appends arriving meanwhile are stored together, across boards. */
    OptionalInt storeWriters();

    /** How often rooms get their housekeeping tick (time-based snapshots, retries, idle unload). */
    Optional<Duration> tickInterval();

    /** Sustained inbound bytes per second per connection. */
    OptionalLong bytesPerSecond();

    /** Inbound bytes a connection may send in a burst. */
    OptionalLong byteBurst();

    /** Longest presence frame, in chars. */
    OptionalInt maxPresenceChars();

    /** Presence frames per second per connection that are relayed (more are dropped, latest wins). */
    OptionalInt presencePerSecond();

    /** Sockets one person may have open on one board. */
    OptionalInt maxSocketsPerUserBoard();

    /** Sockets one person may have open on this server. */
    OptionalInt maxSocketsPerUser();

    /** Sockets one board may have. */
    OptionalInt maxSocketsPerBoard();

    /** Outbound bytes queued for a receiver above which presence to it is dropped. */
    OptionalLong dropPresenceAboveBytes();

    /** Outbound bytes queued for a receiver above which it is closed with 4031. */
    OptionalLong closeAboveBytes();
}
