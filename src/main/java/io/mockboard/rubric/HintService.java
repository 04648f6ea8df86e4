package io.mockboard.rubric;

import io.mockboard.auth.Action;
import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.mockboard.session.SessionAccess;
import io.mockboard.session.SessionState;
import io.mockboard.session.SessionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Hint cards: private to interviewers until one is revealed into the shared board. The interviewer's board
 * draws the card (an ordinary, acknowledged board change) and the reveal records when, by whom and which
 * elements carry it. A new session starts with a few common constraint cards.
 */
@ApplicationScoped
public class HintService {
    static final List<String[]> STARTERS = List.of(
            new String[] {"Traffic is now 100×", "The product took off: QPS is 100 times what you planned for. What changes first?"},
            new String[] {"Latency budget: 50 ms p99", "Product wants results in 50 ms at the 99th percentile. Where does the time go?"},
            new String[] {"Labels arrive a week late", "Ground truth only arrives 7 days after the prediction. How do you train and monitor?"},
            new String[] {"A new market, no history", "You launch in a country with no interaction data. How do you handle cold start?"});

    private final SessionAccess access;
    private final Clock clock;

    HintService(SessionAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    public record NewHint(String title, String body) {}

    /** The session's cards in order; the starter cards are added the first time they are asked for. */
    @Transactional
    public List<Hint> list(UUID sessionId, CurrentUser user) {
        access.require(sessionId, user, Action.READ_PRIVATE);
        if (HintEntity.count("sessionId", sessionId) == 0) {
            for (String[] starter : STARTERS) {
                persist(sessionId, starter[0], starter[1], "mockboard");
            }
        }
        return HintEntity.<HintEntity>list("sessionId = ?1 order by position", sessionId).stream().map(HintEntity::toHint).toList();
    }

    /** Revealed cards only, without adding starters (for the recording). */
    @Transactional
    public List<Hint> revealed(UUID sessionId, CurrentUser user) {
        access.require(sessionId, user, Action.READ_PRIVATE);
        return HintEntity.<HintEntity>list("sessionId = ?1 and revealedAt is not null order by revealedAt", sessionId).stream()
                .map(HintEntity::toHint).toList();
    }

    @Transactional
    public Hint add(UUID sessionId, NewHint request, CurrentUser user) {
        access.require(sessionId, user, Action.READ_PRIVATE);
        String title = request.title() == null ? "" : request.title().strip();
        String body = request.body() == null ? "" : request.body().strip();
        if (title.isEmpty() || title.length() > 120) {
            throw DomainException.invalid("A hint card's title has 1 to 120 characters");
        }
        if (body.length() > 2000) {
            throw DomainException.invalid("A hint card's text has at most 2000 characters");
        }
        return persist(sessionId, title, body, user.id()).toHint();
    }

    /** Records that the card is now on the shared board, carried by these elements. A card is revealed once. */
    @Transactional
    public Hint reveal(UUID sessionId, UUID hintId, List<String> elementIds, CurrentUser user) {
        SessionSummary session = access.require(sessionId, user, Action.READ_PRIVATE);
        if (session.state() == SessionState.ENDED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "This session has ended; its board is read-only");
        }
        if (elementIds == null || elementIds.isEmpty() || elementIds.size() > 20
                || elementIds.stream().anyMatch(id -> id == null || id.isBlank() || id.length() > 100)) {
            throw DomainException.invalid("Name the 1 to 20 board elements that show the card");
        }
        HintEntity hint = HintEntity.<HintEntity>findByIdOptional(hintId).filter(h -> h.sessionId.equals(sessionId))
                .orElseThrow(() -> DomainException.notFound("Hint card " + hintId));
        if (hint.revealedAt != null) {
            throw new DomainException(DomainException.Kind.CONFLICT, "This card was already revealed");
        }
        hint.revealedAt = clock.instant();
        hint.revealedBy = user.name();
        hint.elementIds = elementIds.toArray(String[]::new);
        return hint.toHint();
    }

    private HintEntity persist(UUID sessionId, String title, String body, String by) {
        HintEntity hint = new HintEntity();
        hint.id = UUID.randomUUID();
        hint.sessionId = sessionId;
        hint.position = (int) HintEntity.count("sessionId", sessionId);
        hint.title = title;
        hint.body = body;
        hint.createdBy = by;
        hint.createdAt = clock.instant();
        hint.elementIds = new String[0];
        hint.persist();
        return hint;
    }
}
