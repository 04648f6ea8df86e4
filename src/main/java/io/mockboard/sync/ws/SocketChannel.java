package io.mockboard.sync.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.BoardChannel;
import io.mockboard.sync.BoardEvent;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.owner.NodeIdentity;
import io.mockboard.sync.protocol.ServerMessage;
import io.mockboard.sync.room.RoomRegistry;
import io.mockboard.sync.store.PostgresNodeBus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The {@link BoardChannel}: what the domains send reaches the board's sockets on this node at once, and the other
 * nodes' through {@link PostgresNodeBus} (events go through the board's room, closes to the matching connections,
 * wherever they are). Messages leave in the order they were sent, from a thread of their own.
 */
@ApplicationScoped
class SocketChannel implements BoardChannel {
    private static final Logger LOG = Logger.getLogger(SocketChannel.class);
    private static final long PRUNE_EVERY_MILLIS = 60_000;

    private final RoomRegistry rooms;
    private final OpenConnections connections;
    private final ObjectMapper json;
    private final PostgresNodeBus bus;
    private final ExecutorService outbox = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("mockboard-node-outbox").daemon(true).factory());
    private long pruneTimer = -1;

    SocketChannel(RoomRegistry rooms, OpenConnections connections, ObjectMapper json, DataSource dataSource, NodeIdentity node) {
        this.rooms = rooms;
        this.connections = connections;
        this.json = json;
        this.bus = new PostgresNodeBus(dataSource, node.instance(), this::received);
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        bus.start();
        pruneTimer = vertx.setPeriodic(PRUNE_EVERY_MILLIS, id -> outbox.execute(this::prune));
    }

    void stop(@Observes ShutdownEvent event, Vertx vertx) {
        vertx.cancelTimer(pruneTimer);
        outbox.shutdown();
        bus.close();
    }

    /** Whether messages from the other nodes arrive (the listener is connected). */
    boolean listening() {
        return bus.listening();
    }

    private void prune() {
        try {
            bus.prune();
        } catch (SQLException e) {
            LOG.debugf("could not prune node messages: %s", e.getMessage());
        }
    }

    @Override
    public void send(BoardId board, BoardEvent event) {
        ObjectNode body = json.valueToTree(event.body());
        deliver(board, event.type(), event.audience(), body);
        ObjectNode message = json.createObjectNode().put("op", "send").put("board", board.value().toString())
                .put("type", event.type()).put("audience", event.audience().name());
        message.set("body", body);
        publish(message);
    }

    @Override
    public void closeTagged(String tag, int code, String reason) {
        closeLocal(tag, code, reason);
        publish(json.createObjectNode().put("op", "close-tagged").put("tag", tag).put("code", code).put("reason", reason));
    }

    @Override
    public void readmitAll(BoardId board) {
        rooms.unload(board);
        publish(json.createObjectNode().put("op", "readmit").put("board", board.value().toString()));
    }

    private void deliver(BoardId board, String type, BoardEvent.Audience audience, ObjectNode body) {
        ServerMessage.Event frame = new ServerMessage.Event(type, body);
        rooms.loaded(board).ifPresent(room -> {
            switch (audience) {
                case EVERYONE -> room.sendToAll(frame);
                case PRIVATE -> room.sendPrivate(frame);
            }
        });
    }

    private void closeLocal(String tag, int code, String reason) {
        for (var connection : connections.findByEndpointId(BoardSyncEndpoint.ID)) {
            if (BoardSyncEndpoint.tagsOf(connection).contains(tag)) {
                connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {}, e -> {});
            }
        }
    }

    private void publish(ObjectNode message) {
        String payload = message.toString();
        try {
            outbox.execute(() -> {
                try {
                    bus.publish(payload);
                } catch (SQLException e) {
                    LOG.warnf("could not tell the other nodes (%s): %s", e.getMessage(), payload);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debugf("shutting down: not telling the other nodes %s", payload);
        }
    }

    /** A message from another node: done here as if it had been sent here. */
    private void received(String payload) {
        JsonNode message;
        try {
            message = json.readTree(payload);
        } catch (java.io.IOException e) {
            LOG.warnf("a node message is not JSON: %s", payload);
            return;
        }
        switch (message.path("op").asText()) {
            case "send" -> deliver(new BoardId(UUID.fromString(message.path("board").asText())), message.path("type").asText(),
                    BoardEvent.Audience.valueOf(message.path("audience").asText()), (ObjectNode) message.path("body"));
            case "close-tagged" -> closeLocal(message.path("tag").asText(), message.path("code").asInt(), message.path("reason").asText());
            case "readmit" -> rooms.unload(new BoardId(UUID.fromString(message.path("board").asText())));
            default -> LOG.warnf("an unknown node message: %s", payload);
        }
    }
}
