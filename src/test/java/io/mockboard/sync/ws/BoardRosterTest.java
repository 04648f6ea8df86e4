package io.mockboard.sync.ws;

import static io.mockboard.sync.ws.Frames.hello;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.mockboard.board.TestBoards;
import io.mockboard.core.Jdbc;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.BoardRoster;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Who is on a board comes from every live node: this node's sockets and another node's, never a dead node's. */
@QuarkusTest
class BoardRosterTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;
    @Inject
    BoardRoster roster;
    @Inject
    AgroalDataSource dataSource;

    @AfterAll
    static void close() {
        oidc.close();
    }

    @Test
    void theRosterHasThisNodesAndLiveOtherNodesPeopleAndForgetsThoseWhoLeft() throws Exception {
        String token = oidc.getAccessToken("alice", "alice");
        BoardId board = BoardId.parse(TestBoards.create(token, "roster"));
        URI ws = URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + board.value() + "/sync");
        UUID other = UUID.randomUUID();
        String otherNode = "other-" + other.toString().substring(0, 8);
        try (WsTestClient alice = WsTestClient.connect(ws, token)) {
            alice.send(hello("alice", 0));
            alice.await("welcome");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> roster.online(board).stream()
                    .anyMatch(p -> p.role().equals("interviewer")));

            sql("insert into sync_node (node_id, instance, lease_until) values ('" + otherNode + "', '" + other
                    + "', now() + interval '1 minute')");
            sql("insert into board_presence (board_id, session_id, node_id, instance, display_name, role) values ('"
                    + board.value() + "', 'elsewhere', '" + otherNode + "', '" + other + "', 'Cam', 'candidate')");
            assertThat(roster.online(board)).contains(new BoardRoster.Present("Cam", "candidate")).hasSize(2);

            sql("update sync_node set lease_until = now() - interval '1 second' where node_id = '" + otherNode + "'");
            assertThat(roster.online(board)).doesNotContain(new BoardRoster.Present("Cam", "candidate")).hasSize(1);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> roster.online(board).isEmpty());
    }

    private void sql(String statement) throws Exception {
        Jdbc.statement(dataSource, statement, s -> s.executeUpdate());
    }
}
