package io.mockboard.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A "not recognised" label mapped to a kind on a review page counts in that review and in every later one. */
@QuarkusTest
class LearnedLabelsTest {
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
    void aLabelMappedOnTheReviewPageCountsHereAndInLaterReviewsUntilForgotten() {
        String label = "Pinecone shard " + UUID.randomUUID().toString().substring(0, 6);
        TestSessions.Created first = boardWith(label);
        assertThat(section(review(first), "Not recognised", "</div>")).contains(label);
        assertThat(section(review(first), "Present", "Missing")).doesNotContain("ANN index");

        given().auth().oauth2(alice).formParam("label", label).formParam("kind", "ann-index").redirects().follow(false)
                .when().post("/sessions/" + first.id() + "/review/labels").then().statusCode(303)
                .header("Location", containsString("/sessions/" + first.id() + "/review#coverage-heading"));
        assertThat(section(review(first), "Present", "Missing")).contains("ANN index");
        assertThat(section(review(first), "Not recognised", "</div>")).doesNotContain(label);
        assertThat(review(first)).contains("Labels learned here", "counts as <strong>ANN index</strong>");

        // a later session's board, written with other case and punctuation, counts through the same label
        TestSessions.Created later = boardWith(label.toUpperCase().replace(' ', '-'));
        assertThat(section(review(later), "Present", "Missing")).contains("ANN index");
        given().auth().oauth2(alice).when().get("/api/component-synonyms").then().statusCode(200)
                .body("find { it.label == '" + label + "' }.kind", equalTo("ann-index"));

        given().auth().oauth2(alice).formParam("label", label).redirects().follow(false)
                .when().post("/sessions/" + first.id() + "/review/labels/forget").then().statusCode(303);
        assertThat(section(review(later), "Not recognised", "</div>")).contains(label.toUpperCase().replace(' ', '-'));
    }

    @Test
    void unknownKindsEmptyLabelsAndWordsTheVocabularyKnowsAreRefusedAndNothingIsStored() {
        String synonyms = "/api/component-synonyms";
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("label", "Quantum box", "kind", "quantum"))
                .when().post(synonyms).then().statusCode(400)
                .body("detail", containsString("\"quantum\" is not a component kind")).body("detail", containsString("ann-index"));
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("label", " -- ", "kind", "logging"))
                .when().post(synonyms).then().statusCode(400).body("detail", containsString("1 to 200 characters"));
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("label", "Redis", "kind", "logging"))
                .when().post(synonyms).then().statusCode(409).body("detail", containsString("already counts as Key-value store"));
        given().auth().oauth2(alice).formParam("label", "Quantum box").formParam("kind", "quantum").redirects().follow(false)
                .when().post("/sessions/" + boardWith("Quantum box").id() + "/review/labels").then().statusCode(400);
        List<String> labels = given().auth().oauth2(alice).when().get(synonyms).then().statusCode(200).extract().path("label");
        assertThat(labels).doesNotContain("Quantum box", "Redis", "--");

        TestSessions.Created session = TestSessions.create(alice, "Guest");
        String cam = TestSessions.joinAsGuest(TestSessions.link(alice, session.id(), "candidate", false), "Cam");
        given().cookie("mockboard_guest", cam).contentType("application/json").body(Map.of("label", "Thing", "kind", "logging"))
                .when().post(synonyms).then().statusCode(403);
    }

    /** A session from the visual-search case whose board has one box labelled {@code label}. */
    private TestSessions.Created boardWith(String label) {
        TestSessions.Created session = TestSessions.create(alice, "Labels", "visual-search-blank");
        URI ws = URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + session.boardId() + "/sync");
        try (WsTestClient client = WsTestClient.connect(ws, alice)) {
            client.send(Frames.hello("labels", 0));
            client.await("welcome");
            client.send(Map.of("t", "push", "clientSeq", 1, "elements", List.of(Frames.rectangle("box", 1, 10),
                    ReviewTest.label("box-t", "box", label))));
            client.await("ack");
        }
        return session;
    }

    private String review(TestSessions.Created session) {
        return given().auth().oauth2(alice).when().get("/sessions/" + session.id() + "/review").then().statusCode(200)
                .extract().asString();
    }

    /** The coverage grid's part from the heading {@code from} to the text {@code to} after it. */
    private static String section(String page, String from, String to) {
        String grid = page.substring(page.indexOf("data-testid=\"coverage\""));
        String part = grid.substring(grid.indexOf("<h3>" + from + "</h3>"));
        return part.substring(0, part.indexOf(to, 5));
    }

    @Test
    void mappingTheSameNewLabelFromManyRequestsAtOnceKeepsOneMapping() throws Exception {
        String label = "Shard map " + UUID.randomUUID().toString().substring(0, 6);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> given().auth().oauth2(alice).contentType("application/json")
                        .body(Map.of("label", label, "kind", "ann-index")).when().post("/api/component-synonyms").statusCode()));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }
        List<String> labels = given().auth().oauth2(alice).when().get("/api/component-synonyms").then().extract().path("label");
        assertThat(labels.stream().filter(label::equals)).hasSize(1);
        given().auth().oauth2(alice).queryParam("label", label).when().delete("/api/component-synonyms").then().statusCode(204);
    }
}
