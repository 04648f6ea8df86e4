package io.mockboard.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemResponsesTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @AfterAll
    static void close() {
        oidc.close();
    }

    @Test
    void unknownApiRouteIsProblem404() {
        given().auth().oauth2(oidc.getAccessToken("alice", "alice"))
                .when().get("/api/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/no-such-thing"));
    }

    @Test
    void malformedJsonBodyIsProblem400WithoutInternals() {
        given().auth().oauth2(oidc.getAccessToken("alice", "alice"))
                .contentType("application/json").body("{\"title\": ")
                .when().post("/api/boards")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request body is not valid JSON"))
                .body(not(containsString("com.fasterxml")));
    }

    @Test
    void invalidTitleIsProblem400() {
        given().auth().oauth2(oidc.getAccessToken("alice", "alice"))
                .contentType("application/json").body("{\"title\": \"   \"}")
                .when().post("/api/boards")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("1 to 200 characters"))
                .body("type", equalTo("/problems#invalid")).body("title", equalTo("Bad Request"));
    }

    @Test
    void everyProblemTypeLeadsToItsExplanation() {
        String page = given().when().get("/problems").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        for (var kind : io.mockboard.core.DomainException.Kind.values()) {
            org.assertj.core.api.Assertions.assertThat(page).as(kind.name()).contains("id=\"" + kind.slug() + "\"");
            String type = Problem.of(kind, "x").type();
            org.assertj.core.api.Assertions.assertThat(type).isEqualTo("/problems#" + kind.slug());
            org.assertj.core.api.Assertions.assertThat(Problem.of(Problem.statusOf(kind), "x").type()).isEqualTo(type);
        }
    }

    @Test
    void unknownBoardIsProblem404() {
        given().auth().oauth2(oidc.getAccessToken("alice", "alice"))
                .when().get("/api/boards/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems#not-found"));
    }
}
