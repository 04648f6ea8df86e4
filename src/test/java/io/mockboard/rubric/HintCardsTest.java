package io.mockboard.rubric;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.mockboard.session.TestSessions;
import io.mockboard.sync.ws.Frames;
import io.mockboard.sync.ws.WsTestClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Hint cards stay on the interviewer's hidden layer until revealed; only then does their text reach the candidate. */
@QuarkusTest
class HintCardsTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;

    @AfterAll
    static void close() {
        oidc.close();
    }

    @Test
    void anUnrevealedCardNeverReachesTheCandidateARevealedOneDoes() {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = TestSessions.create(alice, "Hints");
        String hints = "/api/sessions/" + session.id() + "/hints";
        String cam = TestSessions.joinAsGuest(TestSessions.link(alice, session.id(), "candidate", false), "Cam");
        String obi = TestSessions.joinAsGuest(TestSessions.link(alice, session.id(), "observer", false), "Obi");
        given().cookie("mockboard_guest", cam).when().get(hints).then().statusCode(403);
        given().cookie("mockboard_guest", obi).when().get(hints).then().statusCode(403);
        given().cookie("mockboard_guest", cam).contentType("application/json").body(Map.of("title", "x")).when().post(hints)
                .then().statusCode(403);

        List<Map<String, Object>> cards = given().auth().oauth2(alice).when().get(hints).then().statusCode(200)
                .body("$", hasSize(4)).body("[0].title", equalTo("Traffic is now 100×")).extract().path("$");
        String secret = "Now it must run on-device, offline";
        String added = given().auth().oauth2(alice).contentType("application/json").body(Map.of("title", secret, "body", "No network."))
                .when().post(hints).then().statusCode(201).body("position", equalTo(4)).extract().path("id");
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("title", "")).when().post(hints)
                .then().statusCode(400).body("detail", containsString("1 to 120"));

        URI ws = URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + session.boardId() + "/sync");
        try (WsTestClient candidate = WsTestClient.connect(ws, Map.of("Cookie", "mockboard_guest=" + cam));
                WsTestClient interviewer = WsTestClient.connect(ws, alice)) {
            candidate.send(Frames.hello("cam", 0));
            candidate.await("welcome");
            interviewer.send(Frames.hello("alice", 0));
            interviewer.await("welcome");
            candidate.send(Map.of("t", "ping", "nonce", 1));
            candidate.await("pong");
            assertThat(candidate.seen).noneMatch(f -> f.toString().contains(secret));

            // the interviewer's board draws the card, then the reveal is recorded
            Map<String, Object> card = new HashMap<>(Frames.rectangle("hint-card", 1, 300));
            Map<String, Object> text = new HashMap<>(Frames.rectangle("hint-text", 1, 310));
            text.put("type", "text");
            text.putAll(Map.of("text", secret, "originalText", secret, "fontSize", 18, "fontFamily", 5, "textAlign", "left",
                    "verticalAlign", "top", "containerId", "hint-card", "lineHeight", 1.25, "autoResize", true));
            interviewer.send(Map.of("t", "push", "clientSeq", 1, "elements", List.of(card, text)));
            interviewer.await("ack");
            given().auth().oauth2(alice).contentType("application/json").body(Map.of("elementIds", List.of("hint-card", "hint-text")))
                    .when().post(hints + "/" + added + "/reveal").then().statusCode(200)
                    .body("revealedAt", org.hamcrest.Matchers.notNullValue()).body("elementIds", hasSize(2));
            assertThat(candidate.await("op").toString()).contains(secret);
        }
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("elementIds", List.of("again")))
                .when().post(hints + "/" + added + "/reveal").then().statusCode(409).body("detail", containsString("already revealed"));
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("elementIds", List.of()))
                .when().post(hints + "/" + cards.get(0).get("id") + "/reveal").then().statusCode(400);
        given().auth().oauth2(alice).when().get(hints).then().body("findAll { it.revealedAt != null }.title", org.hamcrest.Matchers.contains(secret));
    }
}
