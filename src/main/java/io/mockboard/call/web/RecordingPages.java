package io.mockboard.call.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Roles;
import io.mockboard.call.RecordingRetention;
import io.mockboard.core.Ids;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The lobby's "Delete recordings" form: deletes the session's recorded audio, then shows the lobby again. */
@Path("/sessions/{id}/recordings")
@RolesAllowed({Roles.INTERVIEWER, Roles.ADMIN})
public class RecordingPages {
    private final RecordingRetention retention;
    private final SecurityIdentity identity;

    RecordingPages(RecordingRetention retention, SecurityIdentity identity) {
        this.retention = retention;
        this.identity = identity;
    }

    @POST
    @Path("delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response delete(@PathParam("id") String id) {
        UUID sessionId = Ids.uuid(id, "Session");
        retention.deleteAll(sessionId, CurrentUser.of(identity));
        return Response.seeOther(URI.create("/sessions/" + sessionId + "#people")).build();
    }
}
