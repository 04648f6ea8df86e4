package io.mockboard.sync.ws;

import static io.mockboard.sync.ws.Frames.hello;
import static io.mockboard.sync.ws.Frames.push;
import static io.mockboard.sync.ws.Frames.rectangle;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.mockboard.board.TestBoards;
import io.mockboard.core.Jdbc;
import io.mockboard.sync.owner.NodeIdentity;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** This node's sync metrics in /q/metrics move with what it does: acks, commits, ops stored, sockets, takeovers. */
@QuarkusTest
class NodeMetricsTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;
    @Inject
    NodeIdentity node;
    @Inject
    AgroalDataSource dataSource;

    @AfterAll
    static void close() {
        oidc.close();
    }

    @Test
    void storedOpsSocketsAndATakeoverShowInTheMetrics() throws Exception {
        String token = oidc.getAccessToken("alice", "alice");
        String boardId = TestBoards.create(token, "metrics");
        ownedByAGoneNode(boardId);
        double appended = metric("mockboard_ops_appended_total");
        double takeovers = metric("mockboard_board_takeovers_total");
        double commits = metric("mockboard_store_commit_seconds_count");
        double acks = metric("mockboard_ack_seconds_count");

        URI ws = URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + boardId + "/sync");
        try (WsTestClient alice = WsTestClient.connect(ws, token)) {
            alice.send(hello("alice", 0));
            alice.await("welcome");
            alice.send(push(1, rectangle("a", 1, 10)));
            alice.await("ack");
            alice.send(push(2, rectangle("b", 1, 20)));
            alice.await("ack");
            assertThat(metric("mockboard_node_sockets")).isGreaterThanOrEqualTo(1);
            assertThat(metric("mockboard_node_rooms")).isGreaterThanOrEqualTo(1);
        }
        assertThat(metric("mockboard_ops_appended_total")).isGreaterThanOrEqualTo(appended + 2);
        assertThat(metric("mockboard_store_commit_seconds_count")).isGreaterThanOrEqualTo(commits + 1);
        assertThat(metric("mockboard_ack_seconds_count")).isGreaterThanOrEqualTo(acks + 2);
        assertThat(metric("mockboard_ack_seconds_sum")).isPositive();
        assertThat(metric("mockboard_board_takeovers_total")).isEqualTo(takeovers + 1);
        assertThat(given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("mockboard_store_commit_seconds_bucket{node=\"" + node.nodeId() + "\"")
                .contains("mockboard_ack_seconds_bucket{node=\"" + node.nodeId() + "\"")
                .contains("mockboard_node_draining{node=\"" + node.nodeId() + "\"} 0.0");
        System.gc(); // what a function counter reads must outlive a collection (it holds it weakly)
        assertThat(given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("(?m)^mockboard_node_relayed_sockets_total\\{node=\"" + node.nodeId() + "\"\\} [0-9.]+$");
    }

    /** The board's owner row names a node whose lease ran out: opening the board here is a takeover. */
    private void ownedByAGoneNode(String boardId) throws Exception {
        UUID instance = UUID.randomUUID();
        String gone = "gone-" + instance.toString().substring(0, 8);
        Jdbc.statement(dataSource, "insert into sync_node (node_id, instance, lease_until) values (?, ?, now() - interval '1 second')", s -> {
            s.setString(1, gone);
            s.setObject(2, instance);
            return s.executeUpdate();
        });
        Jdbc.statement(dataSource, """
                insert into board_owner (board_id, node_id, instance, epoch) values (?, ?, ?, 1) on conflict (board_id)
                do update set node_id = excluded.node_id, instance = excluded.instance, epoch = board_owner.epoch + 1""", s -> {
            s.setObject(1, UUID.fromString(boardId));
            s.setString(2, gone);
            s.setObject(3, instance);
            return s.executeUpdate();
        });
    }

    private double metric(String name) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*node=\"" + Pattern.quote(node.nodeId()) + "\"[^}]*} ([0-9.eE+-]+)$")
                .matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
