package io.mockboard.session;

import io.mockboard.auth.Action;
import io.mockboard.auth.CurrentUser;
import io.mockboard.board.BoardService;
import io.mockboard.session.SessionAccess.BoardAccess;
import io.mockboard.sync.Admission;
import io.mockboard.sync.BoardGate;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.room.Participant;
import io.mockboard.sync.room.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Admits sockets to boards by the access policy: whoever may read the board joins its room; the participant
 * carries what the policy lets them do there (edit, see private data), and the invite they came in through.
 */
@ApplicationScoped
class SessionBoardGate implements BoardGate {
    private final BoardService boards;
    private final SessionAccess access;

    SessionBoardGate(BoardService boards, SessionAccess access) {
        this.boards = boards;
        this.access = access;
    }

    /** The tag of the sockets opened through an invite; revoking the invite closes them. */
    static String inviteTag(UUID inviteId) {
        return "invite:" + inviteId;
    }

    /** What the policy lets this standing do on the board; whoever may not write (everyone once the session ended) watches. */
    static Role roleOn(BoardAccess standing) {
        return new Role(standing.role().name().toLowerCase(Locale.ROOT), standing.permits(Action.WRITE_BOARD),
                standing.permits(Action.READ_PRIVATE), standing.permits(Action.PROTECT_ELEMENTS));
    }

    @Override
    public Optional<Admission> admit(BoardId board, SecurityIdentity identity) {
        CurrentUser user = CurrentUser.of(identity);
        if (user == null || !boards.exists(board)) {
            return Optional.empty();
        }
        BoardAccess standing = access.onBoard(board, user);
        if (!standing.permits(Action.READ_BOARD)) {
            return Optional.empty();
        }
        Set<String> tags = standing.inviteId() == null ? Set.of() : Set.of(inviteTag(standing.inviteId()));
        return Optional.of(new Admission(new Participant(user.id(), user.name(), roleOn(standing)), tags));
    }
}
