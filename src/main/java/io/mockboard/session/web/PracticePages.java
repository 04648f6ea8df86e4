package io.mockboard.session.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.mockboard.session.SessionService;
import io.mockboard.session.SessionSummary;
import io.mockboard.template.catalog.CaseStudy;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The practice page: the ten case studies to practise alone, and the account's practice sessions. */
@Path("/practice")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class PracticePages {
    private final SessionService sessions;
    private final SecurityIdentity identity;

    PracticePages(SessionService sessions, SecurityIdentity identity) {
        this.sessions = sessions;
        this.identity = identity;
    }

    /** A case study on the page: practising it starts from its blank template. */
    public record Study(String template, String title, String question) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance practice(CurrentUser user, List<Study> studies, List<SessionSummary> mine);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page() {
        CurrentUser user = CurrentUser.of(identity);
        if (user.isGuest()) {
            throw DomainException.forbidden("Sign in with an account to practise; a guest link is for one interview");
        }
        List<Study> studies = java.util.Arrays.stream(CaseStudy.values())
                .map(c -> new Study(c.slug() + "-blank", c.title(), c.question())).toList();
        return Templates.practice(user, studies, sessions.practiceOf(user));
    }

    /** Starts practising and opens the board. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response start(@FormParam("template") String template) {
        SessionSummary session = sessions.practise(template, CurrentUser.of(identity));
        return Response.seeOther(URI.create("/b/" + session.boardId().value())).build();
    }
}
