package io.mockboard.call.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.call.Recording;
import io.mockboard.call.RecordingRetention;
import io.mockboard.call.Recordings;
import io.mockboard.session.RecordedVoices;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A session's recorded conversation: start the caller's own track; list the tracks for replay; delete them all. */
@Path("/api/sessions/{sessionId}/recordings")
@Authenticated
public class SessionRecordingsResource {
    private final Recordings recordings;
    private final RecordingRetention retention;
    private final SecurityIdentity identity;

    SessionRecordingsResource(Recordings recordings, RecordingRetention retention, SecurityIdentity identity) {
        this.recordings = recordings;
        this.retention = retention;
        this.identity = identity;
    }

    /** What a page asks for when it starts recording. */
    public record NewRecording(String mimeType) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start recording the caller's microphone in a running session (the caller consented)")
    public Response start(@PathParam("sessionId") UUID sessionId, NewRecording request) {
        Recording track = recordings.start(sessionId, CurrentUser.of(identity), request == null ? null : request.mimeType());
        return Response.status(Response.Status.CREATED).entity(track).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The session's recorded tracks: whose, from when, how long, and when each speaker spoke")
    public List<RecordedVoices.Track> list(@PathParam("sessionId") UUID sessionId) {
        return recordings.list(sessionId, CurrentUser.of(identity));
    }

    @DELETE
    @Operation(summary = "Delete all the session's recorded audio, for good (its owner and admins; not while it is live)")
    public Response delete(@PathParam("sessionId") UUID sessionId) {
        retention.deleteAll(sessionId, CurrentUser.of(identity));
        return Response.noContent().build();
    }
}
