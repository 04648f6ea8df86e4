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

    @Test
    @DisplayName("[S9] bytes are rate-limited too: a burst of large frames is admitted, then refused until bytes refill")
    void byteRate() {
        StepClock clock = new StepClock();
        FairUse small = new FairUse(1_000, 3_000, 8_192, 30, 8, 32, 50, 1_000, 2_000);
        ConnectionGuard guard = new ConnectionGuard(limits(100, 100, 50, 5), small, clock);
        assertEquals(ConnectionGuard.Verdict.ACCEPT, guard.admit(2_000));
        assertEquals(ConnectionGuard.Verdict.ACCEPT, guard.admit(1_000));
        assertEquals(ConnectionGuard.Verdict.REFUSE, guard.admit(500));
        assertEquals(ConnectionGuard.Verdict.ACCEPT, guard.admit(0), "small frames still pass");
        clock.now = clock.now.plus(Duration.ofMillis(500));
        assertEquals(ConnectionGuard.Verdict.ACCEPT, guard.admit(500));
    }

    @Test
    @DisplayName("[S9] presence beyond its rate is dropped (not relayed), and relayed again once the rate allows")
    void presenceRate() {
        StepClock clock = new StepClock();
        FairUse fair = new FairUse(1_000_000, 1_000_000, 8_192, 5, 8, 32, 50, 1_000, 2_000);
        ConnectionGuard guard = new ConnectionGuard(limits(100, 100, 50, 5), fair, clock);
        int relayed = 0;
        for (int i = 0; i < 50; i++) {
            guard.admit(100);
            relayed += guard.relayPresence() ? 1 : 0;
        }
        assertEquals(5, relayed);
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        guard.admit(100);
        assertEquals(true, guard.relayPresence());
    }
}
