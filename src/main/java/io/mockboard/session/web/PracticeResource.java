package io.mockboard.session.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.mockboard.core.Ids;
import io.mockboard.session.SessionService;
import io.mockboard.session.SessionSummary;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Practice alone: any signed-in account starts a case study by itself, moves the steps and ends it. */
@Path("/api/practice")
@Authenticated
public class PracticeResource {
    private final SessionService sessions;
    private final SecurityIdentity identity;

    PracticeResource(SessionService sessions, SecurityIdentity identity) {
        this.sessions = sessions;
        this.identity = identity;
    }

    /** The case study to practise: a template's slug (e.g. {@code video-recommendation-blank}) or id. */
    public record NewPractice(String template) {}

    @POST
    @Operation(summary = "Start a practice session from a template with a reference architecture; it is live at once")
    public Response start(NewPractice body) {
        if (body == null) {
            throw DomainException.invalid("Send a JSON body with the template to practise");
        }
        SessionSummary session = sessions.practise(body.template(), CurrentUser.of(identity));
        return Response.created(URI.create("/api/sessions/" + session.id())).entity(session).build();
    }

    @GET
    @Operation(summary = "My practice sessions, newest first")
    public List<SessionSummary> list() {
        return sessions.practiceOf(CurrentUser.of(identity));
    }

    @POST
    @Path("{id}/end")
    @Operation(summary = "End my practice session: its board becomes read-only and the reference is revealed")
    public SessionSummary end(@PathParam("id") String id) {
        return sessions.end(Ids.uuid(id, "Session"), CurrentUser.of(identity));
    }
}
