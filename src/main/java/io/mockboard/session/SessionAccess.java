package io.mockboard.session;

import io.mockboard.auth.AccessPolicy;
import io.mockboard.auth.Action;
import io.mockboard.auth.BoardPermissions;
import io.mockboard.auth.CurrentUser;
import io.mockboard.auth.Roles;
import io.mockboard.auth.SessionRole;
import io.mockboard.board.BoardService;
import io.mockboard.core.DomainException;
import io.mockboard.sync.BoardId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Works out what a caller is in a session (or on a board) and asks {@link AccessPolicy} whether an action
 * is allowed. A caller with no role at all is told the session does not exist; one with a role but not
 * this right gets 403.
 */
@ApplicationScoped
public class SessionAccess implements BoardPermissions {
    private final BoardService boards;

    SessionAccess(BoardService boards) {
        this.boards = boards;
    }

    /** A caller's standing on a board: their role, whether the board is read-only, and its session (null if none). */
    public record BoardAccess(SessionRole role, boolean ended, UUID sessionId, UUID inviteId) {
        public boolean permits(Action action) {
            return AccessPolicy.permits(role, action, ended);
        }
    }

    /** The session if the caller may do this in it; 404 when they have no role in it, 403 when the role does not allow it. */
    @Transactional
    public SessionSummary require(UUID sessionId, CurrentUser user, Action action) {
        SessionEntity session = SessionEntity.findById(sessionId);
        SessionRole role = session == null ? SessionRole.NONE : roleIn(session, user).role();
        if (role == SessionRole.NONE) {
            throw DomainException.notFound("Session " + sessionId);
        }
        if (!AccessPolicy.permits(role, action, SessionState.ENDED.wire().equals(session.state))) {
            throw DomainException.forbidden("Your role in this session (" + role.name().toLowerCase() + ") does not allow this");
        }
        return session.toSummary();
    }

    /** The session, without any access check: for code that acts on behalf of the system (events). */
    @Transactional
    public SessionSummary summary(UUID sessionId) {
        SessionEntity session = SessionEntity.findById(sessionId);
        if (session == null) {
            throw DomainException.notFound("Session " + sessionId);
        }
        return session.toSummary();
    }

    /** What the caller is in the session ({@code NONE} if it does not exist). */
    @Transactional
    public SessionRole role(UUID sessionId, CurrentUser user) {
        SessionEntity session = SessionEntity.findById(sessionId);
        return session == null ? SessionRole.NONE : roleIn(session, user).role();
    }

    /** The board, if the caller may do this on it; 404 when it does not exist or they have no role on it, 403 otherwise. */
    @Override
    @Transactional
    public BoardId requireOnBoard(String boardId, CurrentUser user, Action action) {
        BoardId board = boards.require(boardId);
        BoardAccess standing = onBoard(board, user);
        if (standing.role() == SessionRole.NONE) {
            throw DomainException.notFound("Board " + boardId);
        }
        if (!standing.permits(action)) {
            throw DomainException.forbidden(action == Action.WRITE_BOARD && standing.ended()
                    ? "This session has ended; its board is read-only"
                    : "Your role on this board (" + standing.role().name().toLowerCase() + ") does not allow this");
        }
        return board;
    }

    /** The caller's standing on a board. Boards outside a session are open to every signed-in account by link (never to guests), except private ones (restored from a recording): those only to their creator and admins. */
    @Transactional
    public BoardAccess onBoard(BoardId board, CurrentUser user) {
        SessionEntity session = SessionEntity.find("boardId", board.value()).firstResult();
        if (session != null) {
            return roleIn(session, user);
        }
        if (user == null || user.isGuest()) {
            return new BoardAccess(SessionRole.NONE, false, null, null);
        }
        if (!user.isAdmin() && boards.find(board).map(b -> b.privateToOwner() && !b.createdBy().equals(user.id())).orElse(false)) {
            return new BoardAccess(SessionRole.NONE, false, null, null);
        }
        SessionRole role = user.isAdmin() ? SessionRole.ADMIN
                : user.roles().contains(Roles.INTERVIEWER) ? SessionRole.INTERVIEWER
                : SessionRole.CANDIDATE;
        return new BoardAccess(role, false, null, null);
    }

    private BoardAccess roleIn(SessionEntity session, CurrentUser user) {
        boolean ended = SessionState.ENDED.wire().equals(session.state);
        if (user == null) {
            return new BoardAccess(SessionRole.NONE, ended, session.id, null);
        }
        if (user.isGuest()) {
            ParticipantEntity guest = user.guestOf().equals(session.id) ? activeParticipant("id = ?1", Participants.idOf(user)) : null;
            return of(guest, ended, session.id);
        }
        if (user.id().equals(session.createdBy)) {
            return new BoardAccess(session.practice ? SessionRole.PRACTICE : SessionRole.INTERVIEWER, ended, session.id, null);
        }
        ParticipantEntity joined = activeParticipant("sessionId = ?1 and userId = ?2", session.id, user.id());
        if (joined != null) {
            return of(joined, ended, session.id);
        }
        return new BoardAccess(user.isAdmin() ? SessionRole.ADMIN : SessionRole.NONE, ended, session.id, null);
    }

    private static BoardAccess of(ParticipantEntity participant, boolean ended, UUID sessionId) {
        if (participant == null) {
            return new BoardAccess(SessionRole.NONE, ended, sessionId, null);
        }
        SessionRole role = switch (InviteRole.fromWire(participant.role)) {
            case CANDIDATE -> SessionRole.CANDIDATE;
            case OBSERVER -> SessionRole.OBSERVER;
            case CO_INTERVIEWER -> SessionRole.CO_INTERVIEWER;
        };
        return new BoardAccess(role, ended, sessionId, participant.inviteId);
    }

    /** A participant whose invite has not been revoked (revoking a link takes back what it gave). */
    private static ParticipantEntity activeParticipant(String where, Object... params) {
        ParticipantEntity p = ParticipantEntity.<ParticipantEntity>find(where, params).firstResult();
        if (p == null || p.inviteId == null) {
            return p;
        }
        InviteEntity invite = InviteEntity.findById(p.inviteId);
        return invite != null && invite.revokedAt == null ? p : null;
    }
}
