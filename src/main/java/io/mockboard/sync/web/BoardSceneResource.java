package io.mockboard.sync.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.BoardGate;
import io.mockboard.sync.BoardId;
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

    BoardSceneResource(BoardGate gate, RoomRegistry rooms, SecurityIdentity identity) {
        this.gate = gate;
        this.rooms = rooms;
        this.identity = identity;
    }

    /** An Excalidraw scene file ({@code .excalidraw} format) of the board's current, stored state. */
    public record Scene(String type, int version, String source, List<ObjectNode> elements, Map<String, Object> appState,
            Map<String, Object> files) {}

    @GET
    @Blocking
    @Operation(summary = "The board's current scene as an Excalidraw file (deleted elements left out)")
    public Uni<Scene> scene(@PathParam("id") String id) {
        BoardId board = parse(id);
        if (gate.admit(board, identity).isEmpty()) {
            throw new NotFoundException("Board " + id + " was not found");
        }
        return Uni.createFrom().completionStage(rooms.room(board).scene())
                .map(elements -> new Scene("excalidraw", 2, "mockboard",
                        elements.stream().filter(e -> !e.path("isDeleted").asBoolean(false)).toList(), Map.of(), Map.of()));
    }

    private static BoardId parse(String id) {
        try {
            return BoardId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Board " + id + " was not found");
        }
    }
}
