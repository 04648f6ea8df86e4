package io.mockboard.auth.web;

import io.mockboard.auth.CurrentUser;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/me")
@Authenticated
public class MeResource {
    private final SecurityIdentity identity;

    MeResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The signed-in user and their realm roles")
    public CurrentUser me() {
        return CurrentUser.of(identity);
    }
}
