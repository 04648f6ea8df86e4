package io.mockboard.sync.ws;

import static io.mockboard.sync.ws.Frames.hello;
import static io.mockboard.sync.ws.Frames.rectangle;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockboard.board.TestBoards;
import io.mockboard.sync.protocol.CloseCodes;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** [S9] Fair use with real sockets: caps on sockets per person and per board, presence size, and slow receivers. */
@QuarkusTest
@TestProfile(FairUseProfile.class)
class FairUseTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;

    @AfterAll
    static void close() {
        oidc.close();
    }

    private URI ws(String board) {
        return URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + board + "/sync");
    }

    private WsTestClient join(String board, String token, String clientId) {
        WsTestClient client = WsTestClient.connect(ws(board), token);
        client.send(hello(clientId, 0));
        client.await("welcome");
        return client;
    }

    @Test
    @DisplayName("[S9] a person's third socket on one board, or fourth on the server, is closed with 4029; a closed one frees its place")
    void socketsPerPerson() throws Exception {
        String alice = oidc.getAccessToken("alice", "alice");
        String a = TestBoards.create(alice, "caps a");
        String b = TestBoards.create(alice, "caps b");
        String c = TestBoards.create(alice, "caps c");
        try (WsTestClient one = join(a, alice, "t1"); WsTestClient two = join(a, alice, "t2")) {
            try (WsTestClient three = WsTestClient.connect(ws(a), alice)) {
                assertThat(three.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(CloseCodes.TOO_MANY_CONNECTIONS);
            }
            try (WsTestClient onB = join(b, alice, "t3"); WsTestClient onC = WsTestClient.connect(ws(c), alice)) {
                assertThat(onC.closeCode.get(10, TimeUnit.SECONDS)).as("fourth on the server").isEqualTo(CloseCodes.TOO_MANY_CONNECTIONS);
            }
            two.close();
            WsTestClient again = awaitAdmitted(a, alice, "t4");
            again.close();
        }
    }

    @Test
    @DisplayName("[S9] a board with as many sockets as it takes closes the next one with 4030 (board full)")
    void boardFull() throws Exception {
        String dave = oidc.getAccessToken("dave", "dave");
        String carol = oidc.getAccessToken("carol", "carol");
        String board = TestBoards.create(dave, "full");
        try (WsTestClient d1 = join(board, dave, "d1"); WsTestClient d2 = join(board, dave, "d2");
                WsTestClient c1 = join(board, carol, "c1"); WsTestClient c2 = join(board, carol, "c2");
                WsTestClient bob = WsTestClient.connect(ws(board), oidc.getAccessToken("bob", "bob"))) {
            assertThat(bob.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(CloseCodes.BOARD_FULL);
        }
    }

    @Test
    @DisplayName("[S9] a presence frame over 8 KiB is refused as too large and reaches nobody")
    void presenceSize() {
        String alice = oidc.getAccessToken("alice", "alice");
        String board = TestBoards.create(alice, "presence size");
        try (WsTestClient sender = join(board, alice, "p1"); WsTestClient other = join(board, oidc.getAccessToken("bob", "bob"), "p2")) {
            List<String> selection = new ArrayList<>();
            for (int i = 0; i < 700; i++) {
                selection.add("selected-element-" + i);
            }
            sender.send(Map.of("t", "presence", "idle", "active", "selection", selection));
            JsonNode refusal = sender.await("error");
            assertThat(refusal.path("code").asText()).isEqualTo("too_large");
            sender.send(Map.of("t", "presence", "idle", "active", "selection", List.of("r1")));
            JsonNode relayed = other.await("presence");
            assertThat(relayed.path("selection").toString()).isEqualTo("[\"r1\"]");
        }
    }

    @Test
    @DisplayName("[S9] a receiver that stops reading is closed with 4031 once far behind; the writer and another room are not slowed")
    void slowReceiverIsShed() throws Exception {
        String alice = oidc.getAccessToken("alice", "alice");
        String board = TestBoards.create(alice, "slow receiver");
        String elsewhere = TestBoards.create(alice, "another room");
        try (StalledClient stalled = new StalledClient(ws(board), oidc.getAccessToken("bob", "bob"),
                        "{\"t\":\"hello\",\"protocol\":1,\"clientId\":\"stalled\",\"lastSeq\":0}");
                WsTestClient writer = join(board, alice, "writer");
                WsTestClient other = join(elsewhere, oidc.getAccessToken("dave", "dave"), "other-room")) {
            List<Long> roundTrips = new ArrayList<>();
            boolean shed = false;
            // the kernel's socket buffers take a few MB before anything waits in the server: write until it sheds
            for (int p = 1; p <= 60 && !shed; p++) {
                List<Map<String, Object>> elements = new ArrayList<>();
                for (int i = 0; i < 600; i++) {
                    elements.add(rectangle("slow-" + p + "-" + i, 1, i));
                }
                int seq = p;
                JsonNode answer;
                do { // over the byte rate the push is refused as retryable: re-send after a short pause, as the page does
                    writer.send(Map.of("t", "push", "clientSeq", p, "elements", elements));
                    answer = writer.await(f -> f.path("clientSeq").asInt() == seq
                            && (f.path("t").asText().equals("ack") || f.path("t").asText().equals("error")));
                    if (answer.path("t").asText().equals("error")) {
                        assertThat(answer.path("code").asText()).isEqualTo("rate_limited");
                        java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(300).toNanos());
                    }
                } while (!answer.path("t").asText().equals("ack"));
                long start = System.nanoTime();
                other.send(Map.of("t", "ping", "nonce", p));
                other.await("pong");
                roundTrips.add((System.nanoTime() - start) / 1_000_000);
                shed = writer.seen.stream().anyMatch(f -> f.path("t").asText().equals("peer-left"));
            }
            assertThat(shed).as("the stalled receiver was shed (peer-left)").isTrue();
            System.out.println("[slow receiver] shed after " + roundTrips.size() + " pushes of 600 elements; ping round trips in another room (ms): "
                    + roundTrips);
            assertThat(stalled.drainToClose()).isEqualTo(CloseCodes.TOO_SLOW);
            assertThat(roundTrips).as("ping round trips in another room, ms").allMatch(ms -> ms < 1_000);
            assertThat(writer.closeCode).isNotDone();
        }
    }

    /** The server frees a closed socket's place when it sees the close: try until it has. */
    private WsTestClient awaitAdmitted(String board, String token, String clientId) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            WsTestClient client = WsTestClient.connect(ws(board), token);
            try {
                client.send(hello(clientId, 0));
            } catch (RuntimeException closedAlready) {
                // refused as it opened: the close code says why
            }
            JsonNode first = client.nextOrClosed();
            if (first != null && first.path("t").asText().equals("welcome")) {
                return client;
            }
            client.close();
            assertThat(client.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(CloseCodes.TOO_MANY_CONNECTIONS);
        }
        throw new AssertionError("the closed socket's place was never freed");
    }
}
