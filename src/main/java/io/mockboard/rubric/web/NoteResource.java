package io.mockboard.rubric.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.mockboard.core.Ids;
import io.mockboard.rubric.Note;
import io.mockboard.rubric.NoteService.NewNote;
import io.mockboard.rubric.NoteService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Private interviewer notes of a session; the access policy keeps candidates and observers out. */
@Path("/api/sessions/{sessionId}/notes")
@Authenticated
public class NoteResource {
    private final NoteService notes;
    private final SecurityIdentity identity;

    NoteResource(NoteService notes, SecurityIdentity identity) {
        this.notes = notes;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Add a private, server-timestamped note")
    public Response add(@PathParam("sessionId") String sessionId, NewNote body) {
        if (body == null) {
            throw DomainException.invalid("Send a JSON body with the note's body");
        }
        Note note = notes.add(Ids.uuid(sessionId, "Session"), body, CurrentUser.of(identity));
        return Response.status(Response.Status.CREATED).entity(note).build();
    }

    @GET
    @Operation(summary = "The session's private notes, oldest first")
    public List<Note> list(@PathParam("sessionId") String sessionId) {
        return notes.list(Ids.uuid(sessionId, "Session"), CurrentUser.of(identity));
    }
}
