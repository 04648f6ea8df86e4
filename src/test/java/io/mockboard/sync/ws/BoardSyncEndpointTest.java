package io.mockboard.sync.ws;

import static io.mockboard.sync.ws.Frames.hello;
import static io.mockboard.sync.ws.Frames.push;
import static io.mockboard.sync.ws.Frames.rectangle;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.mockboard.board.TestBoards;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.CloseCodes;
import io.mockboard.sync.room.RoomRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Real WebSocket clients against the running app and its PostgreSQL op log. */
@QuarkusTest
class BoardSyncEndpointTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;

    @Inject
    RoomRegistry rooms;

    @Inject
    AgroalDataSource dataSource;

    String token;
    String boardId;

    @AfterAll
    static void close() {
        oidc.close();
    }

    @BeforeEach
    void newBoard() {
        token = oidc.getAccessToken("alice", "alice");
        boardId = TestBoards.create(token, "sync test");
    }

    @Test
    @DisplayName("[S2][S3] two clients converge: each push is acked to its sender and broadcast to the other")
    void twoClientsConverge() {
        try (WsTestClient a = join("client-a", 0); WsTestClient b = join("client-b", 0)) {
            a.send(push(1, rectangle("r1", 1, 10)));
            JsonNode ackA = a.await(f -> f.path("t").asText().equals("ack") && f.path("clientSeq").asLong() == 1);
            JsonNode opAtB = b.await("op");
            assertThat(opAtB.path("seq").asLong()).isEqualTo(ackA.path("seq").asLong());
            assertThat(opAtB.path("elements").get(0).path("id").asText()).isEqualTo("r1");

            b.send(push(1, rectangle("r2", 1, 20)));
            b.await("ack");
            JsonNode opAtA = a.await("op");
            assertThat(opAtA.path("seq").asLong()).isEqualTo(ackA.path("seq").asLong() + 1);

            List<String> ids = given().auth().oauth2(token).when().get("/api/boards/" + boardId + "/scene")
                    .then().statusCode(200).extract().path("elements.id");
            assertThat(ids).containsExactlyInAnyOrder("r1", "r2");
        }
    }

    @Test
    @DisplayName("[S4][S9] pushes over the rate limit are named and held; re-sent, each is stored once and none is acked as a duplicate")
    void rateLimitedPushesAreStoredOnceResent() {
        int pushes = 150; // more than the burst of 120
        try (WsTestClient a = join("rate-a", 0)) {
            for (int i = 1; i <= pushes; i++) {
                a.send(push(i, rectangle("rl-" + i, 1, i)));
            }
            java.util.Set<Long> acked = new java.util.TreeSet<>();
            java.util.Set<Long> refused = new java.util.TreeSet<>();
            while (acked.size() + refused.size() < pushes) {
                JsonNode answer;
                try {
                    answer = a.await(f -> f.path("t").asText().equals("ack") || f.path("t").asText().equals("error"));
                } catch (AssertionError e) {
                    throw new AssertionError("acked " + acked + " refused " + refused, e);
                }
                long clientSeq = answer.path("clientSeq").asLong();
                assertThat(answer.path("clientSeq").isNull()).as("every answer names its push: " + answer).isFalse();
                if (answer.path("t").asText().equals("ack")) {
                    assertThat(answer.path("duplicate").asBoolean(false)).isFalse();
                    acked.add(clientSeq);
                } else {
                    assertThat(answer.path("retryable").asBoolean()).as(answer.toString()).isTrue();
                    refused.add(clientSeq);
                }
            }
            assertThat(refused).as("the rate limit refused some").isNotEmpty();
            for (long clientSeq : refused) {
                JsonNode answer;
                do { // as a client does: re-send after a backoff while the answer is a retryable refusal
                    a.send(push(clientSeq, rectangle("rl-" + clientSeq, 1, (int) clientSeq)));
                    answer = a.await(f -> f.path("clientSeq").asLong() == clientSeq
                            && (f.path("t").asText().equals("ack") || f.path("t").asText().equals("error")));
                    if (answer.path("t").asText().equals("error")) {
                        assertThat(answer.path("retryable").asBoolean()).as(answer.toString()).isTrue();
                        java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(50).toNanos()); // the protocol's backoff
                    }
                } while (answer.path("t").asText().equals("error"));
                assertThat(answer.path("duplicate").asBoolean(false)).as("re-sent " + clientSeq + " is stored, not a duplicate").isFalse();
            }
        }
        List<String> ids = given().auth().oauth2(token).when().get("/api/boards/" + boardId + "/scene").then().statusCode(200)
                .extract().path("elements.id");
        assertThat(ids.stream().filter(id -> id.startsWith("rl-"))).hasSize(pushes);
    }

    @Test
    @DisplayName("[S4][S6] a client that drops after pushing and re-sends on reconnect gets every op exactly once")
    void droppedClientResendsExactlyOnce() throws Exception {
        try (WsTestClient watcher = join("watcher", 0)) {
            WsTestClient a = join("client-a", 0);
            a.send(push(1, rectangle("r1", 1, 10)));
            a.drop();
            watcher.await("op");

            try (WsTestClient again = WsTestClient.connect(wsUri(), token)) {
                again.send(hello("client-a", 0));
                JsonNode welcome = again.await("welcome");
                assertThat(welcome.path("ops")).hasSize(1);
                again.send(push(1, rectangle("r1", 1, 10)));
                JsonNode ack = again.await("ack");
                assertThat(ack.path("duplicate").asBoolean()).isTrue();

                again.send(push(2, rectangle("r1", 2, 30)));
                assertThat(again.await("ack").path("seq").asLong()).isEqualTo(2);
            }
        }
        assertThat(countOps("client-a")).isEqualTo(2);
        assertThat(sql("select count(*) from board_op where board_id = '" + boardId + "' and client_id = 'client-a' and client_seq = 1"))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("[S4] a clientId belongs to its first user: another user's hello with it is refused, and the owner's later pushes are stored")
    void clientIdTakeoverIsRefused() throws Exception {
        String bob = oidc.getAccessToken("bob", "bob");
        try (WsTestClient alice = join("alice-tab", 0)) {
            alice.send(push(1, rectangle("before", 1, 10)));
            alice.await("ack");
            // while she is connected
            try (WsTestClient thief = WsTestClient.connect(wsUri(), bob)) {
                thief.send(hello("alice-tab", 0));
                assertThat(thief.await("error").path("code").asText()).isEqualTo("forbidden");
            }
        }
        // after she left, and after the room was unloaded: the binding comes back from PostgreSQL
        rooms.unload(BoardId.parse(boardId)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        try (WsTestClient thief = WsTestClient.connect(wsUri(), bob)) {
            thief.send(hello("alice-tab", 0));
            JsonNode refusal = thief.await("error");
            assertThat(refusal.path("code").asText()).isEqualTo("forbidden");
            assertThat(refusal.path("message").asText()).contains("belongs to another participant");
            thief.send(push(9_000_000_000_000_000L, rectangle("stolen", 1, 20)));
            assertThat(thief.await("error").path("code").asText()).isEqualTo("not_joined");
        }
        try (WsTestClient alice = join("alice-tab", 1)) {
            alice.send(push(2, rectangle("after", 1, 30)));
            JsonNode ack = alice.await("ack");
            assertThat(ack.path("duplicate").asBoolean(false)).as("stored, not taken for a duplicate").isFalse();
        }
        List<String> ids = given().auth().oauth2(token).when().get("/api/boards/" + boardId + "/scene")
                .then().statusCode(200).extract().path("elements.id");
        assertThat(ids).containsExactlyInAnyOrder("before", "after");
        assertThat(countOps("alice-tab")).isEqualTo(2);
    }

    @Test
    @DisplayName("[S1][S7] a room unloaded and loaded again from PostgreSQL loses nothing")
    void unloadAndReloadLosesNothing() throws Exception {
        try (WsTestClient a = join("client-a", 0)) {
            for (int i = 1; i <= 5; i++) {
                a.send(push(i, rectangle("r" + i, 1, i * 10)));
            }
            a.await(f -> f.path("t").asText().equals("ack") && f.path("clientSeq").asLong() == 5);
        }
        rooms.unload(BoardId.parse(boardId)).toCompletableFuture().get(10, TimeUnit.SECONDS);

        try (WsTestClient c = join("client-c", 0)) {
            JsonNode welcome = c.seen.getLast();
            assertThat(welcome.path("head").asLong()).isEqualTo(5);
            c.send(push(1, rectangle("r6", 1, 60)));
            assertThat(c.await("ack").path("seq").asLong()).isEqualTo(6);
        }
        List<String> ids = given().auth().oauth2(token).when().get("/api/boards/" + boardId + "/scene")
                .then().statusCode(200).extract().path("elements.id");
        assertThat(ids).containsExactlyInAnyOrder("r1", "r2", "r3", "r4", "r5", "r6");
    }

    @Test
    @DisplayName("[S9] bad frames get error messages; the connection and the board's other clients carry on")
    void badFramesGetErrorsAndTheConnectionSurvives() {
        try (WsTestClient a = join("client-a", 0); WsTestClient b = join("client-b", 0)) {
            a.send("{not json");
            assertThat(a.await("error").path("code").asText()).isEqualTo("bad_json");
            a.send("{\"t\":\"teleport\"}");
            assertThat(a.await("error").path("code").asText()).isEqualTo("unknown_type");
            a.send(push(1, Map.of("type", "rectangle", "version", 1)));
            assertThat(a.await("error").path("code").asText()).isEqualTo("invalid_element");
            a.send(Map.of("t", "ping", "nonce", 7));
            assertThat(a.await("pong").path("nonce").asLong()).isEqualTo(7);

            b.send(push(1, rectangle("ok", 1, 10)));
            assertThat(b.await("ack").path("seq").asLong()).isEqualTo(1);
            assertThat(a.await("op").path("elements").get(0).path("id").asText()).isEqualTo("ok");
        }
    }

    @Test
    @DisplayName("[S9] a frame over the 1 MiB transport limit closes that socket with 1009; the board carries on")
    void frameOverTheTransportLimitClosesWith1009() throws Exception {
        try (WsTestClient a = join("client-a", 0); WsTestClient b = join("client-b", 0)) {
            a.send("{\"t\":\"ping\",\"nonce\":1,\"pad\":\"" + "x".repeat(1_048_577) + "\"}");
            assertThat(a.closeCode.get(15, TimeUnit.SECONDS)).isEqualTo(CloseCodes.TOO_BIG);

            b.send(push(1, rectangle("after", 1, 10)));
            assertThat(b.await("ack").path("seq").asLong()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("[S1] clients that say hello the moment their socket opens all get their welcome")
    void helloRightAfterOpenIsNeverLost() {
        List<WsTestClient> clients = new java.util.ArrayList<>();
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tokens.add(io.mockboard.auth.DevOidc.token("eager-" + i, "interviewer")); // 40 people: one person's sockets are capped
        }
        try {
            for (int i = 0; i < 40; i++) {
                WsTestClient client = WsTestClient.connect(wsUri(), tokens.get(i));
                client.send(hello("eager-" + i, 0));
                clients.add(client);
            }
            for (WsTestClient client : clients) {
                assertThat(client.await("welcome").path("head").asLong()).isZero();
            }
        } finally {
            clients.forEach(WsTestClient::close);
        }
    }

    @Test
    @DisplayName("[S10] an ended session's board is read-only: its sockets close and pushes after rejoining are refused")
    void endedSessionBoardIsReadOnly() throws Exception {
        String session = given().auth().oauth2(token).contentType("application/json").body(Map.of("title", "ending"))
                .when().post("/api/sessions").then().statusCode(201).extract().path("id");
        boardId = given().auth().oauth2(token).when().get("/api/sessions/" + session).then().statusCode(200).extract().path("boardId");
        given().auth().oauth2(token).when().post("/api/sessions/" + session + "/start").then().statusCode(200);
        WsTestClient during = join("during", 0);
        during.send(push(1, rectangle("r1", 1, 10)));
        during.await("ack");

        given().auth().oauth2(token).when().post("/api/sessions/" + session + "/end").then().statusCode(200);
        assertThat(during.closeCode.get(15, TimeUnit.SECONDS)).isEqualTo(1001);

        try (WsTestClient after = join("after", 0)) {
            after.send(push(1, rectangle("r2", 1, 20)));
            JsonNode refused = after.await("error");
            assertThat(refused.path("code").asText()).isEqualTo("forbidden");
            assertThat(refused.path("clientSeq").asLong()).isEqualTo(1);
        }
        List<String> ids = given().auth().oauth2(token).when().get("/api/boards/" + boardId + "/scene")
                .then().statusCode(200).extract().path("elements.id");
        assertThat(ids).containsExactly("r1");
    }

    @Test
    @DisplayName("[S12] a template's scaffold is protected: a candidate moving a step frame is refused on the wire with its stored version; the interviewer moves it")
    void protectedScaffoldIsRefusedOnTheWire() throws Exception {
        String session = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("title", "scaffold", "template", "ml-system-design-scaffold"))
                .when().post("/api/sessions").then().statusCode(201).extract().path("id");
        boardId = given().auth().oauth2(token).when().get("/api/sessions/" + session).then().statusCode(200).extract().path("boardId");
        given().auth().oauth2(token).when().post("/api/sessions/" + session + "/start").then().statusCode(200);
        String guest = io.mockboard.session.TestSessions.joinAsGuest(
                io.mockboard.session.TestSessions.link(token, session, "candidate", false), "Cam");

        try (WsTestClient cam = WsTestClient.connect(wsUri(), Map.of("Cookie", "mockboard_guest=" + guest));
                WsTestClient interviewer = join("interviewer", 0)) {
            cam.send(hello("cam", 0));
            JsonNode welcome = cam.await("welcome");
            List<JsonNode> scene = new java.util.ArrayList<>();
            welcome.path("snapshot").path("elements").forEach(scene::add);
            welcome.path("ops").forEach(op -> op.path("elements").forEach(scene::add));
            JsonNode frame = scene.stream().filter(e -> e.path("type").asText().equals("frame")).findFirst().orElseThrow();
            assertThat(frame.path("customData").path("protected").asBoolean()).isTrue();
            assertThat(scene).filteredOn(e -> e.path("type").asText().equals("text"))
                    .allMatch(e -> e.path("customData").path("protected").asBoolean());

            com.fasterxml.jackson.databind.node.ObjectNode moved = ((com.fasterxml.jackson.databind.node.ObjectNode) frame.deepCopy())
                    .put("x", frame.path("x").asDouble() + 300).put("version", frame.path("version").asLong() + 1);
            cam.send(Map.of("t", "push", "clientSeq", 1, "elements", List.of(moved)));
            JsonNode refused = cam.await("error");
            assertThat(refused.path("code").asText()).isEqualTo("protected");
            assertThat(refused.path("retryable").asBoolean()).isFalse();
            assertThat(refused.path("clientSeq").asLong()).isEqualTo(1);
            assertThat(refused.path("elements")).hasSize(1);
            assertThat(refused.path("elements").get(0)).isEqualTo(frame);

            interviewer.send(Map.of("t", "push", "clientSeq", 1, "elements", List.of(moved)));
            interviewer.await("ack");
            assertThat(cam.await("op").path("elements").get(0).path("x").asDouble()).isEqualTo(frame.path("x").asDouble() + 300);
        }
    }

    @Test
    @DisplayName("[S9] a push before hello is refused with not_joined")
    void pushBeforeHelloIsRefused() {
        try (WsTestClient a = WsTestClient.connect(wsUri(), token)) {
            a.send(push(1, rectangle("r1", 1, 10)));
            assertThat(a.await("error").path("code").asText()).isEqualTo("not_joined");
        }
    }

    @Test
    @DisplayName("[S10] the upgrade needs a token and an allowed origin; an unknown board closes with 4010")
    void upgradeIsChecked() throws Exception {
        assertHandshakeStatus(() -> WsTestClient.connect(wsUri(), (String) null), 401);
        assertHandshakeStatus(() -> WsTestClient.connect(wsUri(), token, "https://evil.example"), 403);
        try (WsTestClient unknown = WsTestClient.connect(URI.create(wsUri().toString().replace(boardId, UUID.randomUUID().toString())), token)) {
            assertThat(unknown.closeCode.get(15, TimeUnit.SECONDS)).isEqualTo(4010);
        }
        try (WsTestClient sameOrigin = WsTestClient.connect(wsUri(), token, "http://" + root.getHost() + ":" + root.getPort())) {
            sameOrigin.send(hello("same-origin", 0));
            sameOrigin.await("welcome");
        }
    }

    private static void assertHandshakeStatus(Runnable connect, int status) {
        assertThat(WsTestClient.refusedUpgradeStatus(connect)).isEqualTo(status);
    }

    private WsTestClient join(String clientId, long lastSeq) {
        WsTestClient client = WsTestClient.connect(wsUri(), token);
        client.send(hello(clientId, lastSeq));
        client.await("welcome");
        return client;
    }

    private URI wsUri() {
        return URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + boardId + "/sync");
    }

    private long countOps(String clientId) throws Exception {
        return sql("select count(*) from board_op where board_id = '" + boardId + "' and client_id = '" + clientId + "'");
    }

    private long sql(String query) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
