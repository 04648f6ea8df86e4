package io.mockboard.session.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing of invite links: an address that presented {@value #MAX_FAILURES} unknown links
 * within a window is refused until the window ends. (A link has 256 random bits; this keeps the lookups
 * from becoming a load problem and makes scanning visible.)
 */
@ApplicationScoped
class JoinThrottle {
    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_TRACKED = 10_000;

    private record Window(Instant start, int failures) {}

    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    JoinThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether this address must wait before trying another link. */
    boolean blocked(String address) {
        Window w = windows.get(address);
        return w != null && w.failures() >= MAX_FAILURES && clock.instant().isBefore(w.start().plus(WINDOW));
    }

    /** Forgets every address (tests). */
    void clear() {
        windows.clear();
    }

    /** Counts an unknown link presented by this address. */
    void failed(String address) {
        Instant now = clock.instant();
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(WINDOW)));
        }
        windows.compute(address, (key, w) -> w == null || !now.isBefore(w.start().plus(WINDOW))
                ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
    }
}
