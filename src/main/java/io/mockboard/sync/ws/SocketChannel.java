package io.mockboard.sync.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.BoardChannel;
import io.mockboard.sync.BoardEvent;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.ServerMessage;
import io.mockboard.sync.room.RoomRegistry;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@link BoardChannel} of this node: events go through the board's room, closes to the matching connections. */
@ApplicationScoped
class SocketChannel implements BoardChannel {
    private final RoomRegistry rooms;
    private final OpenConnections connections;
    private final ObjectMapper json;

    SocketChannel(RoomRegistry rooms, OpenConnections connections, ObjectMapper json) {
        this.rooms = rooms;
        this.connections = connections;
        this.json = json;
    }

    @Override
    public void send(BoardId board, BoardEvent event) {
        ObjectNode body = json.valueToTree(event.body());
        ServerMessage.Event frame = new ServerMessage.Event(event.type(), body);
        rooms.loaded(board).ifPresent(room -> {
            switch (event.audience()) {
                case EVERYONE -> room.sendToAll(frame);
                case PRIVATE -> room.sendPrivate(frame);
            }
        });
    }

    @Override
    public void closeTagged(String tag, int code, String reason) {
        for (var connection : connections.findByEndpointId(BoardSyncEndpoint.ID)) {
            if (BoardSyncEndpoint.tagsOf(connection).contains(tag)) {
                connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {}, e -> {});
            }
        }
    }

    @Override
    public void readmitAll(BoardId board) {
        rooms.unload(board);
    }
}
