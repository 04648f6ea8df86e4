package io.mockboard.rubric;

import io.mockboard.auth.Action;
import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.mockboard.session.SessionAccess;
import io.mockboard.session.SessionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scorecards: each interviewer fills their own (a draft while the session runs, submitted after). Nobody sees
 * another's scorecard before submitting their own; a submitted scorecard cannot change.
 */
@ApplicationScoped
public class ScorecardService {
    static final int MAX_EVIDENCE = 4000;
    static final int MAX_SUMMARY = 8000;

    private final SessionAccess access;
    private final RubricService rubrics;
    private final SessionRubrics sessionRubrics;
    private final Clock clock;

    ScorecardService(SessionAccess access, RubricService rubrics, SessionRubrics sessionRubrics, Clock clock) {
        this.access = access;
        this.rubrics = rubrics;
        this.sessionRubrics = sessionRubrics;
        this.clock = clock;
    }

    /** What a scorer sends; absent criteria are left as they are. */
    public record Draft(List<Scorecard.Score> scores, String recommendation, String summary) {}

    /** The caller's scorecard for the session, started (as a draft on the session's rubric) if there is none. */
    @Transactional
    public Scorecard mine(UUID sessionId, CurrentUser user) {
        SessionSummary session = access.require(sessionId, user, Action.READ_SCORECARDS);
        return toScorecard(mineEntity(session, user));
    }

    @Transactional
    public Scorecard save(UUID sessionId, Draft draft, CurrentUser user) {
        SessionSummary session = access.require(sessionId, user, Action.READ_SCORECARDS);
        ScorecardEntity card = mineEntity(session, user);
        if ("submitted".equals(card.status)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "This scorecard was submitted; it cannot change any more");
        }
        RubricContent rubric = rubrics.version(card.rubricVersionId).content();
        for (Scorecard.Score score : draft.scores() == null ? List.<Scorecard.Score>of() : draft.scores()) {
            rubric.criterion(score.criterion());
            if (score.level() != null && (score.level() < 1 || score.level() > RubricContent.LEVELS)) {
                throw DomainException.invalid("A level is 1 to " + RubricContent.LEVELS + "; '" + score.criterion() + "' got " + score.level());
            }
            String evidence = score.evidence() == null ? "" : score.evidence();
            if (evidence.length() > MAX_EVIDENCE) {
                throw DomainException.invalid("Evidence for '" + score.criterion() + "' has at most " + MAX_EVIDENCE + " characters");
            }
            if (score.noteIds() != null && score.noteIds().size() > 50) {
                throw DomainException.invalid("Evidence links to at most 50 notes");
            }
            ScoreEntity row = score(card.id, score.criterion());
            row.level = score.level();
            row.evidence = evidence;
            row.noteIds = score.noteIds() == null ? new UUID[0] : score.noteIds().toArray(UUID[]::new);
            row.persist();
        }
        if (draft.recommendation() != null) {
            card.recommendation = draft.recommendation().isBlank() ? null : Recommendation.fromWire(draft.recommendation()).wire();
        }
        if (draft.summary() != null) {
            if (draft.summary().length() > MAX_SUMMARY) {
                throw DomainException.invalid("The summary has at most " + MAX_SUMMARY + " characters");
            }
            card.summary = draft.summary();
        }
        card.updatedAt = clock.instant();
        return toScorecard(card);
    }

    /** Submits the caller's scorecard: every criterion needs a level, and the recommendation must be chosen. */
    @Transactional
    public Scorecard submit(UUID sessionId, CurrentUser user) {
        SessionSummary session = access.require(sessionId, user, Action.READ_SCORECARDS);
        ScorecardEntity card = mineEntity(session, user);
        if ("submitted".equals(card.status)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "This scorecard was already submitted");
        }
        Scorecard current = toScorecard(card);
        List<String> missing = current.scores().stream().filter(s -> s.level() == null).map(Scorecard.Score::criterion).toList();
        if (!missing.isEmpty()) {
            throw DomainException.invalid("Give a level for every criterion before submitting; missing: " + String.join(", ", missing));
        }
        if (card.recommendation == null) {
            throw DomainException.invalid("Choose an overall recommendation before submitting");
        }
        card.status = "submitted";
        card.submittedAt = clock.instant();
        card.updatedAt = card.submittedAt;
        return toScorecard(card);
    }

    /**
     * The scorecards the caller may see: their own, and others' submitted ones once their own is submitted
     * (an admin who is not scoring sees every submitted one).
     */
    @Transactional
    public List<Scorecard> visible(UUID sessionId, CurrentUser user) {
        access.require(sessionId, user, Action.READ_SCORECARDS);
        List<ScorecardEntity> all = ScorecardEntity.list("sessionId = ?1 order by createdAt", sessionId);
        ScorecardEntity own = all.stream().filter(c -> c.authorId.equals(user.id())).findFirst().orElse(null);
        boolean seesOthers = own == null ? user.isAdmin() : "submitted".equals(own.status);
        List<Scorecard> shown = new ArrayList<>();
        for (ScorecardEntity card : all) {
            if (card == own || (seesOthers && "submitted".equals(card.status))) {
                shown.add(toScorecard(card));
            }
        }
        return shown;
    }

    /** A submitted scorecard of this session, for a review its author shares (the share is the authorisation). */
    @Transactional
    public java.util.Optional<Scorecard> submitted(UUID sessionId, UUID scorecardId) {
        ScorecardEntity card = ScorecardEntity.findById(scorecardId);
        return card != null && card.sessionId.equals(sessionId) && "submitted".equals(card.status)
                ? java.util.Optional.of(toScorecard(card)) : java.util.Optional.empty();
    }

    private ScorecardEntity mineEntity(SessionSummary session, CurrentUser user) {
        ScorecardEntity card = ScorecardEntity.<ScorecardEntity>find("sessionId = ?1 and authorId = ?2", session.id(), user.id()).firstResult();
        if (card != null) {
            return card;
        }
        card = new ScorecardEntity();
        card.id = UUID.randomUUID();
        card.sessionId = session.id();
        card.rubricVersionId = sessionRubrics.rubricOf(session).versionId();
        card.authorId = user.id();
        card.authorName = user.name();
        card.status = "draft";
        card.summary = "";
        card.createdAt = clock.instant();
        card.updatedAt = card.createdAt;
        card.persist();
        return card;
    }

    private ScoreEntity score(UUID scorecardId, String criterion) {
        ScoreEntity row = ScoreEntity.<ScoreEntity>find("scorecardId = ?1 and criterionId = ?2", scorecardId, criterion).firstResult();
        if (row == null) {
            row = new ScoreEntity();
            row.scorecardId = scorecardId;
            row.criterionId = criterion;
        }
        return row;
    }

    private Scorecard toScorecard(ScorecardEntity card) {
        Rubric rubric = rubrics.version(card.rubricVersionId);
        Map<String, ScoreEntity> rows = new HashMap<>();
        ScoreEntity.<ScoreEntity>list("scorecardId", card.id).forEach(r -> rows.put(r.criterionId, r));
        List<Scorecard.Score> scores = new ArrayList<>();
        Map<String, Integer> levels = new HashMap<>();
        for (RubricContent.Criterion c : rubric.content().criteria()) {
            ScoreEntity row = rows.get(c.id());
            scores.add(row == null ? new Scorecard.Score(c.id(), null, "", List.of())
                    : new Scorecard.Score(c.id(), row.level, row.evidence, List.of(row.noteIds)));
            if (row != null && row.level != null) {
                levels.put(c.id(), row.level);
            }
        }
        Double weighted = Scoring.weightedScore(rubric.content(), levels);
        return new Scorecard(card.id, card.sessionId, card.authorName, card.authorId, card.status, rubric, scores,
                card.recommendation == null ? null : Recommendation.fromWire(card.recommendation), card.summary, weighted,
                weighted == null ? null : Scoring.suggested(weighted), card.updatedAt, card.submittedAt);
    }
}
