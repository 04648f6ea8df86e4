package io.mockboard.session.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JoinThrottleTest {
    private Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final JoinThrottle throttle = new JoinThrottle(new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void anAddressIsBlockedAfterTenUnknownLinksUntilTheWindowEnds() {
        for (int i = 0; i < JoinThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.blocked("10.0.0.1")).isFalse();
        throttle.failed("10.0.0.1");
        assertThat(throttle.blocked("10.0.0.1")).isTrue();
        assertThat(throttle.blocked("10.0.0.2")).as("other addresses are not affected").isFalse();

        now = now.plus(JoinThrottle.WINDOW).plus(Duration.ofSeconds(1));
        assertThat(throttle.blocked("10.0.0.1")).isFalse();
        throttle.failed("10.0.0.1");
        assertThat(throttle.blocked("10.0.0.1")).as("a new window starts counting from one").isFalse();
    }
}
