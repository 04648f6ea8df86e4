package io.mockboard.sync.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.mockboard.board.TestBoards;
import io.mockboard.core.Jdbc;
import io.mockboard.sync.owner.NodeIdentity;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A board socket that reaches a node that does not own the board is relayed to the owner: here the owner is a
 * WebSocket server of the test's own (on loopback) registered as a live node that owns the board, so the test
 * sees what the owner receives and decides what it answers.
 */
@QuarkusTest
class ForwardedSocketTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Vertx vertx;
    @Inject
    NodeIdentity thisNode;

    String token;
    String boardId;
    HttpServer owner;
    final List<ServerWebSocket> atOwner = new CopyOnWriteArrayList<>();
    final List<String> receivedByOwner = new CopyOnWriteArrayList<>();
    final CompletableFuture<Short> closedAtOwner = new CompletableFuture<>();
    String ownerNode;

    @AfterAll
    static void close() {
        oidc.close();
    }

    @BeforeEach
    void boardOwnedByAnotherNode() throws Exception {
        token = oidc.getAccessToken("alice", "alice");
        boardId = TestBoards.create(token, "relayed");
        owner = vertx.createHttpServer().requestHandler(request -> request.toWebSocket().onSuccess(socket -> {
            atOwner.add(socket);
            socket.textMessageHandler(receivedByOwner::add);
            socket.closeHandler(ignored -> closedAtOwner.complete(socket.closeStatusCode()));
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ownerNode = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        ownBoard(ownerNode, "http://127.0.0.1:" + owner.actualPort());
    }

    @AfterEach
    void stopOwner() throws Exception {
        owner.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Jdbc.statement(dataSource, "update board_owner set node_id = null, instance = null where board_id = ?", s -> {
            s.setObject(1, UUID.fromString(boardId));
            return s.executeUpdate();
        });
    }

    private void ownBoard(String node, String address) throws Exception {
        UUID instance = UUID.randomUUID();
        Jdbc.statement(dataSource, """
                insert into sync_node (node_id, instance, address, lease_until) values (?, ?, ?, now() + interval '1 minute')""", s -> {
            s.setString(1, node);
            s.setObject(2, instance);
            s.setString(3, address);
            return s.executeUpdate();
        });
        Jdbc.statement(dataSource, """
                insert into board_owner (board_id, node_id, instance, epoch) values (?, ?, ?, 1)
                on conflict (board_id) do update set node_id = excluded.node_id, instance = excluded.instance, epoch = board_owner.epoch + 1""", s -> {
            s.setObject(1, UUID.fromString(boardId));
            s.setString(2, node);
            s.setObject(3, instance);
            return s.executeUpdate();
        });
    }

    private URI ws() {
        return URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + boardId + "/sync");
    }

    @Test
    void framesAndTheOwnersCloseGoThroughWithTheCallersCredentials() throws Exception {
        try (WsTestClient alice = WsTestClient.connect(ws(), token)) {
            alice.send(Frames.hello("alice", 0));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receivedByOwner.size() == 1);
            assertThat(receivedByOwner.getFirst()).contains("\"t\":\"hello\"").contains("alice");

            ServerWebSocket relay = atOwner.getFirst();
            assertThat(relay.path()).isEqualTo("/boards/" + boardId + "/sync");
            assertThat(relay.headers().get("Authorization")).isEqualTo("Bearer " + token);
            assertThat(relay.headers().get(ForwardedSocket.FORWARDED_BY)).isEqualTo(thisNode.nodeId());
            assertThat(relay.headers().get(ForwardedSocket.FORWARDED_HOST)).isEqualTo(root.getHost() + ":" + root.getPort());

            relay.writeTextMessage("{\"t\":\"welcome\",\"head\":0}");
            assertThat(alice.await("welcome").path("head").asLong()).isZero();
            relay.close((short) 4013, "board moved to another node; reconnect");
            assertThat(alice.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(4013);
        }
    }

    @Test
    void aClientThatLeavesClosesItsRelay() throws Exception {
        WsTestClient alice = WsTestClient.connect(ws(), token);
        alice.send(Frames.hello("alice", 0));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receivedByOwner.size() == 1);
        alice.close();
        assertThat(closedAtOwner.get(10, TimeUnit.SECONDS)).isEqualTo((short) 1000);
    }

    @Test
    void anOwnerWithNothingListeningLosesItsLeaseAndTheClientReconnectsAtOnce() throws Exception {
        int closedPort;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = free.getLocalPort();
        }
        String gone = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        ownBoard(gone, "http://127.0.0.1:" + closedPort);
        try (WsTestClient alice = WsTestClient.connect(ws(), token)) {
            // the relay is tried when the socket opens: it may close before the client says anything
            assertThat(alice.closeCode.get(15, TimeUnit.SECONDS)).isEqualTo(4013);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !leaseLive(gone));
        try (WsTestClient again = WsTestClient.connect(ws(), token)) {
            again.send(Frames.hello("alice", 0));
            again.await("welcome");
        }
    }

    private boolean leaseLive(String node) throws Exception {
        return Jdbc.statement(dataSource, "select lease_until > now() from sync_node where node_id = ?", s -> {
            s.setString(1, node);
            try (var row = s.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        });
    }

    @Test
    void aRelayedSocketIsNeverRelayedAgainAndHereTheBoardIsRefusedAsMoved() throws Exception {
        Map<String, String> relayed = Map.of("Authorization", "Bearer " + token, ForwardedSocket.FORWARDED_BY, "another-node",
                ForwardedSocket.FORWARDED_HOST, root.getHost() + ":" + root.getPort());
        try (WsTestClient alice = WsTestClient.connect(ws(), relayed)) {
            // the board's load starts when the socket opens: it may close before the client says anything
            assertThat(alice.closeCode.get(15, TimeUnit.SECONDS)).isEqualTo(4013);
        }
        assertThat(atOwner).isEmpty();
    }
}
