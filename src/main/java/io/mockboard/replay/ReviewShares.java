package io.mockboard.replay;

import io.mockboard.auth.Action;
import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.SessionRole;
import io.mockboard.core.DomainException;
import io.mockboard.rubric.Scorecard;
import io.mockboard.rubric.ScorecardService;
import io.mockboard.session.Secrets;
import io.mockboard.session.SessionAccess;
import io.mockboard.session.SessionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read-only reviews shared with the candidate through a link: the replay plus the chosen parts of one
 * submitted scorecard (levels per criterion, the summary and recommendation). The link is the permission,
 * like an invite link; revoking it stops it at once. The session's candidate adds self-review notes there.
 */
@ApplicationScoped
public class ReviewShares {
    static final int MAX_NOTE = 2_000;

    private final SessionAccess access;
    private final ScorecardService scorecards;
    private final Clock clock;

    ReviewShares(SessionAccess access, ScorecardService scorecards, Clock clock) {
        this.access = access;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    /**
     * What to share: a submitted scorecard of the sharer's (or none: the replay only), which of its parts, and
     * whether the recorded conversation comes with the replay.
     */
    public record Request(UUID scorecardId, boolean levels, boolean summary, boolean audio) {}

    /** A share as its session's interviewers see it; {@code link} only right after creating it. */
    public record Share(UUID id, UUID sessionId, UUID scorecardId, boolean levels, boolean summary, boolean audio, String createdBy,
            Instant createdAt, Instant revokedAt, String link) {
        /** When it was created, as "2026-11-22 10:15" (UTC). */
        public String created() {
            return createdAt.toString().replace('T', ' ').substring(0, 16);
        }
    }

    /** An opened share: the session, what it shows. */
    public record Opened(SessionSummary session, Share share, Optional<Scorecard> scorecard) {}

    /** A candidate's note on their recording. */
    public record SelfNote(UUID id, String author, Instant moment, String body, Instant createdAt) {}

    @Transactional
    public Share create(UUID sessionId, Request request, CurrentUser user) {
        SessionSummary session = access.require(sessionId, user, Action.REPLAY);
        if (request == null) {
            throw DomainException.invalid("Say what to share: {\"scorecardId\": …, \"levels\": true, \"summary\": false}");
        }
        if (request.scorecardId() != null) {
            Scorecard card = scorecards.submitted(sessionId, request.scorecardId())
                    .orElseThrow(() -> DomainException.invalid("Only a submitted scorecard of this session can be shared"));
            if (!card.authorId().equals(user.id()) && !user.isAdmin()) {
                throw new DomainException(DomainException.Kind.FORBIDDEN, "Share your own scorecard; " + card.author() + " shares theirs");
            }
        } else if (request.levels() || request.summary()) {
            throw DomainException.invalid("Choose the scorecard whose levels or summary to share");
        }
        String token = Secrets.random();
        ReviewShareEntity share = new ReviewShareEntity();
        share.id = UUID.randomUUID();
        share.sessionId = session.id();
        share.tokenHash = Secrets.hash(token);
        share.scorecardId = request.scorecardId();
        share.includeLevels = request.levels();
        share.includeSummary = request.summary();
        share.includeAudio = request.audio();
        share.createdBy = user.name();
        share.createdAt = clock.instant();
        share.persist();
        return toShare(share, "/shared/" + token);
    }

    @Transactional
    public List<Share> list(UUID sessionId, CurrentUser user) {
        access.require(sessionId, user, Action.REPLAY);
        return ReviewShareEntity.<ReviewShareEntity>list("sessionId = ?1 order by createdAt", sessionId).stream()
                .map(s -> toShare(s, null)).toList();
    }

    @Transactional
    public Share revoke(UUID sessionId, UUID shareId, CurrentUser user) {
        access.require(sessionId, user, Action.REPLAY);
        ReviewShareEntity share = ReviewShareEntity.findById(shareId);
        if (share == null || !share.sessionId.equals(sessionId)) {
            throw DomainException.notFound("No such shared review");
        }
        if (share.revokedAt == null) {
            share.revokedAt = clock.instant();
        }
        return toShare(share, null);
    }

    /** The share a link's token opens: 404 for an unknown token, 410 once revoked. */
    @Transactional
    public Opened open(String token) {
        ReviewShareEntity share = token == null || token.isBlank() ? null
                : ReviewShareEntity.<ReviewShareEntity>find("tokenHash", (Object) Secrets.hash(token)).firstResult();
        if (share == null) {
            throw DomainException.notFound("This review link is not valid");
        }
        if (share.revokedAt != null) {
            throw new DomainException(DomainException.Kind.GONE, "This review link was withdrawn by the interviewer");
        }
        SessionSummary session = access.summary(share.sessionId);
        Optional<Scorecard> card = share.scorecardId == null ? Optional.empty() : scorecards.submitted(share.sessionId, share.scorecardId);
        return new Opened(session, toShare(share, null), card);
    }

    /** Self-review notes of a session, oldest moment first. */
    @Transactional
    public List<SelfNote> notes(UUID sessionId) {
        return SelfReviewNoteEntity.<SelfReviewNoteEntity>list("sessionId = ?1 order by moment, createdAt", sessionId).stream()
                .map(n -> new SelfNote(n.id, n.authorName, n.moment, n.body, n.createdAt)).toList();
    }

    /** Whether this caller is the session's candidate (a guest who joined by its candidate link, or an account). */
    public boolean isCandidate(UUID sessionId, CurrentUser user) {
        return user != null && access.role(sessionId, user) == SessionRole.CANDIDATE;
    }

    /** A self-review note by the session's candidate, about a moment of the recording. */
    @Transactional
    public SelfNote addNote(String token, Instant moment, String body, CurrentUser user) {
        Opened opened = open(token);
        SessionSummary session = opened.session();
        if (!isCandidate(session.id(), user)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "Only the session's candidate adds self-review notes");
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            throw DomainException.invalid("A note has 1 to " + MAX_NOTE + " characters");
        }
        Instant end = session.endedAt() != null ? session.endedAt() : clock.instant();
        if (moment == null || moment.isBefore(session.createdAt()) || moment.isAfter(end)) {
            throw DomainException.invalid("The moment must be inside the recording (" + session.createdAt() + " to " + end + ")");
        }
        SelfReviewNoteEntity note = new SelfReviewNoteEntity();
        note.id = UUID.randomUUID();
        note.sessionId = session.id();
        note.authorId = user.id();
        note.authorName = user.name();
        note.moment = moment;
        note.body = text;
        note.createdAt = clock.instant();
        note.persist();
        return new SelfNote(note.id, note.authorName, note.moment, note.body, note.createdAt);
    }

    /** The latest live share with levels of each of these sessions, for the candidate's progress page. */
    @Transactional
    public Optional<Opened> latestWithLevels(UUID sessionId) {
        return ReviewShareEntity.<ReviewShareEntity>list("sessionId = ?1 and revokedAt is null and includeLevels = true "
                + "order by createdAt desc", sessionId).stream().findFirst()
                .map(s -> new Opened(access.summary(sessionId), toShare(s, null), scorecards.submitted(sessionId, s.scorecardId)));
    }

    private static Share toShare(ReviewShareEntity s, String link) {
        return new Share(s.id, s.sessionId, s.scorecardId, s.includeLevels, s.includeSummary, s.includeAudio, s.createdBy, s.createdAt,
                s.revokedAt, link);
    }
}
