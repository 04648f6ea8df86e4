package io.mockboard.replay.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.core.Ids;
import io.mockboard.replay.ReviewShares;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Read-only reviews of a session shared with its candidate through links, managed by its interviewers. */
@Path("/api/sessions/{sessionId}/shares")
@Authenticated
public class ShareResource {
    private final ReviewShares shares;
    private final SecurityIdentity identity;

    ShareResource(ReviewShares shares, SecurityIdentity identity) {
        this.shares = shares;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Share the replay and chosen parts of your submitted scorecard through a link (shown once)")
    public Response create(@PathParam("sessionId") String sessionId, ReviewShares.Request body, @Context UriInfo uri) {
        ReviewShares.Share share = shares.create(Ids.uuid(sessionId, "Session"), body, CurrentUser.of(identity));
        String link = uri.getBaseUriBuilder().path(share.link()).build().toString();
        return Response.status(Response.Status.CREATED).entity(new ReviewShares.Share(share.id(), share.sessionId(), share.scorecardId(),
                share.levels(), share.summary(), share.audio(), share.createdBy(), share.createdAt(), share.revokedAt(), link)).build();
    }

    @GET
    @Operation(summary = "The session's shared reviews")
    public List<ReviewShares.Share> list(@PathParam("sessionId") String sessionId) {
        return shares.list(Ids.uuid(sessionId, "Session"), CurrentUser.of(identity));
    }

    @DELETE
    @Path("{shareId}")
    @Operation(summary = "Withdraw a shared review; its link stops working at once")
    public ReviewShares.Share revoke(@PathParam("sessionId") String sessionId, @PathParam("shareId") String shareId) {
        return shares.revoke(Ids.uuid(sessionId, "Session"), Ids.uuid(shareId, "Shared review"), CurrentUser.of(identity));
    }
}
