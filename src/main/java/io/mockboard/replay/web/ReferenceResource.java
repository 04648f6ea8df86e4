package io.mockboard.replay.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.core.Ids;
import io.mockboard.replay.ReviewService;
import io.mockboard.replay.ReviewService.ReferenceCoverage;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A session's board against its reference architecture, for whoever may open its recording; a practice session shows
 * it once ended.
 */
@Path("/api/sessions/{sessionId}/reference")
@Authenticated
public class ReferenceResource {
    private final ReviewService reviews;
    private final SecurityIdentity identity;

    ReferenceResource(ReviewService reviews, SecurityIdentity identity) {
        this.reviews = reviews;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The reference architecture and the coverage of the session's final board")
    public ReferenceCoverage coverage(@PathParam("sessionId") String sessionId) {
        return reviews.coverage(Ids.uuid(sessionId, "Session"), CurrentUser.of(identity));
    }

    @GET
    @Path("drawing.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "The reference architecture, drawn")
    public Response drawing(@PathParam("sessionId") String sessionId) {
        return Response.ok(reviews.referenceSvg(Ids.uuid(sessionId, "Session"), CurrentUser.of(identity)))
                .header("Cache-Control", "private, max-age=60")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").build();
    }
}
