package io.mockboard.rubric.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.core.Ids;
import io.mockboard.rubric.Note;
import io.mockboard.rubric.ProbeService;
import io.mockboard.rubric.ProbeService.SessionProbes;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The probe bank of a session's case study, for interviewers; candidates and observers get 403. */
@Path("/api/sessions/{sessionId}/probes")
@Authenticated
public class ProbeResource {
    private final ProbeService probes;
    private final SecurityIdentity identity;

    ProbeResource(ProbeService probes, SecurityIdentity identity) {
        this.probes = probes;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The follow-up probes of the session's case study per step (?step= for one), with when each was asked")
    public SessionProbes list(@PathParam("sessionId") String sessionId, @QueryParam("step") String step) {
        return probes.probes(Ids.uuid(sessionId, "Session"), step, CurrentUser.of(identity));
    }

    @POST
    @Path("/{probeId}/asked")
    @Operation(summary = "Record that a probe was asked: a private note, timestamped by the server; asking again returns it")
    public Note ask(@PathParam("sessionId") String sessionId, @PathParam("probeId") String probeId) {
        return probes.ask(Ids.uuid(sessionId, "Session"), probeId, CurrentUser.of(identity));
    }
}
