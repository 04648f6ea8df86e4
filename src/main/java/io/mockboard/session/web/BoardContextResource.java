package io.mockboard.session.web;

import io.mockboard.auth.Action;
import io.mockboard.auth.CurrentUser;
import io.mockboard.session.SessionAccess;
import io.mockboard.session.SessionAccess.BoardAccess;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What the board page needs to know about the caller: the board's session, their role, what they may do. */
@Path("/api/boards/{boardId}/context")
@Authenticated
public class BoardContextResource {
    private final SessionAccess access;
    private final SecurityIdentity identity;

    BoardContextResource(SessionAccess access, SecurityIdentity identity) {
        this.access = access;
        this.identity = identity;
    }

    /**
     * {@code sessionId} is null for a board outside any session; {@code replacesBoard}: may load a file over the
     * board or clear it; {@code protectsElements}: may protect elements and change protected ones ([S12]).
     */
    public record BoardContext(UUID sessionId, String role, boolean ended, boolean controlsSteps, boolean seesPrivate,
            boolean replacesBoard, boolean protectsElements) {}

    @GET
    @Operation(summary = "The board's session and the caller's role on it")
    public BoardContext context(@PathParam("boardId") String boardId) {
        CurrentUser user = CurrentUser.of(identity);
        BoardAccess standing = access.onBoard(access.requireOnBoard(boardId, user, Action.READ_BOARD), user);
        return new BoardContext(standing.sessionId(), standing.role().name().toLowerCase(java.util.Locale.ROOT), standing.ended(),
                standing.sessionId() != null && standing.permits(Action.CONTROL_STEPS), standing.permits(Action.READ_PRIVATE),
                !standing.ended() && standing.permits(Action.REPLACE_BOARD),
                !standing.ended() && standing.permits(Action.PROTECT_ELEMENTS));
    }
}
