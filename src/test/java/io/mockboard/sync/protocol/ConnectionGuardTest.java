package io.mockboard.sync.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConnectionGuardTest {

    private static final class StepClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static ProtocolLimits limits(int perSecond, int burst, int maxRefused, int maxBad) {
        ProtocolLimits d = ProtocolLimits.defaults();
        return new ProtocolLimits(d.maxFrameChars(), d.maxJsonDepth(), d.maxElementsPerPush(), d.maxElementDepth(),
                d.maxPoints(), d.maxTextChars(), d.maxStringChars(), d.maxIdChars(), d.maxSelection(),
                d.maxLaserPoints(), perSecond, burst, maxRefused, maxBad);
    }

    @Test
    @DisplayName("[S9] a burst is admitted, then frames are refused until tokens refill")
    void rateLimit() {
        StepClock clock = new StepClock();
        ConnectionGuard guard = new ConnectionGuard(limits(10, 3, 5, 5), clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(ConnectionGuard.Verdict.ACCEPT, guard.admit());
        }
        assertEquals(ConnectionGuard.Verdict.REFUSE, guard.admit());
        clock.now = clock.now.plus(Duration.ofMillis(100));
        assertEquals(ConnectionGuard.Verdict.ACCEPT, guard.admit());
    }

    @Test
    @DisplayName("[S9] persistent flooding closes the connection (4008)")
    void rateAbuse() {
        ConnectionGuard guard = new ConnectionGuard(limits(1, 1, 3, 5), new StepClock());
        assertEquals(ConnectionGuard.Verdict.ACCEPT, guard.admit());
        assertEquals(ConnectionGuard.Verdict.REFUSE, guard.admit());
        assertEquals(ConnectionGuard.Verdict.REFUSE, guard.admit());
        assertEquals(ConnectionGuard.Verdict.CLOSE_RATE_ABUSE, guard.admit());
    }

    @Test
    @DisplayName("[S9] too many bad frames close the connection (4009)")
    void badFrames() {
        ConnectionGuard guard = new ConnectionGuard(limits(10, 10, 5, 3), new StepClock());
        assertEquals(ConnectionGuard.Verdict.ACCEPT, guard.badFrame());
        assertEquals(ConnectionGuard.Verdict.ACCEPT, guard.badFrame());
        assertEquals(ConnectionGuard.Verdict.CLOSE_BAD_FRAMES, guard.badFrame());
    }
}
