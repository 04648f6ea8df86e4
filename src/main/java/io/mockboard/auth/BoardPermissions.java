package io.mockboard.auth;

import io.mockboard.sync.BoardId;

/**
 * Whether a caller may do something on a board, for the resources of the domains that sit below sessions (boards,
 * templates): the session domain knows who is what on a board and implements this with the {@link AccessPolicy}.
 */
public interface BoardPermissions {

    /**
     * The board, if the caller may do this on it.
     *
     * @throws io.mockboard.core.DomainException not found when the board does not exist or the caller has no role
     *     on it; forbidden when their role does not allow this
     */
    BoardId requireOnBoard(String boardId, CurrentUser user, Action action);
}
