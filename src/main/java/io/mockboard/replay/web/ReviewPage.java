package io.mockboard.replay.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Roles;
import io.mockboard.replay.Review;
import io.mockboard.replay.ReviewService;
import io.mockboard.rubric.Note;
import io.mockboard.rubric.NoteService;
import io.mockboard.session.SessionService;
import io.mockboard.session.SessionSummary;
import io.mockboard.web.Ids;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The review page: time per step against its budget, authorship, notes that jump into the replay, calibration. */
@Path("/sessions/{id}/review")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.INTERVIEWER, Roles.ADMIN})
public class ReviewPage {
    private final ReviewService reviews;
    private final SessionService sessions;
    private final NoteService notes;
    private final SecurityIdentity identity;

    ReviewPage(ReviewService reviews, SessionService sessions, NoteService notes, SecurityIdentity identity) {
        this.reviews = reviews;
        this.sessions = sessions;
        this.notes = notes;
        this.identity = identity;
    }

    /** A note with the replay moment it jumps to (seconds since the recording starts). */
    public record NoteLink(Note note, long seconds, String clock) {
        /** The pinned element ids for the replay's {@code focus} parameter. */
        public String focus() {
            return note.elementIds().stream().map(id -> java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8))
                    .collect(java.util.stream.Collectors.joining(","));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(CurrentUser user, SessionSummary session, Review review, List<NoteLink> notes);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance review(@PathParam("id") String id) {
        UUID sessionId = Ids.uuid(id, "Session");
        CurrentUser user = CurrentUser.of(identity);
        Review review = reviews.review(sessionId, user);
        SessionSummary session = sessions.get(sessionId, user);
        Instant start = session.createdAt();
        List<NoteLink> links = notes.list(sessionId, user).stream().map(n -> {
            long seconds = Math.max(0, Duration.between(start, n.at()).toSeconds());
            long since = session.startedAt() == null ? seconds : Math.max(0, Duration.between(session.startedAt(), n.at()).toSeconds());
            return new NoteLink(n, seconds, String.format("%d:%02d", since / 60, since % 60));
        }).toList();
        return Templates.review(user, session, review, links);
    }
}
