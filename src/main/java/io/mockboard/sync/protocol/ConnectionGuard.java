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
    private final FairUse fairUse;
    private final Clock clock;
    private double tokens;
    private double byteTokens;
    private double presenceTokens;
    private long lastRefillNanos;
    private int refusedInARow;
    private int badFrames;

    public ConnectionGuard(ProtocolLimits limits, Clock clock) {
        this(limits, FairUse.defaults(), clock);
    }

    public ConnectionGuard(ProtocolLimits limits, FairUse fairUse, Clock clock) {
        this.limits = limits;
        this.fairUse = fairUse;
        this.clock = clock;
        this.tokens = limits.frameBurst();
        this.byteTokens = fairUse.byteBurst();
        this.presenceTokens = fairUse.presencePerSecond();
        this.lastRefillNanos = nanos();
    }

    /** Called for every inbound frame before decoding. */
    public Verdict admit() {
        return admit(0);
    }

    /** Called for every inbound frame of this many chars before decoding: the frame rate and the byte rate. */
    public Verdict admit(int chars) {
        long now = nanos();
        double elapsedSeconds = Math.max(0, now - lastRefillNanos) / 1e9;
        lastRefillNanos = now;
        tokens = Math.min(limits.frameBurst(), tokens + elapsedSeconds * limits.framesPerSecond());
        byteTokens = Math.min(fairUse.byteBurst(), byteTokens + elapsedSeconds * fairUse.bytesPerSecond());
        presenceTokens = Math.min(fairUse.presencePerSecond(), presenceTokens + elapsedSeconds * fairUse.presencePerSecond());
        if (tokens >= 1 && byteTokens >= chars) {
            tokens -= 1;
            byteTokens -= chars;
            refusedInARow = 0;
            return Verdict.ACCEPT;
        }
        refusedInARow++;
        return refusedInARow >= limits.maxRateLimitedFrames() ? Verdict.CLOSE_RATE_ABUSE : Verdict.REFUSE;
    }

    /** Whether a presence frame is relayed: at most {@link FairUse#presencePerSecond()}, latest wins. */
    public boolean relayPresence() {
        if (presenceTokens >= 1) {
            presenceTokens -= 1;
            return true;
        }
        return false;
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
