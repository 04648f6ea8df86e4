package io.mockboard.replay;

import io.mockboard.auth.Action;
import io.mockboard.auth.CurrentUser;
import io.mockboard.rubric.Scorecard;
import io.mockboard.rubric.ScorecardService;
import io.mockboard.session.ParticipantSummary;
import io.mockboard.session.Participants;
import io.mockboard.session.SessionAccess;
import io.mockboard.session.SessionSummary;
import io.mockboard.session.flow.Flow;
import io.mockboard.session.flow.FlowService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Computes the review's insights from the recording: time per step, authorship, calibration. */
@ApplicationScoped
public class ReviewService {
    private final SessionAccess access;
    private final FlowService flows;
    private final OpLog log;
    private final Participants participants;
    private final ScorecardService scorecards;
    private final Clock clock;

    ReviewService(SessionAccess access, FlowService flows, OpLog log, Participants participants, ScorecardService scorecards,
            Clock clock) {
        this.access = access;
        this.flows = flows;
        this.log = log;
        this.participants = participants;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    public Review review(UUID sessionId, CurrentUser user) {
        SessionSummary session = access.require(sessionId, user, Action.REPLAY);
        Flow flow = flows.flow(sessionId, user);
        Instant end = session.endedAt() != null ? session.endedAt() : clock.instant();
        List<Scorecard> cards = scorecards.visible(sessionId, user);
        return new Review(stepTimes(flow, end), authorship(session), cards.stream().map(Scorecard::author).toList(), calibration(cards));
    }

    /** Minutes per step: each move lasts until the next one (the last until the session's end). */
    static List<Review.StepTime> stepTimes(Flow flow, Instant end) {
        Map<String, Duration> spent = new HashMap<>();
        for (int i = 0; i < flow.moves().size(); i++) {
            Flow.Move move = flow.moves().get(i);
            Instant until = i + 1 < flow.moves().size() ? flow.moves().get(i + 1).at() : end;
            spent.merge(move.step(), Duration.between(move.at(), until).isNegative() ? Duration.ZERO : Duration.between(move.at(), until),
                    Duration::plus);
        }
        return flow.steps().stream().map(s -> new Review.StepTime(s.number() + " · " + s.title(),
                Math.round(spent.getOrDefault(s.id(), Duration.ZERO).toMillis() / 600.0) / 100.0, s.minutes())).toList();
    }

    private List<Review.Share> authorship(SessionSummary session) {
        Map<String, String> names = new HashMap<>();
        for (ParticipantSummary p : participants.of(session.id())) {
            names.put("guest:" + p.id(), p.name() + " (" + p.role().wire().replace('_', '-') + ")");
        }
        Map<String, Long> counts = log.opsByAuthor(session.boardId());
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Review.Share> shares = new ArrayList<>();
        counts.forEach((author, ops) -> shares.add(new Review.Share(name(author, session, names), ops,
                total == 0 ? 0 : (int) Math.round(ops * 100.0 / total))));
        return shares;
    }

    private static String name(String author, SessionSummary session, Map<String, String> names) {
        if (author.startsWith("template:")) {
            return "Template";
        }
        if (author.equals(session.createdBy())) {
            return "Interviewer";
        }
        return names.getOrDefault(author, author);
    }

    private static List<Review.Calibration> calibration(List<Scorecard> cards) {
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int c = 0; c < cards.size(); c++) {
            Scorecard card = cards.get(c);
            for (Scorecard.Score score : card.scores()) {
                String title = card.rubric().content().criterion(score.criterion()).title();
                List<Integer> row = rows.computeIfAbsent(title, k -> new ArrayList<>(java.util.Collections.nCopies(cards.size(), null)));
                row.set(c, score.level());
            }
        }
        List<Review.Calibration> calibration = new ArrayList<>();
        rows.forEach((criterion, levels) -> calibration.add(new Review.Calibration(criterion, levels)));
        return calibration;
    }
}
