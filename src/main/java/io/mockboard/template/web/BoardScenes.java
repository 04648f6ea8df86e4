package io.mockboard.template.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.auth.Action;
import io.mockboard.auth.BoardPermissions;
import io.mockboard.auth.CurrentUser;
import io.mockboard.core.DomainException;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.room.RoomRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A board's current scene, for saving it as a template; the caller must be allowed to read the board. */
@ApplicationScoped
class BoardScenes {
    private final BoardPermissions access;
    private final RoomRegistry rooms;

    BoardScenes(BoardPermissions access, RoomRegistry rooms) {
        this.access = access;
        this.rooms = rooms;
    }

    List<ObjectNode> current(String boardId, CurrentUser user) {
        BoardId board = access.requireOnBoard(boardId, user, Action.READ_BOARD);
        try {
            return rooms.room(board).scene().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "Interrupted while reading the board");
        } catch (ExecutionException | TimeoutException e) {
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "The board could not be read right now; try again");
        }
    }
}
