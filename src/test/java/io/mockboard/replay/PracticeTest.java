package io.mockboard.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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

/** Practice alone: a signed-in account runs a case study by itself, sees the reference at the end and scores itself. */
@QuarkusTest
class PracticeTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;

    String bob;
    String alice;

    @BeforeEach
    void signIn() {
        bob = oidc.getAccessToken("bob", "bob");
        alice = oidc.getAccessToken("alice", "alice");
    }

    @AfterAll
    static void close() {
        oidc.close();
    }

    @Test
    void aCandidateAccountPractisesACaseStudyFromItsStepsToTheReferenceAndASelfScore() {
        Map<String, Object> session = practise(bob, "video-recommendation-blank");
        String id = (String) session.get("id");
        assertThat(session).containsEntry("practice", true).containsEntry("state", "live")
                .containsEntry("title", "Practice · Video recommendation");
        String boardId = (String) session.get("boardId");
        given().auth().oauth2(bob).when().get("/api/boards/" + boardId + "/context").then().statusCode(200)
                .body("role", equalTo("practice")).body("controlsSteps", equalTo(true)).body("seesPrivate", equalTo(true));

        // the candidate moves the steps; the reference stays hidden until the end
        given().auth().oauth2(bob).when().get("/api/sessions/" + id + "/flow").then().body("current", equalTo("clarify"));
        given().auth().oauth2(bob).contentType("application/json").body(Map.of("step", "model"))
                .when().post("/api/sessions/" + id + "/flow/step").then().statusCode(200).body("current", equalTo("model"));
        given().auth().oauth2(bob).when().get("/api/sessions/" + id + "/reference").then().statusCode(409)
                .body("detail", containsString("revealed when you end the practice"));

        URI ws = URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + boardId + "/sync");
        try (WsTestClient client = WsTestClient.connect(ws, bob)) {
            client.send(Frames.hello("bob", 0));
            client.await("welcome");
            client.send(Map.of("t", "push", "clientSeq", 1, "elements", List.of(Frames.rectangle("fs", 1, 3000),
                    ReviewTest.label("fs-t", "fs", "Feature store"))));
            client.await("ack");
        }
        given().auth().oauth2(bob).when().post("/api/practice/" + id + "/end").then().statusCode(200).body("state", equalTo("ended"));

        given().auth().oauth2(bob).when().get("/api/sessions/" + id + "/reference").then().statusCode(200)
                .body("reference", equalTo("Video recommendation (reference)"))
                .body("coverage.present.kind", hasItem("feature-store"))
                .body("coverage.missing.kind", hasItem("ann-index"));
        given().auth().oauth2(bob).when().get("/api/sessions/" + id + "/reference/drawing.svg").then().statusCode(200)
                .contentType(startsWith("image/svg+xml")).body(startsWith("<svg"));

        ReviewTest.score(bob, id, 3, "hire");
        given().auth().oauth2(bob).when().get("/api/sessions/" + id + "/scorecard").then().body("status", equalTo("submitted"))
                .body("rubric.content.title", equalTo("ML system design"));
        String progress = given().auth().oauth2(bob).when().get("/me/progress").then().statusCode(200).extract().asString();
        assertThat(progress).contains("Practice · Video recommendation", "practice", "self-scored", "level-3");
        given().auth().oauth2(bob).when().get("/api/practice").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void aPracticeSessionIsItsOwnersAloneAndStaysOutOfInterviewLists() {
        String id = (String) practise(bob, "visual-search-blank").get("id");
        given().auth().oauth2(alice).when().get("/api/sessions/" + id).then().statusCode(404);
        given().auth().oauth2(alice).when().post("/api/practice/" + id + "/end").then().statusCode(404);
        given().auth().oauth2(bob).contentType("application/json").body(Map.of("role", "observer", "singleUse", true))
                .when().post("/api/sessions/" + id + "/invites").then().statusCode(403);

        // an interviewer may practise too; it is not one of the interviews on their home page
        String own = (String) practise(alice, "visual-search-blank").get("id");
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("role", "candidate", "singleUse", true))
                .when().post("/api/sessions/" + own + "/invites").then().statusCode(403)
                .body("detail", containsString("practice"));
        given().auth().oauth2(alice).when().get("/api/sessions").then().body("id", not(hasItem(own)));
    }

    @Test
    void templatesWithoutAReferenceUnknownTemplatesAndGuestsAreRefusedAndNothingIsCreated() {
        int before = given().auth().oauth2(bob).when().get("/api/practice").then().extract().path("size()");
        given().auth().oauth2(bob).contentType("application/json").body(Map.of("template", "ml-system-design-scaffold"))
                .when().post("/api/practice").then().statusCode(400)
                .body("detail", containsString("has no reference architecture to compare your board with"));
        given().auth().oauth2(bob).contentType("application/json").body(Map.of("template", "no-such-case"))
                .when().post("/api/practice").then().statusCode(400).body("detail", containsString("no template 'no-such-case'"));
        given().auth().oauth2(bob).contentType("application/json").body(Map.of())
                .when().post("/api/practice").then().statusCode(400).body("detail", containsString("Pick a case study"));
        given().auth().oauth2(bob).when().get("/api/practice").then().body("size()", equalTo(before));

        TestSessions.Created interview = TestSessions.create(alice, "Guest practice");
        String guest = TestSessions.joinAsGuest(TestSessions.link(alice, interview.id(), "candidate", false), "Gus");
        given().cookie("mockboard_guest", guest).contentType("application/json").body(Map.of("template", "visual-search-blank"))
                .when().post("/api/practice").then().statusCode(403).body("detail", containsString("Sign in with an account"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> practise(String token, String template) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("template", template))
                .when().post("/api/practice").then().statusCode(201).extract().as(Map.class);
    }
}
