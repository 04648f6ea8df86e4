package io.mockboard.replay.web;

import io.mockboard.auth.CurrentUser;
import io.mockboard.replay.ReviewShares;
import io.mockboard.rubric.RubricContent;
import io.mockboard.rubric.Scorecard;
import io.mockboard.session.Participants;
import io.mockboard.rubric.ScorecardService;
import io.mockboard.session.SessionAccess;
import io.mockboard.session.SessionService;
import io.mockboard.session.SessionSummary;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A signed-in candidate's sessions and their level per criterion across them: interviews, from the reviews their
 * interviewers shared with levels (nothing is shown that was not shared), and practice sessions, from their own
 * submitted self-scorecard (marked as practice).
 */
@Path("/me/progress")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ProgressPage {
    private final Participants participants;
    private final SessionAccess access;
    private final ReviewShares shares;
    private final SessionService sessions;
    private final ScorecardService scorecards;
    private final SecurityIdentity identity;

    ProgressPage(Participants participants, SessionAccess access, ReviewShares shares, SessionService sessions,
            ScorecardService scorecards, SecurityIdentity identity) {
        this.participants = participants;
        this.sessions = sessions;
        this.scorecards = scorecards;
        this.access = access;
        this.shares = shares;
        this.identity = identity;
    }

    /** A session column: whether its levels were shared (for practice: self-scored and submitted). */
    public record Column(SessionSummary session, boolean shared) {
        public boolean practice() {
            return session.practice();
        }

        /** The session's day, e.g. 2026-11-22. */
        public String day() {
            return session.createdAt().toString().substring(0, 10);
        }
    }

    /** A criterion row: its level per session (null where not shared or not scored) and a sparkline of them. */
    public record Row(String criterion, List<Integer> levels) {
        static final int WIDTH = 120;
        static final int HEIGHT = 32;

        /** SVG polyline points of the scored sessions, level 1 at the bottom, 4 at the top. */
        public String points() {
            int n = levels.size();
            return IntStream.range(0, n).filter(i -> levels.get(i) != null)
                    .mapToObj(i -> (n == 1 ? WIDTH / 2 : i * WIDTH / (n - 1)) + "," + (HEIGHT - 4 - (levels.get(i) - 1) * (HEIGHT - 8) / 3))
                    .collect(Collectors.joining(" "));
        }

        public Integer latest() {
            for (int i = levels.size() - 1; i >= 0; i--) {
                if (levels.get(i) != null) {
                    return levels.get(i);
                }
            }
            return null;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance progress(CurrentUser user, List<Column> columns, List<Row> rows);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page() {
        CurrentUser user = CurrentUser.of(identity);
        List<SessionSummary> all = new ArrayList<>();
        participants.sessionsAsCandidate(user.id()).forEach(id -> all.add(access.summary(id)));
        all.addAll(sessions.practiceOf(user));
        all.sort(Comparator.comparing(SessionSummary::createdAt)); // oldest first, left to right
        List<Column> columns = new ArrayList<>();
        Map<String, Integer[]> rows = new LinkedHashMap<>();
        for (int c = 0; c < all.size(); c++) {
            SessionSummary session = all.get(c);
            Optional<Scorecard> card = session.practice()
                    ? scorecards.visible(session.id(), user).stream().filter(s -> s.authorId().equals(user.id()) && s.submitted()).findFirst()
                    : shares.latestWithLevels(session.id()).flatMap(ReviewShares.Opened::scorecard);
            columns.add(new Column(session, card.isPresent()));
            if (card.isEmpty()) {
                continue;
            }
            for (Scorecard.Score score : card.get().scores()) {
                RubricContent.Criterion criterion = card.get().rubric().content().criterion(score.criterion());
                rows.computeIfAbsent(criterion.title(), k -> new Integer[all.size()])[c] = score.level();
            }
        }
        List<Row> shown = rows.entrySet().stream().map(e -> new Row(e.getKey(), java.util.Arrays.asList(e.getValue()))).toList();
        return Templates.progress(user, columns, shown);
    }
}
