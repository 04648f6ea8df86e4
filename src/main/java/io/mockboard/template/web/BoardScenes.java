package io.mockboard.template.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.auth.Action;
import io.mockboard.auth.CurrentUser;
import io.mockboard.session.SessionAccess;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.room.RoomRegistry;
import io.mockboard.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A board's current scene, for saving it as a template; the caller must be allowed to read the board. */
@ApplicationScoped
class BoardScenes {
    private final SessionAccess access;
    private final RoomRegistry rooms;

    BoardScenes(SessionAccess access, RoomRegistry rooms) {
        this.access = access;
        this.rooms = rooms;
    }

    List<ObjectNode> current(String boardId, CurrentUser user) {
        BoardId board = access.requireOnBoard(boardId, user, Action.READ_BOARD);
        try {
            return rooms.room(board).scene().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "Interrupted while reading the board");
        } catch (ExecutionException | TimeoutException e) {
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "The board could not be read right now; try again");
        }
    }
}
