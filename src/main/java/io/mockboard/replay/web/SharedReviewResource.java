package io.mockboard.replay.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.mockboard.replay.PresenceLog;
import io.mockboard.replay.RecordedOp;
import io.mockboard.replay.ReplayService;
import io.mockboard.replay.ReviewShares;
import io.mockboard.replay.SceneAt;
import io.mockboard.replay.Timeline;
import io.mockboard.session.RecordedVoices;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A shared review's recording, opened by its link's token (the link is the permission): the same replay
 * API without private notes and hint cards, and the candidate's self-review notes.
 */
@Path("/api/shared/{token}")
public class SharedReviewResource {
    private final ReviewShares shares;
    private final ReplayService replay;
    private final RecordedVoices voices;
    private final SecurityIdentity identity;

    SharedReviewResource(ReviewShares shares, ReplayService replay, RecordedVoices voices, SecurityIdentity identity) {
        this.shares = shares;
        this.replay = replay;
        this.voices = voices;
        this.identity = identity;
    }

    /** A self-review note to add: the moment it is about and the text. */
    public record NewSelfNote(String moment, String body) {}

    @GET
    @Path("replay")
    @Operation(summary = "The shared recording's span, step markers and quiet stretches")
    public Timeline timeline(@PathParam("token") String token) {
        return replay.sharedTimeline(shares.open(token).session());
    }

    @GET
    @Path("replay/scene")
    @Operation(summary = "The shared board at a moment (?at=) or after an op (?seq=)")
    public SceneAt scene(@PathParam("token") String token, @QueryParam("at") String at, @QueryParam("seq") Long seq) {
        return replay.sceneAt(shares.open(token).session(), Moments.parse(at), seq);
    }

    @GET
    @Path("replay/ops")
    @Operation(summary = "Ops of the shared recording after a seq, for playback")
    public List<RecordedOp> ops(@PathParam("token") String token, @QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        return replay.ops(shares.open(token).session(), after == null ? 0 : after, limit == null ? 500 : limit);
    }

    @GET
    @Path("replay/presence")
    @Operation(summary = "Sampled cursors and viewports of the shared recording")
    public List<PresenceLog.PresenceSample> presence(@PathParam("token") String token, @QueryParam("after") Long after,
            @QueryParam("limit") Integer limit) {
        return replay.presence(shares.open(token).session(), after == null ? 0 : after, limit == null ? 2_000 : limit);
    }

    @GET
    @Path("recordings")
    @Operation(summary = "The recorded conversation's tracks, when the interviewer shared it (else 403)")
    public List<RecordedVoices.Track> recordings(@PathParam("token") String token) {
        return voices.tracks(withAudio(token).session().id());
    }

    @GET
    @Path("recordings/{trackId}/media")
    @Operation(summary = "One recorded track as a single audio file, when the interviewer shared the conversation")
    public Response media(@PathParam("token") String token, @PathParam("trackId") UUID trackId) {
        RecordedVoices.Media media = voices.media(withAudio(token).session().id(), trackId)
                .orElseThrow(() -> DomainException.notFound("Recording " + trackId));
        return Response.ok(media.data()).type(media.mimeType()).header("Cache-Control", "private, max-age=60").build();
    }

    private ReviewShares.Opened withAudio(String token) {
        ReviewShares.Opened opened = shares.open(token);
        if (!opened.share().audio()) {
            throw DomainException.forbidden("This review was shared without the recorded conversation");
        }
        return opened;
    }

    @GET
    @Path("notes")
    @Operation(summary = "The candidate's self-review notes")
    public List<ReviewShares.SelfNote> notes(@PathParam("token") String token) {
        return shares.notes(shares.open(token).session().id());
    }

    @POST
    @Path("notes")
    @Operation(summary = "Add a self-review note about a moment (the session's candidate only)")
    public Response addNote(@PathParam("token") String token, NewSelfNote body) {
        Instant at = body == null ? null : Moments.parse(body.moment());
        var note = shares.addNote(token, at, body == null ? null : body.body(), CurrentUser.of(identity));
        return Response.status(Response.Status.CREATED).entity(note).build();
    }
}
