package io.mockboard.session.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Roles;
import io.mockboard.core.DomainException;
import io.mockboard.core.Ids;
import io.mockboard.session.SessionService.NewSession;
import io.mockboard.session.SessionService;
import io.mockboard.session.SessionSummary;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Interview sessions of the signed-in interviewer. Someone else's session is answered as not found. */
@Path("/api/sessions")
@RolesAllowed({Roles.INTERVIEWER, Roles.ADMIN})
public class SessionResource {
    private final SessionService sessions;
    private final SecurityIdentity identity;

    SessionResource(SessionService sessions, SecurityIdentity identity) {
        this.sessions = sessions;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Schedule a session; it gets its own board")
    public Response create(NewSession body) {
        if (body == null) {
            throw DomainException.invalid("Send a JSON body with a title");
        }
        SessionSummary created = sessions.create(body, user());
        return Response.created(URI.create("/api/sessions/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "My sessions, newest first")
    public List<SessionSummary> list() {
        return sessions.visibleTo(user());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One session")
    public SessionSummary get(@PathParam("id") String id) {
        return sessions.get(Ids.uuid(id, "Session"), user());
    }

    @POST
    @Path("{id}/start")
    @Operation(summary = "Start a scheduled session")
    public SessionSummary start(@PathParam("id") String id) {
        return sessions.start(Ids.uuid(id, "Session"), user());
    }

    @POST
    @Path("{id}/end")
    @Operation(summary = "End a live session")
    public SessionSummary end(@PathParam("id") String id) {
        return sessions.end(Ids.uuid(id, "Session"), user());
    }

    private CurrentUser user() {
        return CurrentUser.of(identity);
    }
}
