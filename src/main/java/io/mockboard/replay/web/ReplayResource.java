package io.mockboard.replay.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.board.BoardSummary;
import io.mockboard.core.DomainException;
import io.mockboard.core.Ids;
import io.mockboard.replay.PresenceLog;
import io.mockboard.replay.RecordedOp;
import io.mockboard.replay.ReplayService;
import io.mockboard.replay.Restore;
import io.mockboard.replay.ReviewService;
import io.mockboard.replay.SceneAt;
import io.mockboard.replay.Timeline;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A session's recording: timeline, scene at a moment, and ops in chunks for playback. */
@Path("/api/sessions/{sessionId}/replay")
@Authenticated
public class ReplayResource {
    private final ReplayService replay;
    private final Restore restore;
    private final ReviewService reviews;
    private final SecurityIdentity identity;

    ReplayResource(ReplayService replay, ReviewService reviews, Restore restore, SecurityIdentity identity) {
        this.replay = replay;
        this.reviews = reviews;
        this.restore = restore;
        this.identity = identity;
    }

    /** The moment to copy. */
    public record RestoreAt(String at) {}

    @GET
    @Operation(summary = "The recording's span, markers (steps, notes, hint reveals) and quiet stretches")
    public Timeline timeline(@PathParam("sessionId") String sessionId) {
        return replay.timeline(Ids.uuid(sessionId, "Session"), user());
    }

    @GET
    @Path("scene")
    @Operation(summary = "The board at a moment (?at=ISO-8601) or after an op (?seq=N): nearest snapshot plus the ops after it")
    public SceneAt scene(@PathParam("sessionId") String sessionId, @QueryParam("at") String at, @QueryParam("seq") Long seq) {
        return replay.sceneAt(Ids.uuid(sessionId, "Session"), Moments.parse(at), seq, user());
    }

    @GET
    @Path("ops")
    @Operation(summary = "Ops after a seq, in order, for playback (up to 2000 at a time)")
    public List<RecordedOp> ops(@PathParam("sessionId") String sessionId, @QueryParam("after") Long after,
            @QueryParam("limit") Integer limit) {
        return replay.ops(Ids.uuid(sessionId, "Session"), after == null ? 0 : after, limit == null ? 500 : limit, user());
    }

    @GET
    @Path("presence")
    @Operation(summary = "Sampled cursors, viewports and laser trails after a sample id, oldest first (up to 5000 at a time)")
    public List<PresenceLog.PresenceSample> presence(@PathParam("sessionId") String sessionId, @QueryParam("after") Long after,
            @QueryParam("limit") Integer limit) {
        return replay.presence(Ids.uuid(sessionId, "Session"), after == null ? 0 : after, limit == null ? 2_000 : limit, user());
    }

    @GET
    @Path("authors")
    @Operation(summary = "Who last changed each element up to op ?seq=N, and the authors' names (highlight by author)")
    public ReviewService.Authors authors(@PathParam("sessionId") String sessionId, @QueryParam("seq") Long seq) {
        if (seq == null || seq < 0) {
            throw DomainException.invalid("'seq' is an op number of 0 or more");
        }
        return reviews.authors(Ids.uuid(sessionId, "Session"), seq, user());
    }

    @POST
    @Path("restore")
    @Operation(summary = "Create a new board holding the scene of a recorded moment")
    public Response restore(@PathParam("sessionId") String sessionId, RestoreAt body) {
        BoardSummary board = restore.boardFrom(Ids.uuid(sessionId, "Session"), Moments.parse(body == null ? null : body.at()), user());
        return Response.created(URI.create("/api/boards/" + board.id())).entity(board).build();
    }

    private CurrentUser user() {
        return CurrentUser.of(identity);
    }
}
