package io.mockboard.session.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.mockboard.core.Ids;
import io.mockboard.session.flow.Flow;
import io.mockboard.session.flow.FlowService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The session's framework steps and timer: everyone on the board reads it, interviewers move it. */
@Path("/api/sessions/{sessionId}/flow")
@Authenticated
public class FlowResource {
    private final FlowService flows;
    private final SecurityIdentity identity;

    FlowResource(FlowService flows, SecurityIdentity identity) {
        this.flows = flows;
        this.identity = identity;
    }

    /** Where to move. */
    public record MoveTo(String step) {}

    @GET
    @Operation(summary = "The steps, the current step since when, every move, and the server's clock")
    public Flow flow(@PathParam("sessionId") String sessionId) {
        return flows.flow(Ids.uuid(sessionId, "Session"), CurrentUser.of(identity));
    }

    @POST
    @Path("step")
    @Operation(summary = "Move the live session to a step (interviewers)")
    public Flow move(@PathParam("sessionId") String sessionId, MoveTo body) {
        if (body == null || body.step() == null || body.step().isBlank()) {
            throw DomainException.invalid("Send a JSON body with the step's id");
        }
        return flows.moveTo(Ids.uuid(sessionId, "Session"), body.step(), CurrentUser.of(identity));
    }
}
