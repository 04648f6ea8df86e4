package io.mockboard.session.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockboard.session.TestSessions;
import io.mockboard.sync.ws.Frames;
import io.mockboard.sync.ws.WsTestClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The framework step tracker: interviewers move it, every move is a timestamped event everyone sees live. */
@QuarkusTest
class FlowTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;

    String alice;

    @AfterAll
    static void close() {
        oidc.close();
    }

    @BeforeEach
    void signIn() {
        alice = oidc.getAccessToken("alice", "alice");
    }

    private Map<String, String> session(String template) {
        Map<String, String> created = given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("title", "Flow", "template", template)).when().post("/api/sessions").then().statusCode(201)
                .extract().as(Map.class);
        return created;
    }

    private void start(String id) {
        given().auth().oauth2(alice).when().post("/api/sessions/" + id + "/start").then().statusCode(200);
    }

    @Test
    void stepChangesAreRecordedWithTimestampsAndReachEveryoneOnTheBoardLive() {
        Map<String, String> s = session("ad-click-prediction-reference");
        String id = s.get("id");
        String guest = TestSessions.joinAsGuest(TestSessions.link(alice, id, "candidate", false), "Cam");
        Map<String, String> camCookie = Map.of("Cookie", "mockboard_guest=" + guest);
        given().headers(camCookie).when().get("/api/sessions/" + id + "/flow").then().statusCode(200)
                .body("current", equalTo(null)).body("steps", hasSize(7)).body("steps[3].minutes", equalTo(12));

        start(id);
        URI ws = URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + s.get("boardId") + "/sync");
        try (WsTestClient cam = WsTestClient.connect(ws, camCookie); WsTestClient interviewer = WsTestClient.connect(ws, alice)) {
            cam.send(Frames.hello("cam", 0));
            cam.await("welcome");
            interviewer.send(Frames.hello("alice", 0));
            interviewer.await("welcome");

            given().auth().oauth2(alice).contentType("application/json").body(Map.of("step", "data"))
                    .when().post("/api/sessions/" + id + "/flow/step").then().statusCode(200).body("current", equalTo("data"));
            for (WsTestClient client : List.of(cam, interviewer)) {
                JsonNode step = client.await("step");
                assertThat(step.path("step").asText()).isEqualTo("data");
                assertThat(step.path("by").asText()).isEqualToIgnoringCase("alice");
            }
        }
        List<Map<String, String>> moves = given().headers(camCookie).when().get("/api/sessions/" + id + "/flow").then()
                .statusCode(200).body("current", equalTo("data")).extract().path("moves");
        assertThat(moves).extracting(m -> m.get("step")).containsExactly("clarify", "data");
        Instant first = Instant.parse(moves.get(0).get("at"));
        Instant second = Instant.parse(moves.get(1).get("at"));
        assertThat(second).isAfterOrEqualTo(first);
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("step", "data"))
                .when().post("/api/sessions/" + id + "/flow/step").then().statusCode(200).body("moves", hasSize(2));
    }

    @Test
    void onlyInterviewersMoveStepsAndOnlyThroughALiveSessionsOwnFramework() {
        Map<String, String> s = session("system-design-scaffold");
        String id = s.get("id");
        String step = "/api/sessions/" + id + "/flow/step";
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("step", "scope")).when().post(step)
                .then().statusCode(409).body("detail", containsString("Start the session"));
        start(id);
        given().auth().oauth2(alice).when().get("/api/sessions/" + id + "/flow").then()
                .body("framework", equalTo("system-design")).body("steps", hasSize(4)).body("current", equalTo("scope"));
        String cam = TestSessions.joinAsGuest(TestSessions.link(alice, id, "candidate", false), "Cam");
        String obi = TestSessions.joinAsGuest(TestSessions.link(alice, id, "observer", false), "Obi");
        for (String guest : List.of(cam, obi)) {
            given().cookie("mockboard_guest", guest).contentType("application/json").body(Map.of("step", "deep-dive"))
                    .when().post(step).then().statusCode(403);
        }
        given().auth().oauth2(oidc.getAccessToken("dave", "dave")).contentType("application/json").body(Map.of("step", "scope"))
                .when().post(step).then().statusCode(404);
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("step", "model")).when().post(step)
                .then().statusCode(400).body("detail", containsString("not a step of this session's framework"));
        given().auth().oauth2(alice).when().post("/api/sessions/" + id + "/end").then().statusCode(200);
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("step", "wrap-up")).when().post(step)
                .then().statusCode(409).body("detail", containsString("ended"));
    }

    @Test
    void theBoardTellsItsPageTheSessionAndWhatTheCallerMayDo() {
        Map<String, String> s = session("visual-search-blank");
        String guest = TestSessions.joinAsGuest(TestSessions.link(alice, s.get("id"), "candidate", false), "Cam");
        given().cookie("mockboard_guest", guest).when().get("/api/boards/" + s.get("boardId") + "/context").then().statusCode(200)
                .body("sessionId", equalTo(s.get("id"))).body("role", equalTo("candidate"))
                .body("controlsSteps", equalTo(false)).body("seesPrivate", equalTo(false))
                .body("replacesBoard", equalTo(false)).body("protectsElements", equalTo(false));
        given().auth().oauth2(alice).when().get("/api/boards/" + s.get("boardId") + "/context").then().statusCode(200)
                .body("role", equalTo("interviewer")).body("controlsSteps", equalTo(true)).body("seesPrivate", equalTo(true))
                .body("replacesBoard", equalTo(true)).body("protectsElements", equalTo(true));
    }
}
