package io.mockboard.auth.web;

import io.mockboard.auth.CurrentUser;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Who is signed in through the browser session (the code flow's cookie), with the access token the
 * React pages use as a bearer token for {@code /api}. A script request without a session gets 499
 * instead of a redirect, and the page then sends the browser to /login.
 */
@Path("/auth/session")
@Authenticated
public class SessionInfoResource {
    private final SecurityIdentity identity;

    SessionInfoResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    public record BrowserSession(CurrentUser user, String accessToken) {}

    @GET
    @Operation(summary = "The user of the browser session and its access token")
    public BrowserSession session() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        return new BrowserSession(CurrentUser.of(identity), token == null ? null : token.getToken());
    }
}
