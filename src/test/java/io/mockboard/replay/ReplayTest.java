package io.mockboard.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.mockboard.session.TestSessions;
import io.mockboard.sync.ws.Frames;
import io.mockboard.sync.ws.WsTestClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Replay from the recording: fidelity at every step event, bounded seeks, permissions, a corrupt op. */
@QuarkusTest
class ReplayTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PresenceRecorder recorder;

    String alice;

    @AfterAll
    static void close() {
        oidc.close();
    }

    @BeforeEach
    void signIn() {
        alice = oidc.getAccessToken("alice", "alice");
    }

    private Map<String, String> startedSession(String template) {
        @SuppressWarnings("unchecked")
        Map<String, String> s = given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("title", "Replay", "template", template)).when().post("/api/sessions").then().statusCode(201)
                .extract().as(Map.class);
        given().auth().oauth2(alice).when().post("/api/sessions/" + s.get("id") + "/start").then().statusCode(200);
        return s;
    }

    private WsTestClient join(String boardId, String clientId) {
        WsTestClient client = WsTestClient.connect(URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + boardId + "/sync"),
                alice);
        client.send(Frames.hello(clientId, 0));
        client.await("welcome");
        return client;
    }

    /** id → version of the visible elements, from a scene or replay response. */
    private static Map<String, Integer> versions(List<Map<String, Object>> elements) {
        Map<String, Integer> versions = new TreeMap<>();
        elements.stream().filter(e -> !Boolean.TRUE.equals(e.get("isDeleted")))
                .forEach(e -> versions.put((String) e.get("id"), (Integer) e.get("version")));
        return versions;
    }

    private Map<String, Integer> live(String boardId) {
        return versions(given().auth().oauth2(alice).when().get("/api/boards/" + boardId + "/scene").then().statusCode(200)
                .extract().path("elements"));
    }

    private Map<String, Integer> replayed(String sessionId, String at) {
        return versions(given().auth().oauth2(alice).queryParam("at", at).when().get("/api/sessions/" + sessionId + "/replay/scene")
                .then().statusCode(200).extract().path("elements"));
    }

    private void move(String sessionId, String step) {
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("step", step))
                .when().post("/api/sessions/" + sessionId + "/flow/step").then().statusCode(200);
    }

    @Test
    void theReplayedSceneAtEveryStepEventEqualsWhatTheLiveBoardHadThen() {
        Map<String, String> s = startedSession("block-two-stage-ranking");
        String id = s.get("id");
        List<Map<Integer, Map<String, Integer>>> expected = new java.util.ArrayList<>();
        try (WsTestClient client = join(s.get("boardId"), "replay-a")) {
            client.send(Frames.push(1, Frames.rectangle("r1", 1, 10)));
            client.await("ack");
            move(id, "frame-as-ml-task");
            expected.add(Map.of(1, live(s.get("boardId"))));
            client.send(Frames.push(2, Frames.rectangle("r1", 2, 50)));
            client.await("ack");
            client.send(Frames.push(3, Frames.rectangle("r2", 1, 90)));
            client.await("ack");
            move(id, "data");
            expected.add(Map.of(2, live(s.get("boardId"))));
            Map<String, Object> deleted = new java.util.HashMap<>(Frames.rectangle("r2", 2, 90));
            deleted.put("isDeleted", true);
            client.send(Frames.push(4, deleted));
            client.await("ack");
            move(id, "model");
            expected.add(Map.of(3, live(s.get("boardId"))));
        }
        Map<String, Object> timeline = given().auth().oauth2(alice).when().get("/api/sessions/" + id + "/replay").then()
                .statusCode(200).extract().as(Map.class);
        assertThat(((Number) timeline.get("opCount")).longValue()).isEqualTo(((Number) timeline.get("head")).longValue());
        List<Map<String, Object>> markers = castList(timeline.get("markers")).stream().filter(m -> "step".equals(m.get("kind"))).toList();
        assertThat(markers).hasSize(4); // the start puts it on step 1, then three moves
        for (int i = 1; i <= 3; i++) {
            String at = (String) markers.get(i).get("at");
            assertThat(replayed(id, at)).as("scene at step move " + i).isEqualTo(expected.get(i - 1).get(i));
        }
        assertThat(expected.get(2).get(3)).doesNotContainKey("r2").containsEntry("r1", 2);
    }

    @Test
    void aSeekAppliesOneSnapshotAndAtMostOneSnapshotIntervalOfOps() throws Exception {
        Map<String, String> s = startedSession("ml-system-design-scaffold");
        // six clients, each within its burst allowance, together past one snapshot interval (500 ops)
        int perClient = 100;
        List<WsTestClient> clients = new java.util.ArrayList<>();
        try {
            for (int c = 0; c < 6; c++) {
                WsTestClient client = join(s.get("boardId"), "replay-bulk-" + c);
                clients.add(client);
                for (int i = 1; i <= perClient; i++) {
                    client.send(Frames.push(i, Frames.rectangle("bulk-" + c + "-" + (i % 10), 1 + i / 10, i)));
                }
            }
            for (WsTestClient client : clients) {
                client.await(f -> f.path("t").asText().equals("ack") && f.path("clientSeq").asLong() == perClient);
            }
        } finally {
            clients.forEach(WsTestClient::close);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> snapshots(s.get("boardId")) > 0);
        Map<String, Object> seek = given().auth().oauth2(alice).when().get("/api/sessions/" + s.get("id") + "/replay/scene").then()
                .statusCode(200).extract().as(Map.class);
        int bound = given().auth().oauth2(alice).when().get("/api/sessions/" + s.get("id") + "/replay").then().extract().path("seekBound");
        assertThat(((Number) seek.get("snapshotSeq")).longValue()).isPositive();
        assertThat((Integer) seek.get("opsApplied")).isLessThanOrEqualTo(bound);
        assertThat(versions(castList(seek.get("elements")))).isEqualTo(live(s.get("boardId")));
        given().auth().oauth2(alice).queryParam("after", 100).queryParam("limit", 50).when()
                .get("/api/sessions/" + s.get("id") + "/replay/ops").then().statusCode(200)
                .body("size()", equalTo(50)).body("[0].seq", equalTo(101));
    }

    @Test
    @DisplayName("[S12] unprotecting a protected scaffold frame is in the recording: the replay shows it protected before, unprotected after")
    void unprotectingIsRecordedAndReplayed() {
        Map<String, String> s = startedSession("ml-system-design-scaffold");
        String replay = "/api/sessions/" + s.get("id") + "/replay";
        int head = given().auth().oauth2(alice).when().get(replay).then().statusCode(200).extract().path("head");
        List<Map<String, Object>> scene = given().auth().oauth2(alice).queryParam("seq", head).when().get(replay + "/scene")
                .then().statusCode(200).extract().path("elements");
        Map<String, Object> frame = new java.util.HashMap<>(scene.stream().filter(e -> "frame".equals(e.get("type"))).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        String step = (String) ((Map<String, Object>) frame.get("customData")).get("step");
        assertThat(frame.get("customData")).isEqualTo(Map.of("step", step, "protected", true));

        frame.put("version", (Integer) frame.get("version") + 1);
        frame.put("customData", Map.of("step", step, "protected", false));
        try (WsTestClient interviewer = join(s.get("boardId"), "unprotect")) {
            interviewer.send(Frames.push(1, frame));
            interviewer.await("ack");
        }
        String id = (String) frame.get("id");
        for (int seq : List.of(head, head + 1)) {
            List<Map<String, Object>> at = given().auth().oauth2(alice).queryParam("seq", seq).when().get(replay + "/scene")
                    .then().statusCode(200).extract().path("elements");
            Object customData = at.stream().filter(e -> id.equals(e.get("id"))).findFirst().orElseThrow().get("customData");
            assertThat(customData).as("at seq " + seq).isEqualTo(Map.of("step", step, "protected", seq == head));
        }
    }

    @Test
    void replayNeedsPermissionAndAMomentInsideTheRecording() {
        Map<String, String> s = startedSession("visual-search-blank");
        String replay = "/api/sessions/" + s.get("id") + "/replay";
        String cam = TestSessions.joinAsGuest(TestSessions.link(alice, s.get("id"), "candidate", false), "Cam");
        given().cookie("mockboard_guest", cam).when().get(replay).then().statusCode(403);
        given().auth().oauth2(oidc.getAccessToken("dave", "dave")).when().get(replay).then().statusCode(404);
        given().auth().oauth2(alice).queryParam("at", "2001-01-01T00:00:00Z").when().get(replay + "/scene").then().statusCode(404)
                .body("detail", containsString("not in this recording"));
        given().auth().oauth2(alice).queryParam("seq", 99_999).when().get(replay + "/scene").then().statusCode(404);
        given().auth().oauth2(alice).queryParam("at", "yesterday").when().get(replay + "/scene").then().statusCode(400);
        given().auth().oauth2(alice).queryParam("limit", 5_000).when().get(replay + "/ops").then().statusCode(400);
    }

    @Test
    void aCorruptOpIsSkippedAndReportedWithoutStoppingTheReplay() throws Exception {
        Map<String, String> s = startedSession("block-feature-store");
        long head = given().auth().oauth2(alice).when().get("/api/sessions/" + s.get("id") + "/replay").then()
                .extract().<Integer>path("head");
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("insert into board_op (board_id, seq, author, client_id, client_seq, at, elements) values ('"
                    + s.get("boardId") + "', " + (head + 1) + ", 'x', 'broken', 1, now(), '{\"not\": \"a list\"}'::json)");
        }
        given().auth().oauth2(alice).when().get("/api/sessions/" + s.get("id") + "/replay/scene").then().statusCode(200)
                .body("seq", equalTo((int) head + 1)).body("skipped", org.hamcrest.Matchers.contains((int) head + 1))
                .body("elements.size()", equalTo((int) head));
        given().auth().oauth2(alice).queryParam("after", head).when().get("/api/sessions/" + s.get("id") + "/replay/ops").then()
                .body("[0].corrupt", equalTo(true));
    }

    @Test
    void aMomentOfTheRecordingBecomesANewBoardAndTheRecordingStaysAsItWas() {
        Map<String, String> s = startedSession("block-two-stage-ranking");
        String id = s.get("id");
        try (WsTestClient client = join(s.get("boardId"), "restore-a")) {
            client.send(Frames.push(1, Frames.rectangle("kept", 1, 10)));
            client.await("ack");
            move(id, "data");
            client.send(Frames.push(2, Frames.rectangle("later", 1, 90)));
            client.await("ack");
        }
        String at = given().auth().oauth2(alice).when().get("/api/sessions/" + id + "/replay").then()
                .extract().path("markers.findAll { it.kind == 'step' }[1].at");
        Map<String, Integer> expected = replayed(id, at);
        String board = given().auth().oauth2(alice).contentType("application/json").body(Map.of("at", at))
                .when().post("/api/sessions/" + id + "/replay/restore").then().statusCode(201)
                .body("title", containsString("Replay at")).extract().path("id");
        assertThat(live(board)).isEqualTo(expected).containsKey("kept").doesNotContainKey("later");
        assertThat(live(s.get("boardId"))).containsKey("later");
        String cam = TestSessions.joinAsGuest(TestSessions.link(alice, id, "candidate", false), "Cam");
        given().cookie("mockboard_guest", cam).contentType("application/json").body(Map.of("at", at))
                .when().post("/api/sessions/" + id + "/replay/restore").then().statusCode(403);
    }

    private long snapshots(String boardId) throws Exception {
        try (var c = dataSource.getConnection(); var st = c.createStatement();
                var rows = st.executeQuery("select count(*) from board_snapshot where board_id = '" + boardId + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void presenceIsSampledIntoTheRecordingAtALowerRateAndServedInChunks() {
        Map<String, String> s = startedSession("ml-system-design-scaffold");
        String id = s.get("id");
        try (WsTestClient client = join(s.get("boardId"), "presence-a")) {
            for (int i = 0; i < 30; i++) { // a burst far faster than the sampling interval
                client.send(Map.of("t", "presence", "cursor", Map.of("x", i, "y", 2 * i), "selection", List.of("r1"),
                        "viewport", Map.of("x", 0, "y", 0, "width", 1280, "height", 720, "zoom", 1), "idle", "active"));
            }
            client.send(Map.of("t", "ping", "nonce", 7));
            client.await("pong"); // every presence before it has been handled
            recorder.flush();
        }
        // leaving records the person away, so a replay stops drawing their view where they left
        org.awaitility.Awaitility.await().untilAsserted(() -> {
            recorder.flush();
            List<Map<String, Object>> all = given().auth().oauth2(alice).when().get("/api/sessions/" + id + "/replay/presence")
                    .then().statusCode(200).extract().path("$");
            assertThat(all.get(all.size() - 1)).containsEntry("idle", "away");
        });
        List<Map<String, Object>> samples = given().auth().oauth2(alice).when().get("/api/sessions/" + id + "/replay/presence")
                .then().statusCode(200).extract().path("$");
        assertThat(samples).as("latest-wins sampling, not one row per frame").isNotEmpty().hasSizeLessThan(10);
        Map<String, Object> away = samples.get(samples.size() - 1);
        Map<String, Object> last = samples.get(samples.size() - 2);
        assertThat(last).containsEntry("idle", "active").containsEntry("selection", List.of("r1"));
        assertThat(List.of(last.get("cursorX"), last.get("cursorY"), castMap(last.get("viewport")).get("width")))
                .map(n -> ((Number) n).doubleValue()).containsExactly(29.0, 58.0, 1280.0);
        Map<String, Object> timeline = given().auth().oauth2(alice).when().get("/api/sessions/" + id + "/replay").then()
                .statusCode(200).extract().as(Map.class);
        assertThat(((Number) timeline.get("presenceSamples")).intValue()).isEqualTo(samples.size());
        long lastId = ((Number) away.get("id")).longValue();
        given().auth().oauth2(alice).queryParam("after", lastId).when().get("/api/sessions/" + id + "/replay/presence")
                .then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(alice).queryParam("limit", 0).when().get("/api/sessions/" + id + "/replay/presence")
                .then().statusCode(400);
    }

    @Test
    void authorsNameWhoLastChangedEachElementAtAMoment() {
        Map<String, String> s = startedSession("ml-system-design-scaffold");
        String id = s.get("id");
        long head;
        try (WsTestClient client = join(s.get("boardId"), "authors-a")) {
            client.send(Frames.push(1, Frames.rectangle("mine", 1, 10)));
            head = client.await("ack").get("seq").asLong();
        }
        Map<String, Object> authors = given().auth().oauth2(alice).queryParam("seq", head).when()
                .get("/api/sessions/" + id + "/replay/authors").then().statusCode(200).extract().as(Map.class);
        Map<String, Object> elements = castMap(authors.get("elements"));
        String aliceId = (String) elements.get("mine");
        assertThat(castMap(authors.get("names"))).containsEntry(aliceId, "Interviewer");
        assertThat(elements.entrySet()).as("the template's elements are the template's").anyMatch(e -> !e.getValue().equals(aliceId));
        Map<String, Object> before = castMap(given().auth().oauth2(alice).queryParam("seq", head - 1).when()
                .get("/api/sessions/" + id + "/replay/authors").then().statusCode(200).extract().path("elements"));
        assertThat(before).doesNotContainKey("mine");
        given().auth().oauth2(alice).when().get("/api/sessions/" + id + "/replay/authors").then().statusCode(400);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<Map<String, Object>> castList(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
