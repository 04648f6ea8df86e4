package io.mockboard.sync.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client that sends every message as one frame, whatever its size, as browsers do (the JDK's
 * client splits large messages into frames of a few KB, which hides frame-size limits).
 */
final class SingleFrameClient implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final WebSocketClient client;
    private final WebSocket socket;
    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

    private SingleFrameClient(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
    }

    static SingleFrameClient connect(Vertx vertx, URI uri, String token) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxFrameSize(4 * 1024 * 1024).setMaxMessageSize(16 * 1024 * 1024));
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort())
                .setURI(uri.getRawPath()).addHeader("Authorization", "Bearer " + token);
        WebSocket socket = client.connect(options).toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        SingleFrameClient result = new SingleFrameClient(client, socket);
        socket.textMessageHandler(text -> {
            try {
                result.inbox.add(WsTestClient.JSON.readTree(text));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the server sent a frame that is not JSON: " + text, e);
            }
        });
        socket.closeHandler(ignored -> result.closeCode.complete(socket.closeStatusCode() == null ? 1006 : (int) socket.closeStatusCode()));
        return result;
    }

    /** Sends the text as one final frame, however long. */
    void send(String text) {
        socket.writeFrame(WebSocketFrame.textFrame(text, true));
    }

    void send(Object message) {
        try {
            send(WsTestClient.JSON.writeValueAsString(message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The next message of this type, skipping others; fails after 15 s or when the socket closed first. */
    JsonNode await(String type) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode next = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (next != null && next.path("t").asText().equals(type)) {
                return next;
            }
            if (next == null && closeCode.isDone() && inbox.isEmpty()) {
                throw new AssertionError("closed with " + closeCode.join() + " while waiting for '" + type + "'");
            }
        }
        throw new AssertionError("no '" + type + "' within " + WAIT);
    }

    /** The next ack or error, skipping everything else; null once the socket is closed. */
    JsonNode nextAnswer() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode next = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (next != null && (next.path("t").asText().equals("ack") || next.path("t").asText().equals("error"))) {
                return next;
            }
            if (next == null && closeCode.isDone() && inbox.isEmpty()) {
                return null;
            }
        }
        throw new AssertionError("no answer within " + WAIT);
    }

    @Override
    public void close() {
        if (!closeCode.isDone()) {
            socket.close();
        }
        client.close();
    }
}
