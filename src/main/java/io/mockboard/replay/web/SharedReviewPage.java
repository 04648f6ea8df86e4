package io.mockboard.replay.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.mockboard.replay.Review;
import io.mockboard.replay.ReviewService;
import io.mockboard.replay.ReviewShares;
import io.mockboard.rubric.RubricContent;
import io.mockboard.rubric.Scorecard;
import io.mockboard.web.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A review shared with the candidate (no account needed: the link is the permission): time per step, the
 * shared parts of the interviewer's scorecard, a link into the replay, and the candidate's self-review notes.
 */
@Path("/shared/{token}")
@Produces(MediaType.TEXT_HTML)
public class SharedReviewPage {
    private final ReviewShares shares;
    private final ReviewService reviews;
    private final SecurityIdentity identity;

    SharedReviewPage(ReviewShares shares, ReviewService reviews, SecurityIdentity identity) {
        this.shares = shares;
        this.reviews = reviews;
        this.identity = identity;
    }

    /** One criterion's shared level, with the rubric's words for it. */
    public record Level(String criterion, Integer level, String label, String anchor) {}

    /** A self-review note with its moment as m:ss and seconds since the start (for the replay link). */
    public record NoteAt(ReviewShares.SelfNote note, String clock, long seconds) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance shared(CurrentUser user, String token, ReviewShares.Opened opened, List<Review.StepTime> steps,
                double longest, List<Level> levels, Scorecard card, List<NoteAt> notes, boolean candidate, String error);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("token") String token) {
        return render(token, null);
    }

    @POST
    @Path("notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response addNote(@PathParam("token") String token, @FormParam("at") String at, @FormParam("body") String body) {
        ReviewShares.Opened opened = shares.open(token);
        try {
            Instant moment = start(opened).plusSeconds(seconds(at));
            shares.addNote(token, moment, body, CurrentUser.of(identity));
        } catch (DomainException e) {
            return Response.status(Problem.statusOf(e.kind())).entity(render(token, e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/shared/" + token + "#self-review")).build();
    }

    private TemplateInstance render(String token, String error) {
        ReviewShares.Opened opened = shares.open(token);
        CurrentUser user = CurrentUser.of(identity);
        List<Review.StepTime> steps = reviews.sharedSteps(opened.session());
        double longest = steps.stream().mapToDouble(s -> Math.max(s.minutes(), s.budget())).max().orElse(0);
        Scorecard card = opened.scorecard().orElse(null);
        List<Level> levels = card == null || !opened.share().levels() ? List.of() : card.scores().stream().map(score -> {
            RubricContent.Criterion criterion = card.rubric().content().criterion(score.criterion());
            return new Level(criterion.title(), score.level(), score.level() == null ? "—" : label(card, score.level()),
                    score.level() == null ? "" : criterion.anchor(score.level()));
        }).toList();
        Instant start = start(opened);
        List<NoteAt> notes = shares.notes(opened.session().id()).stream().map(n -> {
            long s = Math.max(0, Duration.between(start, n.moment()).toSeconds());
            long fromCreation = Math.max(0, Duration.between(opened.session().createdAt(), n.moment()).toSeconds());
            return new NoteAt(n, String.format("%d:%02d", s / 60, s % 60), fromCreation);
        }).toList();
        return Templates.shared(user, token, opened, steps, longest, levels, opened.share().summary() ? card : null, notes,
                shares.isCandidate(opened.session().id(), user), error);
    }

    private static String label(Scorecard card, int level) {
        return card.rubric().content().scale().stream().filter(l -> l.level() == level).map(RubricContent.ScaleLevel::label)
                .findFirst().orElse(String.valueOf(level));
    }

    private static Instant start(ReviewShares.Opened opened) {
        return opened.session().startedAt() != null ? opened.session().startedAt() : opened.session().createdAt();
    }

    /** "12:30" or "750" → seconds. */
    static long seconds(String at) {
        String text = at == null ? "" : at.strip();
        try {
            if (text.contains(":")) {
                String[] parts = text.split(":");
                if (parts.length == 2) {
                    return Long.parseLong(parts[0]) * 60 + Integer.parseInt(parts[1]);
                }
            } else if (!text.isEmpty()) {
                return Long.parseLong(text);
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw DomainException.invalid("Give the moment as minutes:seconds since the start, e.g. 12:30");
    }
}
