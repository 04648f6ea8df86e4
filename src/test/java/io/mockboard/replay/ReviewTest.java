package io.mockboard.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.mockboard.session.TestSessions;
import io.mockboard.session.flow.Flow;
import io.mockboard.sync.ws.Frames;
import io.mockboard.sync.ws.WsTestClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The review page: time per step against budget, authorship, notes linking into the replay, calibration. */
@QuarkusTest
class ReviewTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;

    @AfterAll
    static void close() {
        oidc.close();
    }

    @Test
    void timePerStepSumsEveryVisitAndRunsTheLastStepToTheEnd() {
        Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
        Flow flow = new Flow(UUID.randomUUID(), "ml-system-design",
                List.of(new Flow.Step("clarify", 1, "Clarify", 5), new Flow.Step("data", 2, "Data", 8), new Flow.Step("model", 3, "Model", 12)),
                "data", t0.plusSeconds(900), List.of(new Flow.Move("clarify", t0, "A"), new Flow.Move("data", t0.plusSeconds(360), "A"),
                        new Flow.Move("clarify", t0.plusSeconds(600), "A"), new Flow.Move("data", t0.plusSeconds(660), "A")),
                t0.plusSeconds(1000), null);
        List<Review.StepTime> times = ReviewService.stepTimes(flow, t0.plusSeconds(1200));
        assertThat(times).extracting(Review.StepTime::minutes).containsExactly(7.0, 13.0, 0.0);
        assertThat(times.get(0).over()).isTrue();
        assertThat(times.get(1).over()).isTrue();
        assertThat(new Review.Calibration("x", java.util.Arrays.asList(1, 3, null)).flagged()).isTrue();
        assertThat(new Review.Calibration("x", java.util.Arrays.asList(2, 3)).flagged()).isFalse();
    }

    @Test
    void theReviewPageShowsStepsAuthorshipNoteLinksAndFlaggedDisagreement() {
        String alice = oidc.getAccessToken("alice", "alice");
        String dave = oidc.getAccessToken("dave", "dave");
        @SuppressWarnings("unchecked")
        Map<String, String> s = given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("title", "Reviewed", "template", "block-feature-store")).when().post("/api/sessions").then()
                .statusCode(201).extract().as(Map.class);
        String id = s.get("id");
        given().auth().oauth2(dave).redirects().follow(false).formParam("name", "")
                .when().post("/join/" + TestSessions.tokenOf(TestSessions.link(alice, id, "co_interviewer", false))).then().statusCode(303);
        String cam = TestSessions.joinAsGuest(TestSessions.link(alice, id, "candidate", false), "Cam");
        given().auth().oauth2(alice).when().post("/api/sessions/" + id + "/start").then().statusCode(200);
        URI ws = URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + s.get("boardId") + "/sync");
        try (WsTestClient client = WsTestClient.connect(ws, Map.of("Cookie", "mockboard_guest=" + cam))) {
            client.send(Frames.hello("cam", 0));
            client.await("welcome");
            client.send(Frames.push(1, Frames.rectangle("cam-1", 1, 10)));
            client.await("ack");
        }
        try (WsTestClient client = WsTestClient.connect(ws, dave)) { // an account that joined by link draws too
            client.send(Frames.hello("dave-tab", 0));
            client.await("welcome");
            client.send(Frames.push(1, Frames.rectangle("dave-1", 1, 200)));
            client.await("ack");
        }
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("step", "data"))
                .when().post("/api/sessions/" + id + "/flow/step").then().statusCode(200);
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("body", "Good feature store split"))
                .when().post("/api/sessions/" + id + "/notes").then().statusCode(201);
        score(alice, id, 4, "strong_hire");
        score(dave, id, 1, "no_hire");

        String page = given().auth().oauth2(alice).when().get("/sessions/" + id + "/review").then().statusCode(200).extract().asString();
        assertThat(page).contains("1 · Clarify requirements", "3 · Data preparation", "Template", "Cam (candidate)",
                        "Dave (co-interviewer)")
                .contains("/r/" + id + "?t=").contains("Good feature store split").contains("spread ≥ 2");
        // the overall recommendations are compared too, under a column that says what it is
        assertThat(page).contains("<th scope=\"col\">Agreement</th>").contains("Overall recommendation")
                .contains("Strong hire").contains("No hire").contains("hire vs no hire");
        given().cookie("mockboard_guest", cam).when().get("/sessions/" + id + "/review").then().statusCode(403);
        given().auth().oauth2(oidc.getAccessToken("carol", "carol")).when().get("/sessions/" + id + "/review").then().statusCode(200)
                .body(containsString("Calibration"));
    }

    @Test
    void theFinalBoardIsComparedWithTheCaseStudysReferenceByKindAndArrow() {
        String alice = oidc.getAccessToken("alice", "alice");
        @SuppressWarnings("unchecked")
        Map<String, String> s = given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("title", "Covered", "template", "visual-search-blank")).when().post("/api/sessions").then()
                .statusCode(201).extract().as(Map.class);
        URI ws = URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + s.get("boardId") + "/sync");
        try (WsTestClient client = WsTestClient.connect(ws, alice)) {
            client.send(Frames.hello("coverage", 0));
            client.await("welcome");
            // typed labels, no customData: "Image encoder" → embedding service, "FAISS" → ANN index, joined by an arrow
            client.send(Map.of("t", "push", "clientSeq", 1, "elements", List.of(
                    Frames.rectangle("enc", 1, 10), label("enc-t", "enc", "Image encoder"),
                    Frames.rectangle("ann", 1, 300), label("ann-t", "ann", "FAISS"),
                    Frames.rectangle("odd", 1, 600), label("odd-t", "odd", "Magic box"),
                    arrow("a1", "enc", "ann"))));
            client.await("ack");
        }
        String page = given().auth().oauth2(alice).when().get("/sessions/" + s.get("id") + "/review").then().statusCode(200)
                .extract().asString();
        String coverage = page.substring(page.indexOf("data-testid=\"coverage\""), page.indexOf("id=\"notes-heading\""));
        assertThat(coverage).contains("Embedding service", "ANN index", "Magic box", "Client",
                "Missing data flows", "Object storage");
        assertThat(coverage.substring(coverage.indexOf("<h3>Present</h3>"), coverage.indexOf("<h3>Missing</h3>")))
                .contains("Embedding service", "ANN index").doesNotContain("Client");
        assertThat(coverage.substring(coverage.indexOf("<h3>Missing</h3>"), coverage.indexOf("<h3>Extra</h3>"))).contains("Client");
        assertThat(coverage.substring(coverage.indexOf("data-testid=\"flows-missing\"")))
                .doesNotContain("Embedding service → ANN index").contains("Client → Embedding service");
        assertThat(page).contains("Visual search (reference)");
    }

    static Map<String, Object> label(String id, String container, String text) {
        Map<String, Object> e = new java.util.HashMap<>(Frames.rectangle(id, 1, 20));
        e.putAll(Map.of("type", "text", "text", text, "originalText", text, "containerId", container, "fontSize", 20,
                "fontFamily", 5, "textAlign", "center", "verticalAlign", "middle", "lineHeight", 1.25));
        e.put("autoResize", true);
        return e;
    }

    static Map<String, Object> arrow(String id, String from, String to) {
        Map<String, Object> e = new java.util.HashMap<>(Frames.rectangle(id, 1, 140));
        e.putAll(Map.of("type", "arrow", "points", List.of(List.of(0, 0), List.of(160, 0)),
                "startBinding", Map.of("elementId", from, "focus", 0, "gap", 4),
                "endBinding", Map.of("elementId", to, "focus", 0, "gap", 4), "endArrowhead", "arrow"));
        return e;
    }

    private static void score(String token, String sessionId, int level) {
        score(token, sessionId, level, "hire");
    }

    static void score(String token, String sessionId, int level, String recommendation) {
        String card = "/api/sessions/" + sessionId + "/scorecard";
        List<String> criteria = given().auth().oauth2(token).when().get(card).then().extract().path("rubric.content.criteria.id");
        List<Map<String, Object>> scores = new ArrayList<>();
        criteria.forEach(c -> scores.add(Map.of("criterion", c, "level", level)));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("scores", scores, "recommendation", recommendation))
                .when().put(card).then().statusCode(200);
        given().auth().oauth2(token).when().post(card + "/submit").then().statusCode(200);
    }
}
