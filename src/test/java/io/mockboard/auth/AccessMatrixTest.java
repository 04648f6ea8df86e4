package io.mockboard.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockboard.session.TestSessions;
import io.mockboard.sync.ws.Frames;
import io.mockboard.sync.ws.WsTestClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of caller × every action on one session, each cell asserted: REST endpoints, the lobby page,
 * the board socket (connect, push) and what reaches each socket when an interviewer writes a private note.
 */
@QuarkusTest
class AccessMatrixTest {
    static final OidcTestClient oidc = new OidcTestClient();

    enum Caller { ANONYMOUS, CANDIDATE_GUEST, OBSERVER_GUEST, SIGNED_IN_STRANGER, OTHER_INTERVIEWER, INTERVIEWER, ADMIN }

    /** What a call came back with, by meaning rather than number. */
    enum Outcome { OK, SIGN_IN, FORBIDDEN, NOT_FOUND }

    @TestHTTPResource("/")
    URL root;

    TestSessions.Created session;
    final Map<Caller, Map<String, String>> headers = new EnumMap<>(Caller.class);

    @AfterAll
    static void close() {
        oidc.close();
    }

    @BeforeEach
    void sessionWithGuests() {
        String alice = oidc.getAccessToken("alice", "alice");
        session = TestSessions.create(alice, "Access matrix");
        given().auth().oauth2(alice).when().post("/api/sessions/" + session.id() + "/start").then().statusCode(200);
        headers.put(Caller.ANONYMOUS, Map.of());
        headers.put(Caller.CANDIDATE_GUEST, cookie(TestSessions.joinAsGuest(TestSessions.link(alice, session.id(), "candidate", false), "Cam")));
        headers.put(Caller.OBSERVER_GUEST, cookie(TestSessions.joinAsGuest(TestSessions.link(alice, session.id(), "observer", false), "Obi")));
        headers.put(Caller.SIGNED_IN_STRANGER, bearer("bob"));
        headers.put(Caller.OTHER_INTERVIEWER, bearer("dave"));
        headers.put(Caller.INTERVIEWER, Map.of("Authorization", "Bearer " + alice));
        headers.put(Caller.ADMIN, bearer("carol"));
    }

    private static Map<String, String> bearer(String user) {
        return Map.of("Authorization", "Bearer " + oidc.getAccessToken(user, user));
    }

    private static Map<String, String> cookie(String guestToken) {
        return Map.of("Cookie", "mockboard_guest=" + guestToken);
    }

    private RequestSpecification as(Caller caller) {
        return given().redirects().follow(false).headers(headers.get(caller));
    }

    private static Outcome outcome(int status) {
        return switch (status) {
            // 409: allowed, but the session is already live (it was started before the matrix ran)
            case 200, 201, 204, 409 -> Outcome.OK;
            case 302, 401 -> Outcome.SIGN_IN;
            case 403 -> Outcome.FORBIDDEN;
            case 404 -> Outcome.NOT_FOUND;
            default -> throw new AssertionError("unexpected status " + status);
        };
    }

    /** Row by row: what each caller gets, in {@link Caller} order. */
    private void assertRow(String action, Function<Caller, Integer> call, Outcome... expected) {
        Map<Caller, Outcome> actual = new EnumMap<>(Caller.class);
        Map<Caller, Outcome> wanted = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            actual.put(caller, outcome(call.apply(caller)));
            wanted.put(caller, expected[caller.ordinal()]);
        }
        assertThat(actual).as(action).isEqualTo(wanted);
    }

    private static final Outcome OK = Outcome.OK;
    private static final Outcome SIGN_IN = Outcome.SIGN_IN;
    private static final Outcome FORBIDDEN = Outcome.FORBIDDEN;
    private static final Outcome NOT_FOUND = Outcome.NOT_FOUND;

    @Test
    void aRestoredBoardIsPrivateToWhoRestoredItAndTheBoardListShowsOnlyOnesOwn() {
        String alice = oidc.getAccessToken("alice", "alice");
        String restored = given().auth().oauth2(alice).contentType("application/json").body(Map.of())
                .when().post("/api/sessions/" + session.id() + "/replay/restore").then().statusCode(201).extract().path("id");
        String r = "/api/boards/" + restored;
        //                                                                   anon     cand-guest obs-guest  stranger   other-int  interviewer admin
        assertRow("GET restored board", c -> as(c).get(r).statusCode(), SIGN_IN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK, OK);
        assertRow("GET restored scene", c -> as(c).get(r + "/scene").statusCode(), SIGN_IN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK, OK);
        URI ws = URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + restored + "/sync");
        for (Caller caller : List.of(Caller.SIGNED_IN_STRANGER, Caller.OTHER_INTERVIEWER)) {
            try (WsTestClient socket = WsTestClient.connect(ws, headers.get(caller))) {
                assertThat(socket.closeCode.join()).as(caller + " on a restored board").isEqualTo(4010);
            }
        }

        String scratch = io.mockboard.board.TestBoards.create(alice, "alice's scratch board");
        List<String> daves = given().headers(headers.get(Caller.OTHER_INTERVIEWER)).when().get("/api/boards")
                .then().statusCode(200).extract().path("id");
        assertThat(daves).as("another interviewer's board list").doesNotContain(scratch, restored, session.boardId());
        List<String> alices = given().auth().oauth2(alice).when().get("/api/boards").then().statusCode(200).extract().path("id");
        assertThat(alices).contains(scratch, restored);
    }

    @Test
    void restEndpointsAndPagesFollowThePolicy() {
        String s = "/api/sessions/" + session.id();
        String b = "/api/boards/" + session.boardId();
        //                                                                   anon     cand-guest obs-guest stranger   other-int  interviewer admin
        assertRow("GET session", c -> as(c).get(s).statusCode(), SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND, OK, OK);
        assertRow("GET invites", c -> as(c).get(s + "/invites").statusCode(), SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND, OK, OK);
        assertRow("POST invite", c -> as(c).contentType("application/json").body(Map.of("role", "observer")).post(s + "/invites").statusCode(),
                SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND, OK, OK);
        assertRow("GET board", c -> as(c).get(b).statusCode(), SIGN_IN, OK, OK, NOT_FOUND, NOT_FOUND, OK, OK);
        assertRow("GET scene", c -> as(c).get(b + "/scene").statusCode(), SIGN_IN, OK, OK, NOT_FOUND, NOT_FOUND, OK, OK);
        assertRow("PUT image", c -> as(c).contentType("application/json")
                        .body(Map.of("mimeType", "image/png", "dataURL", "data:image/png;base64," + PNG))
                        .put(b + "/files/img-" + c.name().toLowerCase()).statusCode(),
                SIGN_IN, OK, FORBIDDEN, NOT_FOUND, NOT_FOUND, OK, OK);
        assertRow("GET notes", c -> as(c).get(s + "/notes").statusCode(), SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_FOUND, NOT_FOUND, OK, OK);
        assertRow("POST note", c -> as(c).contentType("application/json").body(Map.of("body", "note by " + c)).post(s + "/notes").statusCode(),
                SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_FOUND, NOT_FOUND, OK, OK);
        assertRow("POST start", c -> as(c).post(s + "/start").statusCode(),
                SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND, OK, OK);
        assertRow("lobby page", c -> as(c).get("/sessions/" + session.id()).statusCode(), SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND, OK, OK);
    }

    @Test
    void recordingListeningAndDeletingTheConversationFollowThePolicy() {
        String s = "/api/sessions/" + session.id() + "/recordings";
        Map<String, String> cam = headers.get(Caller.CANDIDATE_GUEST);
        Function<Caller, Integer> startTrack = c -> as(c).contentType("application/json").body(Map.of("mimeType", "audio/webm")).post(s)
                .statusCode();
        //                                                                   anon     cand-guest obs-guest stranger   other-int  interviewer admin
        assertRow("POST recording (start one's own track)", startTrack, SIGN_IN, OK, FORBIDDEN, NOT_FOUND, NOT_FOUND, OK, OK);
        // the candidate's tracks: one for each caller to send a chunk to, and later to delete
        Map<Caller, String> tracks = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            tracks.put(caller, given().headers(cam).contentType("application/json").body(Map.of("mimeType", "audio/webm")).when().post(s)
                    .then().statusCode(201).extract().path("id"));
        }
        assertRow("PUT chunk of the candidate's track", c -> as(c).contentType("audio/webm").queryParam("startMs", 0).queryParam("endMs", 5_000)
                .body(new byte[] {1, 2, 3}).put("/api/recordings/" + tracks.get(c) + "/chunks/0").statusCode(),
                SIGN_IN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN);
        assertRow("GET recordings", c -> as(c).get(s).statusCode(), SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_FOUND, NOT_FOUND, OK, OK);
        assertRow("GET media", c -> as(c).get("/api/recordings/" + tracks.get(c) + "/media").statusCode(),
                SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_FOUND, NOT_FOUND, OK, OK);
        // while the session is live, deleting is allowed to the owner and admins but answered 409
        assertRow("DELETE recordings (live)", c -> as(c).delete(s).statusCode(), SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_FOUND, NOT_FOUND, OK, OK);
        as(Caller.INTERVIEWER).post("/api/sessions/" + session.id() + "/end").then().statusCode(200);
        assertRow("DELETE one track", c -> as(c).delete("/api/recordings/" + tracks.get(c)).statusCode(),
                SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_FOUND, NOT_FOUND, OK, OK);
        assertRow("DELETE recordings", c -> as(c).delete(s).statusCode(), SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_FOUND, NOT_FOUND, OK, OK);
        as(Caller.ADMIN).get(s).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void boardSocketsConnectPushAndReceivePrivateNotesPerRole() throws Exception {
        URI ws = URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + session.boardId() + "/sync");
        assertThat(WsTestClient.refusedUpgradeStatus(() -> WsTestClient.connect(ws, headers.get(Caller.ANONYMOUS)))).isEqualTo(401);

        Map<Caller, WsTestClient> sockets = new EnumMap<>(Caller.class);
        List<WsTestClient> all = new ArrayList<>();
        try {
            for (Caller caller : List.of(Caller.SIGNED_IN_STRANGER, Caller.OTHER_INTERVIEWER)) {
                try (WsTestClient refused = WsTestClient.connect(ws, headers.get(caller))) {
                    assertThat(refused.closeCode.get(15, TimeUnit.SECONDS)).as(caller.name()).isEqualTo(4010);
                }
            }
            int n = 0;
            for (Caller caller : List.of(Caller.CANDIDATE_GUEST, Caller.OBSERVER_GUEST, Caller.INTERVIEWER, Caller.ADMIN)) {
                WsTestClient client = WsTestClient.connect(ws, headers.get(caller));
                all.add(client);
                sockets.put(caller, client);
                client.send(Frames.hello("matrix-" + caller.name().toLowerCase(), 0));
                JsonNode welcome = client.await("welcome");
                assertThat(welcome.path("you").path("role").asText()).as(caller.name())
                        .isEqualTo(Map.of(Caller.CANDIDATE_GUEST, "candidate", Caller.OBSERVER_GUEST, "observer",
                                Caller.INTERVIEWER, "interviewer", Caller.ADMIN, "admin").get(caller));
                client.send(Frames.push(1, Frames.rectangle("r-" + n, 1, 10 * n++)));
                JsonNode answer = client.await(f -> f.path("t").asText().equals("ack") || f.path("t").asText().equals("error"));
                assertThat(answer.path("t").asText()).as(caller + " push")
                        .isEqualTo(caller == Caller.OBSERVER_GUEST ? "error" : "ack");
            }
            assertThat(sockets.get(Caller.OBSERVER_GUEST).seen.stream().filter(f -> f.path("t").asText().equals("error")))
                    .allSatisfy(e -> assertThat(e.path("code").asText()).isEqualTo("forbidden"));

            String secret = "Candidate skipped the latency budget";
            as(Caller.INTERVIEWER).contentType("application/json").body(Map.of("body", secret))
                    .post("/api/sessions/" + session.id() + "/notes").then().statusCode(201);
            for (Caller staff : List.of(Caller.INTERVIEWER, Caller.ADMIN)) {
                assertThat(sockets.get(staff).await("note").path("body").asText()).isEqualTo(secret);
            }
            for (Caller guest : List.of(Caller.CANDIDATE_GUEST, Caller.OBSERVER_GUEST)) {
                // the room handles frames in order: once the pong is back, the note has been sent to whoever gets it
                WsTestClient client = sockets.get(guest);
                client.send(Map.of("t", "ping", "nonce", 7));
                client.await("pong");
                assertThat(client.seen).as(guest + " frames").noneMatch(f -> f.path("t").asText().equals("note"))
                        .noneMatch(f -> f.toString().contains(secret));
            }
        } finally {
            all.forEach(WsTestClient::close);
        }
    }

    /** A 1×1 PNG. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
}
