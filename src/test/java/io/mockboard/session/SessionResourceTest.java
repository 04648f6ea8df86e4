package io.mockboard.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionResourceTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @AfterAll
    static void close() {
        oidc.close();
    }

    private static String token(String user) {
        return oidc.getAccessToken(user, user);
    }

    private static String create(String user, Map<String, Object> body) {
        return given().auth().oauth2(token(user)).contentType("application/json").body(body)
                .when().post("/api/sessions")
                .then().statusCode(201).body("state", equalTo("scheduled")).body("boardId", notNullValue())
                .extract().path("id");
    }

    @Test
    void sessionGoesFromScheduledToLiveToEndedOnItsOwnBoard() {
        String id = create("alice", Map.of("title", "Visual search mock", "targetLevel", "senior",
                "scheduledAt", "2026-12-01T15:00:00Z"));
        String boardId = given().auth().oauth2(token("alice")).when().get("/api/sessions/" + id)
                .then().statusCode(200).body("targetLevel", equalTo("senior")).extract().path("boardId");
        given().auth().oauth2(token("alice")).when().get("/api/boards/" + boardId)
                .then().statusCode(200).body("title", equalTo("Visual search mock"));

        given().auth().oauth2(token("alice")).when().post("/api/sessions/" + id + "/start")
                .then().statusCode(200).body("state", equalTo("live")).body("startedAt", notNullValue());
        given().auth().oauth2(token("alice")).when().post("/api/sessions/" + id + "/end")
                .then().statusCode(200).body("state", equalTo("ended")).body("endedAt", notNullValue());
    }

    @Test
    void aSessionCannotGoBackOrSkipAState() {
        String id = create("alice", Map.of("title", "Ads ranking mock"));
        given().auth().oauth2(token("alice")).when().post("/api/sessions/" + id + "/end")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("only a live session can become ended"));
        given().auth().oauth2(token("alice")).when().post("/api/sessions/" + id + "/start").then().statusCode(200);
        given().auth().oauth2(token("alice")).when().post("/api/sessions/" + id + "/start").then().statusCode(409);
    }

    @Test
    void onlyItsInterviewerAndAdminsSeeASession() {
        String id = create("alice", Map.of("title", "Harmful content mock"));
        given().auth().oauth2(token("dave")).when().get("/api/sessions/" + id).then().statusCode(404);
        given().auth().oauth2(token("dave")).when().post("/api/sessions/" + id + "/start").then().statusCode(404);
        given().auth().oauth2(token("dave")).when().get("/api/sessions").then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(token("alice")).when().get("/api/sessions").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(token("carol")).when().get("/api/sessions/" + id).then().statusCode(200);
        given().auth().oauth2(token("bob")).when().get("/api/sessions/" + id).then().statusCode(403);
        given().when().get("/api/sessions").then().statusCode(401);
    }

    @Test
    void badInputGetsClearProblems() {
        given().auth().oauth2(token("alice")).contentType("application/json").body(Map.of("title", ""))
                .when().post("/api/sessions").then().statusCode(400).body("detail", containsString("1 to 200 characters"));
        given().auth().oauth2(token("alice")).contentType("application/json").body(Map.of("title", "x", "targetLevel", "wizard"))
                .when().post("/api/sessions").then().statusCode(400).body("detail", containsString("targetLevel"));
        given().auth().oauth2(token("alice")).when().get("/api/sessions/not-a-uuid").then().statusCode(404);
    }
}
