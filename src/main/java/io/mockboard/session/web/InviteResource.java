package io.mockboard.session.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Roles;
import io.mockboard.core.Ids;
import io.mockboard.session.InviteService.NewInvite;
import io.mockboard.session.InviteService;
import io.mockboard.session.InviteSummary;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Invite links of one session, managed by its interviewer. */
@Path("/api/sessions/{sessionId}/invites")
@RolesAllowed({Roles.INTERVIEWER, Roles.ADMIN})
public class InviteResource {
    private final InviteService invites;
    private final SecurityIdentity identity;

    InviteResource(InviteService invites, SecurityIdentity identity) {
        this.invites = invites;
        this.identity = identity;
    }

    /** The new invite with its link; the link cannot be shown again (only its hash is stored). */
    public record CreatedLink(InviteSummary invite, String link) {}

    @POST
    @Operation(summary = "Create an invite link for a candidate or an observer")
    public Response create(@PathParam("sessionId") String sessionId, NewInvite body, UriInfo uri) {
        var created = invites.create(Ids.uuid(sessionId, "Session"), body == null ? new NewInvite(null, null, false) : body, user());
        String link = uri.getBaseUriBuilder().path("join").path(created.token()).build().toString();
        return Response.status(Response.Status.CREATED).entity(new CreatedLink(created.invite(), link)).build();
    }

    @GET
    @Operation(summary = "The session's invites (without their links)")
    public List<InviteSummary> list(@PathParam("sessionId") String sessionId) {
        return invites.list(Ids.uuid(sessionId, "Session"), user());
    }

    @POST
    @Path("{inviteId}/revoke")
    @Operation(summary = "Revoke an invite link")
    public InviteSummary revoke(@PathParam("sessionId") String sessionId, @PathParam("inviteId") String inviteId) {
        return invites.revoke(Ids.uuid(sessionId, "Session"), Ids.uuid(inviteId, "Invite"), user());
    }

    private CurrentUser user() {
        return CurrentUser.of(identity);
    }
}
