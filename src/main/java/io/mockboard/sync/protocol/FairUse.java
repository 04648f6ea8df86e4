package io.mockboard.sync.protocol;

/**
 * Limits that keep one participant (or one buggy client) from slowing anybody else ([S9]): how much a
 * connection may send, how many sockets a person and a board may have, and how far a receiver may fall
 * behind. {@link #defaults()} is the single place where the default values live; the Quarkus layer
 * overrides them from {@code mockboard.sync.*}.
 *
 * @param bytesPerSecond         sustained inbound bytes per second per connection (a 1,000-element paste is ~430 KB)
 * @param byteBurst              inbound bytes a connection may send in a burst above that rate
 * @param maxPresenceChars       longest presence frame (a cursor, 200 selected ids and a short laser trail fit in 8 KiB)
 * @param presencePerSecond      presence frames per second per connection that are relayed; more are dropped (latest wins)
 * @param maxSocketsPerUserBoard sockets one person may have open on one board (tabs, devices)
 * @param maxSocketsPerUser      sockets one person may have open on this server, all boards together
 * @param maxSocketsPerBoard     sockets one board may have (an interview has 2-6 people; reviewers and observers add a few)
 * @param dropPresenceAboveBytes outbound bytes waiting for a receiver above which presence to it is dropped
 * @param closeAboveBytes        outbound bytes waiting for a receiver above which it is closed (4031) and must catch up
 */
public record FairUse(
        long bytesPerSecond,
        long byteBurst,
        int maxPresenceChars,
        int presencePerSecond,
        int maxSocketsPerUserBoard,
        int maxSocketsPerUser,
        int maxSocketsPerBoard,
        long dropPresenceAboveBytes,
        long closeAboveBytes) {

    public FairUse {
        if (bytesPerSecond < 1 || byteBurst < 1 || maxPresenceChars < 64 || presencePerSecond < 1 || maxSocketsPerUserBoard < 1
                || maxSocketsPerUser < 1 || maxSocketsPerBoard < 1 || dropPresenceAboveBytes < 1 || closeAboveBytes < dropPresenceAboveBytes) {
            throw new IllegalArgumentException("invalid fair-use limits: " + this);
        }
    }

    public static FairUse defaults() {
        return new FairUse(
                1_048_576,      // 1 MiB/s
                4_194_304,      // 4 MiB burst: a large paste goes through at once
                8_192,
                30,             // the browser sends presence at most ~30 times a second
                8,
                32,
                50,
                1_048_576,      // 1 MiB queued: presence to this receiver is dropped
                8_388_608);     // 8 MiB queued: the receiver cannot keep up; it reconnects and catches up
    }
}
