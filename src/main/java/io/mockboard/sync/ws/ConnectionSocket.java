package io.mockboard.sync.ws;

import io.mockboard.sync.protocol.ProtocolCodec;
import io.mockboard.sync.protocol.ServerMessage;
import io.mockboard.sync.room.RoomSocket;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

/** The room's view of one WebSocket connection: encode and send, never block, ignore closed sockets. */
final class ConnectionSocket implements RoomSocket {
    /** Frames longer than this (welcomes of large boards) are not kept for the next send. */
    private static final int MAX_REMEMBERED_CHARS = 64 * 1024;
    /**
     * The last frame encoded on this thread: a room broadcasts one message object to each peer in a row,
     * on one thread, so it is encoded once, not once per peer.
     */
    private static final ThreadLocal<Encoded> LAST = new ThreadLocal<>();

    private final WebSocketConnection connection;
    private final ProtocolCodec codec;

    ConnectionSocket(WebSocketConnection connection, ProtocolCodec codec) {
        this.connection = connection;
        this.codec = codec;
    }

    @Override
    public void send(ServerMessage message) {
        if (connection.isOpen()) {
            connection.sendText(text(message)).subscribe().with(ok -> {}, failure -> {});
        }
    }

    private String text(ServerMessage message) {
        Encoded last = LAST.get();
        if (last != null && last.message() == message) {
            return last.text();
        }
        String text = codec.encode(message);
        LAST.set(text.length() <= MAX_REMEMBERED_CHARS ? new Encoded(message, text) : null);
        return text;
    }

    @Override
    public void close(int code, String reason) {
        if (connection.isOpen()) {
            connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {}, failure -> {});
        }
    }

    private record Encoded(ServerMessage message, String text) {
    }
}
