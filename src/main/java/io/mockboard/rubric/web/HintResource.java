package io.mockboard.rubric.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.mockboard.core.Ids;
import io.mockboard.rubric.Hint;
import io.mockboard.rubric.HintService.NewHint;
import io.mockboard.rubric.HintService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The interviewer's hint cards; candidates and observers get 403 (they see a card only once it is on the board). */
@Path("/api/sessions/{sessionId}/hints")
@Authenticated
public class HintResource {
    private final HintService hints;
    private final SecurityIdentity identity;

    HintResource(HintService hints, SecurityIdentity identity) {
        this.hints = hints;
        this.identity = identity;
    }

    /** Which board elements now show the card. */
    public record Reveal(List<String> elementIds) {}

    @GET
    @Operation(summary = "The session's hint cards, revealed or not")
    public List<Hint> list(@PathParam("sessionId") String sessionId) {
        return hints.list(Ids.uuid(sessionId, "Session"), CurrentUser.of(identity));
    }

    @POST
    @Operation(summary = "Add a hint card to the hidden layer")
    public Response add(@PathParam("sessionId") String sessionId, NewHint body) {
        if (body == null) {
            throw DomainException.invalid("Send a JSON body with the card's title and text");
        }
        return Response.status(Response.Status.CREATED).entity(hints.add(Ids.uuid(sessionId, "Session"), body, CurrentUser.of(identity)))
                .build();
    }

    @POST
    @Path("{hintId}/reveal")
    @Operation(summary = "Record that a card was revealed into the shared board")
    public Hint reveal(@PathParam("sessionId") String sessionId, @PathParam("hintId") String hintId, Reveal body) {
        return hints.reveal(Ids.uuid(sessionId, "Session"), Ids.uuid(hintId, "Hint card"), body == null ? null : body.elementIds(),
                CurrentUser.of(identity));
    }
}
