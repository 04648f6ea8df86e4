package io.mockboard.call;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the call on a board and its recordings ({@code mockboard.call.*}); {@code docs/call.md} explains them. */
@ConfigMapping(prefix = "mockboard.call")
public interface CallConfig {
    /** STUN and TURN server URLs ({@code stun:host:3478}, {@code turn:host:3478?transport=udp}); none works on a LAN. */
    Optional<List<String>> iceServers();

    /**
     * The shared secret of a TURN server that uses time-limited credentials (coturn's {@code use-auth-secret} and
     * {@code static-auth-secret}); without it TURN URLs get no credentials.
     */
    Optional<String> turnSecret();

    /** How long the TURN credentials handed to a page stay valid. */
    @WithDefault("12h")
    Duration turnCredentialLifetime();

    /** Pages use only loopback (127.0.0.1) ICE candidates: for tests on one machine, never in production. */
    @WithDefault("false")
    boolean loopbackOnly();

    /**
     * How long a session's recorded audio is kept after the session ended; then the retention policy deletes it. A very
     * large value ({@code 36500d}) keeps it effectively forever.
     */
    @WithDefault("180d")
    Duration retention();
}
