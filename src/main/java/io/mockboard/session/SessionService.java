package io.mockboard.session;

import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Roles;
import io.mockboard.board.BoardId;
import io.mockboard.board.BoardService;
import io.mockboard.board.BoardSummary;
import io.mockboard.web.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates sessions (each with its own board) and moves them scheduled → live → ended. */
@ApplicationScoped
public class SessionService {
    private final BoardService boards;
    private final Clock clock;
    private final Event<SessionEnded> ended;

    SessionService(BoardService boards, Clock clock, Event<SessionEnded> ended) {
        this.boards = boards;
        this.clock = clock;
        this.ended = ended;
    }

    /** Whether the board belongs to a session that has ended (then nobody may change it). */
    @Transactional
    public boolean isBoardReadOnly(BoardId board) {
        return SessionEntity.count("boardId = ?1 and state = ?2", board.value(), SessionState.ENDED.wire()) > 0;
    }

    public record NewSession(String title, Instant scheduledAt, TargetLevel targetLevel) {}

    @Transactional
    public SessionSummary create(NewSession request, CurrentUser owner) {
        BoardSummary board = boards.create(request.title(), owner.id());
        SessionEntity session = new SessionEntity();
        session.id = UUID.randomUUID();
        session.title = board.title();
        session.boardId = board.id().value();
        session.state = SessionState.SCHEDULED.wire();
        session.scheduledAt = request.scheduledAt();
        session.targetLevel = request.targetLevel() == null ? null : request.targetLevel().wire();
        session.createdBy = owner.id();
        session.createdAt = clock.instant();
        session.persist();
        return session.toSummary();
    }

    /** The session, if this user may see it (its interviewer, or an admin). */
    @Transactional
    public Optional<SessionSummary> find(UUID id, CurrentUser user) {
        return SessionEntity.<SessionEntity>findByIdOptional(id).filter(s -> mayManage(s, user)).map(SessionEntity::toSummary);
    }

    /** This interviewer's sessions, newest first (every session for an admin). */
    @Transactional
    public List<SessionSummary> visibleTo(CurrentUser user) {
        var query = user.roles().contains(Roles.ADMIN)
                ? SessionEntity.<SessionEntity>findAll(Sort.descending("createdAt"))
                : SessionEntity.<SessionEntity>find("createdBy", Sort.descending("createdAt"), user.id());
        return query.page(0, 200).list().stream().map(SessionEntity::toSummary).toList();
    }

    @Transactional
    public SessionSummary start(UUID id, CurrentUser user) {
        return move(id, user, SessionState.SCHEDULED, SessionState.LIVE);
    }

    @Transactional
    public SessionSummary end(UUID id, CurrentUser user) {
        SessionSummary session = move(id, user, SessionState.LIVE, SessionState.ENDED);
        ended.fire(new SessionEnded(session.id(), session.boardId()));
        return session;
    }

    private SessionSummary move(UUID id, CurrentUser user, SessionState from, SessionState to) {
        SessionEntity session = SessionEntity.<SessionEntity>findByIdOptional(id)
                .filter(s -> mayManage(s, user))
                .orElseThrow(() -> ProblemException.notFound("Session " + id));
        if (!session.state.equals(from.wire())) {
            throw new ProblemException(Response.Status.CONFLICT,
                    "This session is " + session.state + "; only a " + from.wire() + " session can become " + to.wire());
        }
        session.state = to.wire();
        if (to == SessionState.LIVE) {
            session.startedAt = clock.instant();
        } else {
            session.endedAt = clock.instant();
        }
        return session.toSummary();
    }

    private static boolean mayManage(SessionEntity session, CurrentUser user) {
        return user.id().equals(session.createdBy) || user.roles().contains(Roles.ADMIN);
    }
}
