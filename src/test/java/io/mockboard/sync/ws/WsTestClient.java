package io.mockboard.sync.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client (the JDK's) that records every frame the server sends. */
public final class WsTestClient implements WebSocket.Listener, AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Shared and strongly held: the JDK stops a WebSocket's reads once its HttpClient is garbage collected. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    public final List<JsonNode> seen = new ArrayList<>();
    public final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    /** When the first fragment of the first message arrived (System.nanoTime), 0 until then. */
    public volatile long firstFragmentNanos;
    private WebSocket socket;

    public static WsTestClient connect(URI uri, String token) {
        return connect(uri, token, null);
    }

    public static WsTestClient connect(URI uri, String token, String origin) {
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            headers.put("Origin", origin);
        }
        return connect(uri, headers);
    }

    /** Connects with these request headers (a bearer token, a guest's cookie, an Origin). */
    public static WsTestClient connect(URI uri, java.util.Map<String, String> headers) {
        WsTestClient client = new WsTestClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(uri, client).orTimeout(15, TimeUnit.SECONDS).join();
        return client;
    }

    /** The HTTP status a refused upgrade answered with. */
    public static int refusedUpgradeStatus(Runnable connect) {
        try {
            connect.run();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.net.http.WebSocketHandshakeException handshake) {
                    return handshake.getResponse().statusCode();
                }
            }
            throw new AssertionError("not a handshake failure", e);
        }
        throw new AssertionError("the upgrade was accepted");
    }

    public void send(String frame) {
        socket.sendText(frame, true).join();
    }

    public void send(Object message) {
        try {
            send(JSON.writeValueAsString(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void sendBinary(byte[] frame) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(frame), true).join();
    }

    /** The next frame from the server, or null once the connection has closed and nothing more is queued. */
    public JsonNode nextOrClosed() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode next = inbox.poll(20, TimeUnit.MILLISECONDS);
                if (next != null) {
                    seen.add(next);
                    return next;
                }
                if (closeCode.isDone() && inbox.isEmpty()) {
                    return null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no frame and no close within " + WAIT);
    }

    /** The next frame matching the predicate; frames before it are kept in {@link #seen}. */
    public JsonNode await(Predicate<JsonNode> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (true) {
                JsonNode next = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no matching frame within " + WAIT + "; seen " + seen + "; closed " + closeCode
                            + "; output closed " + socket.isOutputClosed() + ", input closed " + socket.isInputClosed());
                }
                seen.add(next);
                if (match.test(next)) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public JsonNode await(String type) {
        return await(frame -> type.equals(frame.path("t").asText()));
    }

    /** Aborts the TCP connection without a close handshake, as a dropped network would. */
    public void drop() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (firstFragmentNanos == 0) {
            firstFragmentNanos = System.nanoTime();
        }
        partial.append(data);
        if (last) {
            try {
                inbox.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("server sent non-JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }
}
