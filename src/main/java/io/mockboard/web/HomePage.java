package io.mockboard.web;

import io.mockboard.auth.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The Qute home page, and the sign-in entry point that sends the browser through Keycloak. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {
    private final SecurityIdentity identity;

    HomePage(SecurityIdentity identity) {
        this.identity = identity;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(CurrentUser user);
    }

    @GET
    @Path("home")
    @Operation(hidden = true)
    public TemplateInstance home() {
        return Templates.home(CurrentUser.of(identity));
    }

    @GET
    @Path("login")
    @Authenticated
    @Operation(hidden = true)
    public Response login() {
        return Response.seeOther(URI.create("/home")).build();
    }
}
