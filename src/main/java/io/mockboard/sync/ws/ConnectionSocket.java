package io.mockboard.sync.ws;

import io.mockboard.sync.protocol.ProtocolCodec;
import io.mockboard.sync.protocol.ServerMessage;
import io.mockboard.sync.room.RoomSocket;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

/** The room's view of one WebSocket connection: encode and send, never block, ignore closed sockets. */
final class ConnectionSocket implements RoomSocket {
    private final WebSocketConnection connection;
    private final ProtocolCodec codec;

    ConnectionSocket(WebSocketConnection connection, ProtocolCodec codec) {
        this.connection = connection;
        this.codec = codec;
    }

    @Override
    public void send(ServerMessage message) {
        if (connection.isOpen()) {
            connection.sendText(codec.encode(message)).subscribe().with(ok -> {}, failure -> {});
        }
    }

    @Override
    public void close(int code, String reason) {
        if (connection.isOpen()) {
            connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {}, failure -> {});
        }
    }
}
