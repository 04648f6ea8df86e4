package io.mockboard.web;

import io.mockboard.auth.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The Qute home page. */
@Path("/home")
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
    @Operation(hidden = true)
    public TemplateInstance home() {
        return Templates.home(CurrentUser.of(identity));
    }
}
