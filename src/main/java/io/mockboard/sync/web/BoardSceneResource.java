package io.mockboard.sync.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.BoardGate;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.BoardLog;
import io.mockboard.sync.room.BoardMovedException;
import io.mockboard.sync.room.Scene;
import io.mockboard.sync.room.StoredOp;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.NotFoundException;
import io.mockboard.sync.room.RoomRegistry;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/boards/{id}/scene")
@Authenticated
public class BoardSceneResource {
    private final BoardGate gate;
    private final RoomRegistry rooms;
    private final SecurityIdentity identity;
    private final BoardLog log;

    BoardSceneResource(BoardGate gate, RoomRegistry rooms, SecurityIdentity identity, BoardLog log) {
        this.gate = gate;
        this.log = log;
        this.rooms = rooms;
        this.identity = identity;
    }

    /** An Excalidraw scene file ({@code .excalidraw} format) of the board's current, stored state. */
    public record SceneFile(String type, int version, String source, List<ObjectNode> elements, Map<String, Object> appState,
            Map<String, Object> files) {}

    @GET
    @Blocking
    @Operation(summary = "The board's current scene as an Excalidraw file (deleted elements left out)")
    public Uni<SceneFile> scene(@PathParam("id") String id) {
        BoardId board = parse(id);
        if (gate.admit(board, identity).isEmpty()) {
            throw new NotFoundException("Board " + id + " was not found");
        }
        return Uni.createFrom().completionStage(rooms.room(board).scene())
                // another node owns the board (docs/scaling.md): its stored state, read from the op log
                .onFailure(BoardSceneResource::moved).recoverWithUni(() -> Uni.createFrom().item(() -> stored(board))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .map(elements -> new SceneFile("excalidraw", 2, "mockboard",
                        elements.stream().filter(e -> !e.path("isDeleted").asBoolean(false)).toList(), Map.of(), Map.of()));
    }

    private static boolean moved(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BoardMovedException) {
                return true;
            }
        }
        return false;
    }

    /** The board's stored scene: the newest snapshot and the ops after it, merged. */
    private List<ObjectNode> stored(BoardId board) {
        Scene scene = new Scene();
        long after = log.snapshotAtOrBefore(board, Long.MAX_VALUE).map(snapshot -> {
            scene.applyAll(snapshot.elements());
            return snapshot.seq();
        }).orElse(0L);
        for (StoredOp op : log.ops(board, after, Long.MAX_VALUE, Integer.MAX_VALUE)) {
            scene.applyAll(op.elements());
        }
        return scene.elements();
    }

    private static BoardId parse(String id) {
        try {
            return BoardId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Board " + id + " was not found");
        }
    }
}
