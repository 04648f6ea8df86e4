package io.mockboard.auth.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mockboard.auth.CurrentUser;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Who is signed in through the browser session (the code flow's cookie), with the access token the
 * React pages use as a bearer token for {@code /api} and to renew the board socket's sign-in. A script
 * request without a session gets 499 instead of a redirect, and the page then asks the person to sign in.
 * <p>
 * Asking within the refresh window ({@code quarkus.oidc.token.refresh-token-time-skew}) of the tokens'
 * expiry makes the code flow refresh them and rewrite the session cookie, so {@code renewIn} says when the
 * page should ask again: half a window before expiry, with the server's clock.
 */
@Path("/auth/session")
@Authenticated
public class SessionInfoResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecurityIdentity identity;
    private final Duration refreshWindow;
    private final Clock clock;

    SessionInfoResource(SecurityIdentity identity,
            @ConfigProperty(name = "quarkus.oidc.token.refresh-token-time-skew") Optional<Duration> refreshWindow, Clock clock) {
        this.identity = identity;
        this.refreshWindow = refreshWindow.orElse(Duration.ZERO);
        this.clock = clock;
    }

    /**
     * @param expiresIn seconds until the access token (or the sign-in it belongs to) expires; null for a guest
     * @param renewIn   seconds after which the page asks again, to get the renewed token before expiry
     */
    public record BrowserSession(CurrentUser user, String accessToken, Long expiresIn, Long renewIn) {}

    @GET
    @Operation(summary = "The user of the browser session, its access token and when to renew it")
    public BrowserSession session() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        CurrentUser user = CurrentUser.of(identity);
        Instant expiry = expiry(token);
        if (token == null || expiry == null) {
            return new BrowserSession(user, token == null ? null : token.getToken(), null, null);
        }
        long expiresIn = Math.max(0, Duration.between(clock.instant(), expiry).toSeconds());
        long renewIn = Math.max(1, expiresIn - Math.max(1, refreshWindow.toSeconds() / 2));
        return new BrowserSession(user, token.getToken(), expiresIn, renewIn);
    }

    /** When the access token expires (the sign-in's own expiry for an opaque token). */
    private Instant expiry(AccessTokenCredential token) {
        Instant tokenExpiry = token == null ? null : jwtExpiry(token.getToken());
        if (tokenExpiry != null) {
            return tokenExpiry;
        }
        return identity.getAttribute("quarkus.identity.expire-time") instanceof Long seconds ? Instant.ofEpochSecond(seconds) : null;
    }

    /** The {@code exp} of a JWT access token (already verified by OIDC), or null for an opaque one. */
    static Instant jwtExpiry(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode exp = JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).get("exp");
            return exp != null && exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }
}
