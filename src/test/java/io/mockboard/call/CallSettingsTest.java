package io.mockboard.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallSettingsTest {
    static CallConfig config(List<String> urls, String secret) {
        return new CallConfig() {
            @Override
            public Optional<List<String>> iceServers() {
                return Optional.ofNullable(urls);
            }

            @Override
            public Optional<String> turnSecret() {
                return Optional.ofNullable(secret);
            }

            @Override
            public Duration turnCredentialLifetime() {
                return Duration.ofHours(12);
            }

            @Override
            public boolean loopbackOnly() {
                return false;
            }

            @Override
            public Duration retention() {
                return Duration.ofDays(180);
            }
        };
    }

    @Test
    void noIceServersAtAllWorksOnALan() {
        assertThat(CallSettings.of(config(null, null), "u-ada", Instant.EPOCH).iceServers()).isEmpty();
    }

    @Test
    void turnServersGetTimeLimitedCredentialsForThePersonStunServersNone() {
        CallSettings settings = CallSettings.of(config(List.of("stun:turn.example.org:3478", "turn:turn.example.org:3478?transport=udp"),
                "s3cret"), "u-ada", Instant.ofEpochSecond(1_000));
        assertThat(settings.iceServers()).hasSize(2);
        assertThat(settings.iceServers().get(0)).isEqualTo(new CallSettings.IceServer(List.of("stun:turn.example.org:3478"), null, null));
        CallSettings.IceServer turn = settings.iceServers().get(1);
        assertThat(turn.username()).isEqualTo((1_000 + 12 * 3600) + ":u-ada");
        // coturn's check, base64(HMAC-SHA1(static-auth-secret, username)), as openssl computes it:
        // echo -n "44200:u-ada" | openssl dgst -sha1 -hmac s3cret -binary | base64
        assertThat(turn.credential()).isEqualTo("ApqANn5EilOlYjiBifGK1lR9VXI=");
    }
}
