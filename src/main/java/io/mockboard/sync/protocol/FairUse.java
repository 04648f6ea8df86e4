package io.mockboard.sync.protocol;

/**
 * Limits that keep one participant (or one buggy client) from slowing anybody else ([S9]): how much a
 * connection may send, how many sockets a person and a board may have, and how far a receiver may fall
 * behind. The defaults are the constants below (the one place they live); the Quarkus layer overrides them
 * from {@code mockboard.sync.*}.
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

    public static final long BYTES_PER_SECOND = 1_048_576; // 1 MiB/s
    public static final long BYTE_BURST = 4_194_304; // 4 MiB: a large paste goes through at once
    public static final int MAX_PRESENCE_CHARS = 8_192;
    public static final int PRESENCE_PER_SECOND = 30; // the browser sends presence at most ~30 times a second
    public static final int MAX_SOCKETS_PER_USER_BOARD = 8;
    public static final int MAX_SOCKETS_PER_USER = 32;
    public static final int MAX_SOCKETS_PER_BOARD = 50;
    public static final long DROP_PRESENCE_ABOVE_BYTES = 1_048_576; // 1 MiB queued: presence to this receiver is dropped
    public static final long CLOSE_ABOVE_BYTES = 8_388_608; // 8 MiB queued: the receiver reconnects and catches up

    public static FairUse defaults() {
        return new FairUse(BYTES_PER_SECOND, BYTE_BURST, MAX_PRESENCE_CHARS, PRESENCE_PER_SECOND, MAX_SOCKETS_PER_USER_BOARD,
                MAX_SOCKETS_PER_USER, MAX_SOCKETS_PER_BOARD, DROP_PRESENCE_ABOVE_BYTES, CLOSE_ABOVE_BYTES);
    }
}
