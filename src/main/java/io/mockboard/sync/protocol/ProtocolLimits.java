package io.mockboard.sync.protocol;

/**
 * Every size limit applied to inbound frames. {@link #defaults()} is the one place the default values live; the
 * Quarkus layer overrides the configurable ones (whose defaults are the constants below) from {@code mockboard.sync.*}.
 *
 * @param maxFrameChars         longest accepted text frame, in chars (the transport also caps bytes)
 * @param maxJsonDepth          deepest JSON nesting of a whole frame (parser-level guard)
 * @param maxElementsPerPush    elements in one push
 * @param maxElementDepth       nesting depth inside one element (the element object is depth 1)
 * @param maxPoints             items in one element's {@code points} (and in any array of an element)
 * @param maxTextChars          length of an element's {@code text} / {@code originalText}
 * @param maxStringChars        length of any other string (and any key) in an element
 * @param maxIdChars            length of an element id and of a fractional {@code index}
 * @param maxSelection          ids in a presence selection
 * @param maxLaserPoints        points in a presence laser trail
 * @param framesPerSecond       sustained frames per second per connection
 * @param frameBurst            frames a connection may send in a burst above the sustained rate
 * @param maxRateLimitedFrames  consecutive rate-limited frames before the connection is closed (4008)
 * @param maxBadFrames          bad frames per connection before it is closed (4009)
 */
public record ProtocolLimits(
        int maxFrameChars,
        int maxJsonDepth,
        int maxElementsPerPush,
        int maxElementDepth,
        int maxPoints,
        int maxTextChars,
        int maxStringChars,
        int maxIdChars,
        int maxSelection,
        int maxLaserPoints,
        int framesPerSecond,
        int frameBurst,
        int maxRateLimitedFrames,
        int maxBadFrames) {

    public ProtocolLimits {
        if (maxFrameChars < 1 || maxJsonDepth < 2 || maxElementsPerPush < 1 || maxElementDepth < 1
                || maxPoints < 0 || maxTextChars < 0 || maxStringChars < 0 || maxIdChars < 1
                || maxSelection < 0 || maxLaserPoints < 0 || framesPerSecond < 1 || frameBurst < 1
                || maxRateLimitedFrames < 1 || maxBadFrames < 1) {
            throw new IllegalArgumentException("invalid protocol limits: " + this);
        }
    }

    public static final int MAX_ELEMENTS_PER_PUSH = 1_000;
    public static final int FRAMES_PER_SECOND = 60;
    public static final int FRAME_BURST = 120;

    public static ProtocolLimits defaults() {
        return new ProtocolLimits(
                1_048_576, // 1 MiB of chars per frame
                32,
                MAX_ELEMENTS_PER_PUSH,
                8,
                20_000,
                100_000,
                4_096,
                64,
                5_000,
                1_000,
                FRAMES_PER_SECOND,
                FRAME_BURST,
                200,
                20);
    }

    /** These limits with another cap on elements per push. */
    public ProtocolLimits withMaxElementsPerPush(int max) {
        return new ProtocolLimits(maxFrameChars, maxJsonDepth, max, maxElementDepth, maxPoints, maxTextChars, maxStringChars,
                maxIdChars, maxSelection, maxLaserPoints, framesPerSecond, frameBurst, maxRateLimitedFrames, maxBadFrames);
    }

    /** These limits with another frame rate. */
    public ProtocolLimits withFrameRate(int perSecond, int burst) {
        return new ProtocolLimits(maxFrameChars, maxJsonDepth, maxElementsPerPush, maxElementDepth, maxPoints, maxTextChars,
                maxStringChars, maxIdChars, maxSelection, maxLaserPoints, perSecond, burst, maxRateLimitedFrames, maxBadFrames);
    }
}
