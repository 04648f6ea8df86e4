package io.mockboard.replay.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Roles;
import io.mockboard.core.Ids;
import io.mockboard.replay.Review;
import io.mockboard.replay.ReviewService;
import io.mockboard.replay.ReviewShares;
import io.mockboard.rubric.Note;
import io.mockboard.rubric.NoteService;
import io.mockboard.rubric.Scorecard;
import io.mockboard.rubric.ScorecardService;
import io.mockboard.session.SessionService;
import io.mockboard.session.SessionSummary;
import io.mockboard.template.ComponentKind;
import io.mockboard.template.ComponentSynonyms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The review page: time per step against its budget, authorship, reference coverage, notes that jump into the replay,
 * calibration, and sharing a read-only review with the candidate (with their self-review notes).
 */
@Path("/sessions/{id}/review")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.INTERVIEWER, Roles.ADMIN})
public class ReviewPage {
    private final ReviewService reviews;
    private final SessionService sessions;
    private final NoteService notes;
    private final ReviewShares shares;
    private final ScorecardService scorecards;
    private final ComponentSynonyms synonyms;
    private final SecurityIdentity identity;

    ReviewPage(ReviewService reviews, SessionService sessions, NoteService notes, ReviewShares shares, ScorecardService scorecards,
            ComponentSynonyms synonyms, SecurityIdentity identity) {
        this.synonyms = synonyms;
        this.reviews = reviews;
        this.sessions = sessions;
        this.notes = notes;
        this.shares = shares;
        this.scorecards = scorecards;
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
        static native TemplateInstance review(CurrentUser user, SessionSummary session, Review review, List<NoteLink> notes,
                List<ReviewShares.Share> shares, Scorecard mine, String newLink, List<ReviewShares.SelfNote> selfNotes,
                List<ComponentKind> kinds, List<ComponentSynonyms.Synonym> learned);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance review(@PathParam("id") String id) {
        return render(Ids.uuid(id, "Session"), CurrentUser.of(identity), null);
    }

    /** Shares the replay (and, when chosen, parts of the caller's submitted scorecard) with the candidate; shows the link once. */
    @POST
    @Path("share")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public TemplateInstance share(@PathParam("id") String id, @FormParam("levels") boolean levels, @FormParam("summary") boolean summary,
            @FormParam("audio") boolean audio, @Context UriInfo uri) {
        UUID sessionId = Ids.uuid(id, "Session");
        CurrentUser user = CurrentUser.of(identity);
        Scorecard mine = submittedOwn(sessionId, user);
        ReviewShares.Share share = shares.create(sessionId, new ReviewShares.Request(mine == null ? null : mine.id(),
                mine != null && levels, mine != null && summary, audio), user);
        return render(sessionId, user, uri.getBaseUriBuilder().path(share.link()).build().toString());
    }

    @POST
    @Path("shares/{shareId}/revoke")
    @Operation(hidden = true)
    public Response revoke(@PathParam("id") String id, @PathParam("shareId") String shareId) {
        UUID sessionId = Ids.uuid(id, "Session");
        shares.revoke(sessionId, Ids.uuid(shareId, "Shared review"), CurrentUser.of(identity));
        return Response.seeOther(URI.create("/sessions/" + sessionId + "/review#share")).build();
    }

    /** Counts a label the vocabulary did not know as a component kind, here and in every later review. */
    @POST
    @Path("labels")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response mapLabel(@PathParam("id") String id, @FormParam("label") String label, @FormParam("kind") String kind) {
        UUID sessionId = Ids.uuid(id, "Session");
        CurrentUser user = CurrentUser.of(identity);
        sessions.get(sessionId, user);
        synonyms.map(label, kind, user);
        return Response.seeOther(URI.create("/sessions/" + sessionId + "/review#coverage-heading")).build();
    }

    /** Forgets a learned label: it is "not recognised" again. */
    @POST
    @Path("labels/forget")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response forgetLabel(@PathParam("id") String id, @FormParam("label") String label) {
        UUID sessionId = Ids.uuid(id, "Session");
        sessions.get(sessionId, CurrentUser.of(identity));
        synonyms.forget(label);
        return Response.seeOther(URI.create("/sessions/" + sessionId + "/review#coverage-heading")).build();
    }

    private Scorecard submittedOwn(UUID sessionId, CurrentUser user) {
        return scorecards.visible(sessionId, user).stream().filter(c -> c.authorId().equals(user.id()) && c.submitted()).findFirst()
                .orElse(null);
    }

    private TemplateInstance render(UUID sessionId, CurrentUser user, String newLink) {
        Review review = reviews.review(sessionId, user);
        SessionSummary session = sessions.get(sessionId, user);
        Instant start = session.createdAt();
        List<NoteLink> links = notes.list(sessionId, user).stream().map(n -> {
            long seconds = Math.max(0, Duration.between(start, n.at()).toSeconds());
            long since = session.startedAt() == null ? seconds : Math.max(0, Duration.between(session.startedAt(), n.at()).toSeconds());
            return new NoteLink(n, seconds, String.format("%d:%02d", since / 60, since % 60));
        }).toList();
        return Templates.review(user, session, review, links, shares.list(sessionId, user), submittedOwn(sessionId, user), newLink,
                shares.notes(sessionId), List.of(ComponentKind.values()), synonyms.list());
    }
}
