package io.mockboard.sync.protocol;

import java.time.Clock;

/**
 * Per-connection rate limit and bad-frame budget ([S9]). The transport asks {@link #admit()} for every
 * inbound frame and reports every frame that failed to decode with {@link #badFrame()}; it acts on the
 * returned {@link Verdict}. A token bucket refilled at {@link ProtocolLimits#framesPerSecond()} up to
 * {@link ProtocolLimits#frameBurst()}. Not thread-safe: one instance per connection, used from its
 * event loop.
 */
public final class ConnectionGuard {

    /** What the transport does with a frame. */
    public enum Verdict {
        /** Handle the frame. */
        ACCEPT,
        /** Drop the frame and answer {@link ErrorCode#RATE_LIMITED}. */
        REFUSE,
        /** Close with {@link CloseCodes#RATE_LIMIT_ABUSE}. */
        CLOSE_RATE_ABUSE,
        /** Close with {@link CloseCodes#TOO_MANY_BAD_FRAMES}. */
        CLOSE_BAD_FRAMES
    }

    private final ProtocolLimits limits;
    private final Clock clock;
    private double tokens;
    private long lastRefillNanos;
    private int refusedInARow;
    private int badFrames;

    public ConnectionGuard(ProtocolLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.tokens = limits.frameBurst();
        this.lastRefillNanos = nanos();
    }

    /** Called for every inbound frame before decoding. */
    public Verdict admit() {
        long now = nanos();
        double elapsedSeconds = Math.max(0, now - lastRefillNanos) / 1e9;
        lastRefillNanos = now;
        tokens = Math.min(limits.frameBurst(), tokens + elapsedSeconds * limits.framesPerSecond());
        if (tokens >= 1) {
            tokens -= 1;
            refusedInARow = 0;
            return Verdict.ACCEPT;
        }
        refusedInARow++;
        return refusedInARow >= limits.maxRateLimitedFrames() ? Verdict.CLOSE_RATE_ABUSE : Verdict.REFUSE;
    }

    /** Called for every frame that failed to decode; answers with an error until the budget is spent. */
    public Verdict badFrame() {
        badFrames++;
        return badFrames >= limits.maxBadFrames() ? Verdict.CLOSE_BAD_FRAMES : Verdict.ACCEPT;
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
