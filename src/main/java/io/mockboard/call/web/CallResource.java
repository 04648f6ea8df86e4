package io.mockboard.call.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.call.CallSettings;
import io.mockboard.call.Calls;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The call's settings for the signed-in person or guest. */
@Path("/api/call/settings")
@Authenticated
public class CallResource {
    private final Calls calls;
    private final SecurityIdentity identity;

    CallResource(Calls calls, SecurityIdentity identity) {
        this.calls = calls;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "ICE servers (with TURN credentials for the caller) for the call on a board")
    public CallSettings settings() {
        return calls.settingsFor(CurrentUser.of(identity));
    }
}
