package io.mockboard.rubric;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.mockboard.session.TestSessions;
import io.mockboard.sync.ws.Frames;
import io.mockboard.sync.ws.WsTestClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe bank in a session: its case study's probes per step for interviewers, and asking one is a recorded note. */
@QuarkusTest
class ProbesTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;

    String alice;

    @BeforeEach
    void signIn() {
        alice = oidc.getAccessToken("alice", "alice");
    }

    @AfterAll
    static void close() {
        oidc.close();
    }

    @Test
    void interviewersGetTheCaseStudysProbesPerStepCandidatesGetNone() {
        TestSessions.Created session = TestSessions.create(alice, "Probes", "video-recommendation-blank");
        String probes = "/api/sessions/" + session.id() + "/probes";
        given().auth().oauth2(alice).when().get(probes).then().statusCode(200)
                .body("caseStudy", equalTo("video-recommendation"))
                .body("caseStudyTitle", equalTo("Video recommendation"))
                .body("steps", hasSize(7))
                .body("steps[0].step", equalTo("clarify"))
                .body("steps[0].probes[0].id", equalTo("vr-clarify-1"))
                .body("steps[0].probes[0].strongAnswer", notNullValue())
                .body("steps[0].probes[0].askedAt", nullValue());
        given().auth().oauth2(alice).queryParam("step", "model").when().get(probes).then().statusCode(200)
                .body("steps", hasSize(1)).body("steps[0].probes.id", org.hamcrest.Matchers.hasItem("vr-model-2"));

        String cam = TestSessions.joinAsGuest(TestSessions.link(alice, session.id(), "candidate", false), "Cam");
        given().cookie("mockboard_guest", cam).when().get(probes).then().statusCode(403);
        given().cookie("mockboard_guest", cam).when().post(probes + "/vr-model-2/asked").then().statusCode(403);
    }

    @Test
    void askingAProbeIsOneTimestampedNoteThatReachesInterviewersAndMarksTheReplay() {
        TestSessions.Created session = TestSessions.create(alice, "Asking", "video-recommendation-blank");
        String probes = "/api/sessions/" + session.id() + "/probes";
        String cam = TestSessions.joinAsGuest(TestSessions.link(alice, session.id(), "candidate", false), "Cam");
        URI ws = URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + session.boardId() + "/sync");
        String noteId;
        try (WsTestClient interviewer = WsTestClient.connect(ws, alice);
                WsTestClient candidate = WsTestClient.connect(ws, Map.of("Cookie", "mockboard_guest=" + cam))) {
            interviewer.send(Frames.hello("alice", 0));
            interviewer.await("welcome");
            candidate.send(Frames.hello("cam", 0));
            candidate.await("welcome");

            noteId = given().auth().oauth2(alice).when().post(probes + "/vr-model-2/asked").then().statusCode(200)
                    .body("probeId", equalTo("vr-model-2"))
                    .body("criterion", equalTo("model"))
                    .body("body", allOf(startsWith("Asked: "), containsString("negatives")))
                    .body("at", notNullValue()).extract().path("id");
            assertThat(interviewer.await("note").toString()).contains("vr-model-2", noteId);

            // a second click returns the first record: one event
            given().auth().oauth2(alice).when().post(probes + "/vr-model-2/asked").then().statusCode(200).body("id", equalTo(noteId));
            candidate.send(Map.of("t", "ping", "nonce", 1));
            candidate.await("pong");
            assertThat(candidate.seen).noneMatch(f -> f.toString().contains("vr-model-2"));
        }
        given().auth().oauth2(alice).when().get("/api/sessions/" + session.id() + "/notes").then().statusCode(200)
                .body("probeId", equalTo(List.of("vr-model-2")));
        given().auth().oauth2(alice).queryParam("step", "model").when().get(probes).then()
                .body("steps[0].probes.find { it.id == 'vr-model-2' }.askedAt", notNullValue())
                .body("steps[0].probes.find { it.id == 'vr-model-2' }.noteId", equalTo(noteId))
                .body("steps[0].probes.find { it.id == 'vr-model-1' }.askedAt", nullValue());
        given().auth().oauth2(alice).when().get("/api/sessions/" + session.id() + "/replay").then().statusCode(200)
                .body("markers.findAll { it.kind == 'probe' }", hasSize(1))
                .body("markers.find { it.kind == 'probe' }.title", startsWith("Probe asked by "))
                .body("markers.find { it.kind == 'probe' }.detail", containsString("negatives"));
    }

    @Test
    void unknownStepsProbesAndSessionsWithoutACaseStudyGetClearErrorsAndStoreNothing() {
        TestSessions.Created session = TestSessions.create(alice, "Bad probes", "video-recommendation-blank");
        String probes = "/api/sessions/" + session.id() + "/probes";
        given().auth().oauth2(alice).queryParam("step", "deep-dive").when().get(probes).then().statusCode(400)
                .body("detail", allOf(containsString("\"deep-dive\" is not a step"), containsString("clarify")));
        given().auth().oauth2(alice).when().post(probes + "/vr-model-99/asked").then().statusCode(404)
                .body("detail", containsString("vr-model-99"));
        // a probe of another case study is not this session's
        given().auth().oauth2(alice).when().post(probes + "/vs-clarify-1/asked").then().statusCode(404)
                .body("detail", containsString("Video recommendation"));

        TestSessions.Created plain = TestSessions.create(alice, "No case study");
        String none = "/api/sessions/" + plain.id() + "/probes";
        given().auth().oauth2(alice).when().get(none).then().statusCode(200)
                .body("caseStudy", nullValue()).body("steps", hasSize(0));
        given().auth().oauth2(alice).when().post(none + "/vr-model-2/asked").then().statusCode(409)
                .body("detail", containsString("not one of the case studies"));

        for (String id : List.of(session.id(), plain.id())) {
            given().auth().oauth2(alice).when().get("/api/sessions/" + id + "/notes").then().body("$", hasSize(0));
        }
    }

    @Test
    void askingTheSameProbeFromManyRequestsAtOnceStoresOneNote() throws Exception {
        TestSessions.Created session = TestSessions.create(alice, "Asked at once", "video-recommendation-blank");
        String asked = "/api/sessions/" + session.id() + "/probes/vr-serving-2/asked";
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> given().auth().oauth2(alice).when().post(asked).then().statusCode(200)
                        .extract().<String>path("id")));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var answer : answers) {
                ids.add(answer.get());
            }
            assertThat(ids).hasSize(1);
        }
        given().auth().oauth2(alice).when().get("/api/sessions/" + session.id() + "/notes").then().body("$", hasSize(1));
    }
}
