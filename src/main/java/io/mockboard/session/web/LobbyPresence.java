package io.mockboard.session.web;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.room.RoomRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Who is on a session's board right now, for the lobby; empty when the board is not loaded. */
@ApplicationScoped
class LobbyPresence {
    private final RoomRegistry rooms;

    LobbyPresence(RoomRegistry rooms) {
        this.rooms = rooms;
    }

    List<String> online(BoardId board) {
        return rooms.loaded(board).map(room -> {
            try {
                return room.present().toCompletableFuture().get(2, TimeUnit.SECONDS).stream()
                        .map(p -> p.displayName() + " (" + p.role().wire().replace('_', '-') + ")").distinct().toList();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.<String>of();
            } catch (ExecutionException | TimeoutException e) {
                return List.<String>of();
            }
        }).orElse(List.of());
    }
}
