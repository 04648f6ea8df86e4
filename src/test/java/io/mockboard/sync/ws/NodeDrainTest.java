package io.mockboard.sync.ws;

import static io.mockboard.sync.ws.Frames.hello;
import static io.mockboard.sync.ws.Frames.push;
import static io.mockboard.sync.ws.Frames.rectangle;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.mockboard.board.TestBoards;
import io.mockboard.core.Jdbc;
import io.mockboard.sync.room.RoomRegistry;
import io.mockboard.sync.store.PostgresNodeRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.client.OidcTestClient;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A node that stops drains: not ready, no new board sockets (503, so a proxy tries another node), the open ones
 * closed after everything they sent is stored, and its boards released for the other nodes at once.
 */
@QuarkusTest
@TestProfile(NodeDrainTest.DrainingNode.class)
class NodeDrainTest {
    static final OidcTestClient oidc = new OidcTestClient();

    /** A node of its own (the drain ends its life: the next test class starts the application anew). */
    public static class DrainingNode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mockboard.sync.node-id", "drain-test");
        }
    }

    @TestHTTPResource("/")
    URL root;
    @Inject
    SyncBeans beans;
    @Inject
    Vertx vertx;
    @Inject
    RoomRegistry rooms;
    @Inject
    PostgresNodeRegistry nodes;
    @Inject
    NodeState state;
    @Inject
    AgroalDataSource dataSource;

    @AfterAll
    static void close() {
        oidc.close();
    }

    @Test
    void aDrainingNodeStoresWhatItAcceptedClosesItsSocketsAndReleasesItsBoards() throws Exception {
        String token = oidc.getAccessToken("alice", "alice");
        String boardId = TestBoards.create(token, "drain");
        URI ws = URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + boardId + "/sync");
        given().when().get("/q/health/ready").then().statusCode(200);
        try (WsTestClient alice = WsTestClient.connect(ws, token)) {
            alice.send(hello("alice", 0));
            alice.await("welcome");
            alice.send(push(1, rectangle("kept", 1, 10)));
            alice.await("ack");
            assertThat(ownerOf(boardId)).isEqualTo("drain-test");

            beans.drain(vertx, rooms, nodes, state);

            assertThat(alice.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1001);
        }
        assertThat(ownerOf(boardId)).as("released: any node takes it at once").isNull();
        assertThat(storedOps(boardId)).isEqualTo(1);
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.name", hasItem("mockboard-node"));
        assertThat(WsTestClient.refusedUpgradeStatus(() -> WsTestClient.connect(ws, token))).isEqualTo(503);
    }

    private String ownerOf(String boardId) throws Exception {
        return Jdbc.statement(dataSource, "select node_id from board_owner where board_id = ?", s -> {
            s.setObject(1, UUID.fromString(boardId));
            try (var row = s.executeQuery()) {
                return row.next() ? row.getString(1) : "none";
            }
        });
    }

    private int storedOps(String boardId) throws Exception {
        return Jdbc.statement(dataSource, "select count(*) from board_op where board_id = ?", s -> {
            s.setObject(1, UUID.fromString(boardId));
            try (var row = s.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }
}
