package io.mockboard.auth;

import static io.mockboard.auth.Action.CONTROL_STEPS;
import static io.mockboard.auth.Action.MANAGE_INVITES;
import static io.mockboard.auth.Action.MANAGE_SESSION;
import static io.mockboard.auth.Action.PROTECT_ELEMENTS;
import static io.mockboard.auth.Action.READ_BOARD;
import static io.mockboard.auth.Action.READ_PRIVATE;
import static io.mockboard.auth.Action.READ_SCORECARDS;
import static io.mockboard.auth.Action.RECORD_AUDIO;
import static io.mockboard.auth.Action.REPLACE_BOARD;
import static io.mockboard.auth.Action.REPLAY;
import static io.mockboard.auth.Action.VIEW_SESSION;
import static io.mockboard.auth.Action.WRITE_BOARD;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of who may do what in a session. Resources, pages and the board socket ask it; nothing
 * else decides. Candidates and observers never get interviewer-private data; observers never write; an
 * ended session's board is read-only for everyone; only the session's owner and admins delete its recorded audio; a
 * practice session is its owner's alone (no invites).
 */
public final class AccessPolicy {
    private static final Map<SessionRole, Set<Action>> GRANTS = Map.of(
            SessionRole.INTERVIEWER, EnumSet.allOf(Action.class),
            SessionRole.ADMIN, EnumSet.allOf(Action.class),
            SessionRole.CO_INTERVIEWER, EnumSet.of(VIEW_SESSION, READ_BOARD, WRITE_BOARD, READ_PRIVATE, READ_SCORECARDS, REPLAY,
                    RECORD_AUDIO, MANAGE_INVITES, CONTROL_STEPS, REPLACE_BOARD, PROTECT_ELEMENTS),
            SessionRole.CANDIDATE, EnumSet.of(READ_BOARD, WRITE_BOARD, RECORD_AUDIO),
            SessionRole.OBSERVER, EnumSet.of(READ_BOARD),
            // alone: runs the steps and the session, notes and scores for themselves; nobody to invite
            SessionRole.PRACTICE, EnumSet.complementOf(EnumSet.of(MANAGE_INVITES)),
            SessionRole.NONE, EnumSet.noneOf(Action.class));

    private AccessPolicy() {}

    /** Whether this role may do this in a session that has (or has not) ended. */
    public static boolean permits(SessionRole role, Action action, boolean ended) {
        if ((action == WRITE_BOARD || action == RECORD_AUDIO) && ended) {
            return false;
        }
        return GRANTS.get(role).contains(action);
    }
}
