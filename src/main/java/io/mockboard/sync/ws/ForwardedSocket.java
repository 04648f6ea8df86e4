package io.mockboard.sync.ws;

import io.mockboard.sync.protocol.CloseCodes;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import org.jboss.logging.Logger;

/**
 * A board socket that reached a node that does not own its board, relayed to the owner (docs/scaling.md): a
 * WebSocket to the owner's address with the client's credentials (cookies, bearer token, subprotocols) and Origin,
 * and two headers a browser cannot set: who forwarded it (the owner never forwards again) and the Host the client
 * asked for (the owner checks the Origin against it). Frames go both ways as they are; the owner authorizes,
 * limits and answers them. Either side's close closes the other with the same code.
 */
final class ForwardedSocket {
    static final String FORWARDED_BY = "X-Mockboard-Forwarded-By";
    static final String FORWARDED_HOST = "X-Mockboard-Forwarded-Host";
    private static final Logger LOG = Logger.getLogger(ForwardedSocket.class);
    private static final List<String> PASSED_ON = List.of("Cookie", "Authorization", "User-Agent");
    /** Frames a client may send before the owner answered the upgrade; more close the socket (1013). */
    private static final int MAX_WAITING_FRAMES = 256;

    private final WebSocketConnection client;
    private final Queue<Object> waiting = new ArrayDeque<>();
    private WebSocket owner;
    private boolean closed;

    private ForwardedSocket(WebSocketConnection client) {
        this.client = client;
    }

    /** Opens the relay of {@code client} to the node at {@code ownerAddress} (its base URL). */
    /**
     * @param ownerGone called when nothing listens at the owner's address (its process is gone); the client is then
     *                  closed with {@code BOARD_MOVED} and reconnects at once
     */
    static ForwardedSocket open(WebSocketClient sockets, WebSocketConnection client, String ownerAddress, String thisNode,
            Runnable ownerGone) {
        ForwardedSocket relay = new ForwardedSocket(client);
        HandshakeRequest request = client.handshakeRequest();
        URI base = URI.create(ownerAddress);
        boolean tls = "https".equals(base.getScheme());
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : tls ? 443 : 80).setSsl(tls)
                .setURI(request.path() + (request.query() == null || request.query().isEmpty() ? "" : "?" + request.query()))
                .setAllowOriginHeader(false).setConnectTimeout(5_000);
        for (String name : PASSED_ON) {
            String value = request.header(name);
            if (value != null) {
                options.addHeader(name, value);
            }
        }
        String origin = request.header("Origin");
        if (origin != null) {
            options.addHeader("Origin", origin);
        }
        String protocols = request.header(HandshakeRequest.SEC_WEBSOCKET_PROTOCOL);
        if (protocols != null) {
            options.setSubProtocols(Arrays.stream(protocols.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList());
        }
        options.addHeader(FORWARDED_BY, thisNode);
        options.addHeader(FORWARDED_HOST, request.header("Host") == null ? request.host() + ":" + request.port() : request.header("Host"));
        sockets.connect(options).onComplete(result -> {
            if (result.succeeded()) {
                relay.connected(result.result());
            } else if (result.cause() instanceof java.net.ConnectException) {
                LOG.warnf("nothing listens at %s, the owner of %s: its boards may be taken now", ownerAddress, request.path());
                ownerGone.run();
                relay.closeClient(CloseCodes.BOARD_MOVED, "the board's node is gone; reconnect");
            } else {
                LOG.warnf("the owner of %s at %s cannot be reached: %s", request.path(), ownerAddress, result.cause().getMessage());
                relay.closeClient(CloseCodes.TRY_AGAIN_LATER, "the board's node cannot be reached; reconnect shortly");
            }
        });
        return relay;
    }

    /** The client for relays: one per node. */
    static WebSocketClient client(Vertx vertx) {
        return vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(64 * 1024 * 1024)
                .setMaxFrameSize(64 * 1024 * 1024).setTryUsePerMessageCompression(false));
    }

    private synchronized void connected(WebSocket socket) {
        if (closed) {
            socket.close();
            return;
        }
        owner = socket;
        socket.textMessageHandler(text -> client.sendText(text).subscribe().with(ok -> {}, e -> {}));
        socket.binaryMessageHandler(bytes -> client.sendBinary(bytes).subscribe().with(ok -> {}, e -> {}));
        socket.closeHandler(ignored -> {
            Short code = socket.closeStatusCode();
            closeClient(code == null || code == 1005 || code == 1006 ? CloseCodes.SERVICE_RESTART : code,
                    socket.closeReason() == null ? "" : socket.closeReason());
        });
        socket.exceptionHandler(e -> LOG.debugf("relay to the owner failed: %s", e.getMessage()));
        for (Object frame = waiting.poll(); frame != null; frame = waiting.poll()) {
            write(frame);
        }
    }

    /** A frame from the client. */
    synchronized void fromClient(Object frame) {
        if (closed) {
            return;
        }
        if (owner == null) {
            if (waiting.size() >= MAX_WAITING_FRAMES) {
                closeClient(CloseCodes.TRY_AGAIN_LATER, "the board's node is slow to answer; reconnect shortly");
                return;
            }
            waiting.add(frame);
            return;
        }
        write(frame);
    }

    private void write(Object frame) {
        if (frame instanceof String text) {
            owner.writeTextMessage(text);
        } else if (frame instanceof Buffer bytes) {
            owner.writeBinaryMessage(bytes);
        }
    }

    /** The client went away: so does the relay. */
    synchronized void clientClosed() {
        closed = true;
        waiting.clear();
        if (owner != null && !owner.isClosed()) {
            owner.close((short) 1000);
        }
    }

    private void closeClient(int code, String reason) {
        synchronized (this) {
            closed = true;
            waiting.clear();
        }
        client.close(new CloseReason(code, reason)).subscribe().with(ok -> {}, e -> {});
    }
}
