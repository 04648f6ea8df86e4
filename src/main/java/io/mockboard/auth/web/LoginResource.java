package io.mockboard.auth.web;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Sign-in entry point: the code flow sends the browser through Keycloak, then back to {@code next}. */
@Path("/login")
public class LoginResource {
    @GET
    @Authenticated
    @Operation(hidden = true)
    public Response login(@QueryParam("next") String next) {
        return Response.seeOther(URI.create(isLocalPath(next) ? next : "/home")).build();
    }

    /** Only paths on this site, so the sign-in link cannot be used to send people elsewhere. */
    static boolean isLocalPath(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
                && next.chars().noneMatch(Character::isISOControl);
    }
}
