package io.mockboard.sync.ws;

import io.mockboard.sync.protocol.CloseCodes;
import io.mockboard.sync.protocol.FairUse;
import io.mockboard.sync.protocol.ProtocolCodec;
import io.mockboard.sync.protocol.ServerMessage;
import io.mockboard.sync.room.RoomSocket;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The room's view of one WebSocket connection: encode and send, never block, ignore closed sockets. What is
 * queued for the connection but not yet written is counted ([S9] fair use): past one limit presence to it is
 * dropped, past another the connection is closed with 4031 and catches up when it reconnects, so a receiver
 * that cannot keep up never holds the server's memory or slows the others.
 */
final class ConnectionSocket implements RoomSocket {
    private static final UserData.TypedKey<AtomicLong> QUEUED = new UserData.TypedKey<>("mockboard.queued-chars");
    /** Frames longer than this (welcomes of large boards) are not kept for the next send. */
    private static final int MAX_REMEMBERED_CHARS = 64 * 1024;
    /**
     * The last frame encoded on this thread: a room broadcasts one message object to each peer in a row,
     * on one thread, so it is encoded once, not once per peer.
     */
    private static final ThreadLocal<Encoded> LAST = new ThreadLocal<>();

    private final WebSocketConnection connection;
    private final ProtocolCodec codec;
    private final FairUse limits;
    private final AtomicLong queued;
    private final Runnable onShed;

    ConnectionSocket(WebSocketConnection connection, ProtocolCodec codec, FairUse limits) {
        this(connection, codec, limits, () -> {});
    }

    /** @param onShed called once when the connection is shed for falling behind (the room forgets it at once) */
    ConnectionSocket(WebSocketConnection connection, ProtocolCodec codec, FairUse limits, Runnable onShed) {
        this.connection = connection;
        this.codec = codec;
        this.limits = limits;
        this.onShed = onShed;
        AtomicLong existing = connection.userData().get(QUEUED);
        if (existing == null) {
            existing = new AtomicLong();
            connection.userData().put(QUEUED, existing);
        }
        this.queued = existing;
    }

    @Override
    public void send(ServerMessage message) {
        if (!connection.isOpen()) {
            return;
        }
        long waiting = queued.get();
        if (waiting < 0) {
            return; // shed: nothing more is queued for it
        }
        if (waiting > limits.closeAboveBytes()) {
            // A receiver that cannot keep up is shed at once: the room stops sending to it (peers see it leave) and
            // the close follows the data already queued; it reconnects and the welcome catches it up.
            queued.set(Long.MIN_VALUE / 2);
            onShed.run();
            close(CloseCodes.TOO_SLOW, "too far behind; reconnect to catch up");
            return;
        }
        if (message instanceof ServerMessage.PeerPresence && waiting > limits.dropPresenceAboveBytes()) {
            return; // presence is latest-wins: a slow receiver loses cursors first, never changes
        }
        String text = text(message);
        long size = text.length();
        queued.addAndGet(size);
        connection.sendText(text).subscribe().with(ok -> queued.addAndGet(-size), failure -> queued.addAndGet(-size));
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
