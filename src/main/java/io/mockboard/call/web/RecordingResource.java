package io.mockboard.call.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.call.RecordingRetention;
import io.mockboard.call.Recordings;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One recorded track: the caller's own chunks go in; whoever may replay its session listens; its owner and admins delete it. */
@Path("/api/recordings/{trackId}")
@Authenticated
public class RecordingResource {
    private final Recordings recordings;
    private final RecordingRetention retention;
    private final SecurityIdentity identity;

    RecordingResource(Recordings recordings, RecordingRetention retention, SecurityIdentity identity) {
        this.recordings = recordings;
        this.retention = retention;
        this.identity = identity;
    }

    @PUT
    @Path("/chunks/{seq}")
    @Consumes("*/*")
    @Operation(summary = "Store one chunk of the caller's own recording (and when they spoke in it); answered once stored, idempotent by number")
    public Response chunk(@PathParam("trackId") UUID trackId, @PathParam("seq") int seq, @QueryParam("startMs") Long startMs,
            @QueryParam("endMs") Long endMs, @QueryParam("speech") String speech, @HeaderParam("Content-Type") String contentType,
            byte[] data) {
        boolean fresh = recordings.chunk(trackId, CurrentUser.of(identity), seq, startMs, endMs, speech, contentType,
                data == null ? new byte[0] : data);
        return Response.status(fresh ? Response.Status.CREATED : Response.Status.OK).build();
    }

    @GET
    @Path("/media")
    @Operation(summary = "One recorded track as a single audio file")
    public Response media(@PathParam("trackId") UUID trackId) {
        Recordings.Media media = recordings.media(trackId, CurrentUser.of(identity));
        return Response.ok(media.data()).type(media.mimeType()).header("Cache-Control", "private, max-age=60").build();
    }

    @DELETE
    @Operation(summary = "Delete one recorded track, for good (its session's owner and admins; not while the session is live)")
    public Response delete(@PathParam("trackId") UUID trackId) {
        retention.deleteTrack(trackId, CurrentUser.of(identity));
        return Response.noContent().build();
    }
}
