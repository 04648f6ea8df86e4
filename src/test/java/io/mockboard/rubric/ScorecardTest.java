package io.mockboard.rubric;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.mockboard.session.TestSessions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scorecards: drafts, submission, independence between interviewers, rubric versions, bad input. */
@QuarkusTest
class ScorecardTest {
    static final OidcTestClient oidc = new OidcTestClient();

    String alice;
    String dave;
    TestSessions.Created session;

    @AfterAll
    static void close() {
        oidc.close();
    }

    @BeforeEach
    void sessionWithCoInterviewer() {
        alice = oidc.getAccessToken("alice", "alice");
        dave = oidc.getAccessToken("dave", "dave");
        session = TestSessions.create(alice, "Scored");
        String link = TestSessions.link(alice, session.id(), "co_interviewer", false);
        given().auth().oauth2(dave).redirects().follow(false).formParam("name", "").when()
                .post("/join/" + TestSessions.tokenOf(link)).then().statusCode(303);
    }

    private String card() {
        return "/api/sessions/" + session.id() + "/scorecard";
    }

    private List<String> criteria(String token) {
        return given().auth().oauth2(token).when().get(card()).then().statusCode(200).extract().path("rubric.content.criteria.id");
    }

    private static List<Map<String, Object>> levels(List<String> criteria, int level) {
        List<Map<String, Object>> scores = new ArrayList<>();
        for (String c : criteria) {
            scores.add(Map.of("criterion", c, "level", level, "evidence", "evidence for " + c));
        }
        return scores;
    }

    @Test
    void theDefaultMlRubricScoresEachStepPlusCommunication() {
        given().auth().oauth2(alice).when().get(card()).then().statusCode(200)
                .body("status", equalTo("draft")).body("rubric.slug", equalTo("ml-system-design"))
                .body("rubric.content.criteria.step", org.hamcrest.Matchers.hasItems("clarify", "frame-as-ml-task", "data", "model",
                        "evaluation", "serving", "monitoring"))
                .body("rubric.content.criteria.id", org.hamcrest.Matchers.hasItem("communication"))
                .body("rubric.content.criteria[0].levels", hasSize(4))
                .body("weightedScore", equalTo(null));
    }

    @Test
    void aDraftIsSavedThenSubmittedOnceAndThenCannotChange() {
        List<String> criteria = criteria(alice);
        given().auth().oauth2(alice).when().post(card() + "/submit").then().statusCode(400).body("detail", containsString("missing"));
        given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("scores", levels(criteria, 3), "summary", "Solid framing"))
                .when().put(card()).then().statusCode(200).body("weightedScore", equalTo(3.0f)).body("suggested", equalTo("hire"));
        given().auth().oauth2(alice).when().post(card() + "/submit").then().statusCode(400).body("detail", containsString("recommendation"));
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("recommendation", "hire"))
                .when().put(card()).then().statusCode(200);
        given().auth().oauth2(alice).when().post(card() + "/submit").then().statusCode(200).body("status", equalTo("submitted"))
                .body("submittedAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("summary", "changed my mind"))
                .when().put(card()).then().statusCode(409).body("detail", containsString("cannot change"));
    }

    @Test
    void badLevelsUnknownCriteriaAndOverlongTextAreRefusedWithTheReason() {
        String first = criteria(alice).getFirst();
        given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("scores", List.of(Map.of("criterion", first, "level", 5)))).when().put(card())
                .then().statusCode(400).body("detail", containsString("A level is 1 to 4"));
        given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("scores", List.of(Map.of("criterion", "charisma", "level", 3)))).when().put(card())
                .then().statusCode(400).body("detail", containsString("'charisma' is not a criterion"));
        given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("scores", List.of(Map.of("criterion", first, "level", 2, "evidence", "x".repeat(4001))))).when().put(card())
                .then().statusCode(400).body("detail", containsString("at most 4000"));
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("recommendation", "maybe")).when().put(card())
                .then().statusCode(400).body("detail", containsString("not a recommendation"));
    }

    @Test
    void candidatesAndObserversGet403AndStrangers404() {
        String cam = TestSessions.joinAsGuest(TestSessions.link(alice, session.id(), "candidate", false), "Cam");
        String obi = TestSessions.joinAsGuest(TestSessions.link(alice, session.id(), "observer", false), "Obi");
        for (String guest : List.of(cam, obi)) {
            given().cookie("mockboard_guest", guest).when().get(card()).then().statusCode(403);
            given().cookie("mockboard_guest", guest).when().get("/api/sessions/" + session.id() + "/scorecards").then().statusCode(403);
        }
        given().auth().oauth2(oidc.getAccessToken("bob", "bob")).when().get(card()).then().statusCode(404);
    }

    @Test
    void scorersDoNotSeeEachOthersScorecardsUntilTheySubmitTheirOwn() {
        List<String> criteria = criteria(alice);
        given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("scores", levels(criteria, 4), "recommendation", "strong_hire")).when().put(card()).then().statusCode(200);
        given().auth().oauth2(alice).when().post(card() + "/submit").then().statusCode(200);
        given().auth().oauth2(dave).contentType("application/json")
                .body(Map.of("scores", levels(criteria, 2), "recommendation", "no_hire")).when().put(card()).then().statusCode(200);

        String all = "/api/sessions/" + session.id() + "/scorecards";
        given().auth().oauth2(dave).when().get(all).then().statusCode(200).body("author", hasSize(1))
                .body("[0].authorId", equalTo(given().auth().oauth2(dave).when().get("/api/me").then().extract().path("id")));
        given().auth().oauth2(alice).when().get(all).then().statusCode(200).body("status", org.hamcrest.Matchers.contains("submitted"))
                .body("$", hasSize(1));
        given().auth().oauth2(dave).when().post(card() + "/submit").then().statusCode(200);
        given().auth().oauth2(dave).when().get(all).then().body("$", hasSize(2));
        given().auth().oauth2(alice).when().get(all).then().body("recommendation", org.hamcrest.Matchers.containsInAnyOrder("strong_hire", "no_hire"));
    }

    @Test
    void editingARubricAddsAVersionAndLeavesExistingScorecardsOnTheirs() {
        String rubric = given().auth().oauth2(alice).contentType("application/json").body(Map.of("title", "My ML rubric"))
                .when().post("/api/rubrics/" + given().auth().oauth2(alice).when().get("/api/rubrics").then()
                        .extract().path("find { it.slug == 'ml-system-design' }.id") + "/copy")
                .then().statusCode(201).body("version", equalTo(1)).body("createdBy", org.hamcrest.Matchers.notNullValue()).extract().path("id");
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("rubric", rubric))
                .when().put("/api/sessions/" + session.id() + "/rubric").then().statusCode(200);
        String versionBefore = given().auth().oauth2(alice).when().get(card()).then().body("rubric.version", equalTo(1))
                .extract().path("rubric.versionId");

        Map<String, Object> content = given().auth().oauth2(alice).when().get("/api/rubrics/" + rubric).then().extract().path("content");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> criteria = new ArrayList<>((List<Map<String, Object>>) content.get("criteria"));
        criteria.removeLast();
        Map<String, Object> changed = new java.util.HashMap<>(content);
        changed.put("criteria", criteria);
        changed.put("title", "My ML rubric, shorter");
        given().auth().oauth2(alice).contentType("application/json").body(changed).when().put("/api/rubrics/" + rubric)
                .then().statusCode(200).body("version", equalTo(2)).body("content.criteria", hasSize(criteria.size()));
        given().auth().oauth2(dave).contentType("application/json").body(changed).when().put("/api/rubrics/" + rubric).then().statusCode(403);

        given().auth().oauth2(alice).when().get(card()).then().body("rubric.versionId", equalTo(versionBefore))
                .body("rubric.version", equalTo(1)).body("scores", hasSize(criteria.size() + 1));
        given().auth().oauth2(dave).when().get(card()).then().body("rubric.version", equalTo(2)).body("scores", hasSize(criteria.size()));
        assertThat(given().auth().oauth2(alice).when().get("/api/rubrics").then().extract().<List<String>>path("content.title"))
                .contains("ML system design", "General system design", "My ML rubric, shorter");
    }

    @Test
    void submittedScorecardsExportAsCsvAndAPrintablePage() {
        List<String> criteria = criteria(alice);
        given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("scores", levels(criteria, 3), "recommendation", "hire", "summary", "=HYPERLINK(\"x\")"))
                .when().put(card()).then().statusCode(200);
        given().auth().oauth2(alice).when().post(card() + "/submit").then().statusCode(200);
        String csv = given().auth().oauth2(alice).when().get("/sessions/" + session.id() + "/scorecards.csv").then().statusCode(200)
                .header("Content-Disposition", containsString(".csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("interviewer,status,criterion,weight,level");
        assertThat(lines).hasSize(criteria.size() + 1);
        assertThat(lines[1]).contains("\"submitted\"").contains("\"3\"").contains("\"Strong\"").contains("\"Hire\"");
        given().auth().oauth2(alice).when().get("/sessions/" + session.id() + "/scorecards").then().statusCode(200)
                .body(containsString("weighted score")).body(containsString("Hire")).body(containsString("Download CSV"));
        assertThat(Csv.line("=1+1", "a\"b")).isEqualTo("\"'=1+1\",\"a\"\"b\"\r\n");
    }

    @Test
    void theLobbyChoosesTheRubricNewScorecardsUse() {
        String general = given().auth().oauth2(alice).when().get("/api/rubrics").then().extract().path("find { it.slug == 'system-design' }.id");
        given().auth().oauth2(alice).when().get("/sessions/" + session.id()).then().statusCode(200)
                .body(containsString("Scored with")).body(containsString("Use this rubric"));
        given().auth().oauth2(alice).redirects().follow(false).formParam("rubric", general)
                .when().post("/sessions/" + session.id() + "/rubric").then().statusCode(303);
        given().auth().oauth2(alice).when().get(card()).then().body("rubric.slug", equalTo("system-design"))
                .body("scores", hasSize(5));
        given().auth().oauth2(dave).redirects().follow(false).formParam("rubric", general)
                .when().post("/sessions/" + session.id() + "/rubric").then().statusCode(403);
    }
}
