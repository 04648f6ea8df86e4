package io.mockboard.board;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BoardResourceAccessTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @AfterAll
    static void close() {
        oidc.close();
    }

    @Test
    void interviewerListsAndCreatesBoards() {
        String token = oidc.getAccessToken("alice", "alice");
        given().auth().oauth2(token).contentType("application/json").body("{\"title\":\"Visual search\"}")
                .when().post("/api/boards")
                .then().statusCode(201).body("title", equalTo("Visual search")).body("id", notNullValue());
        given().auth().oauth2(token).when().get("/api/boards").then().statusCode(200);
    }

    @Test
    void candidateIsForbiddenWithProblemDetails() {
        given().auth().oauth2(oidc.getAccessToken("bob", "bob"))
                .when().get("/api/boards")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void callWithoutTokenIsUnauthorizedNotRedirected() {
        given().redirects().follow(false).when().get("/api/boards").then().statusCode(401);
    }
}
