package io.mockboard.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {
    @Test
    void healthIsUpIncludingTheDatabase() {
        given().when().get("/q/health")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void openApiDescribesTheBoardsApi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body(containsString("/api/boards"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void homePageRendersWithTheLayout() {
        given().when().get("/home")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Mockboard"))
                .body(containsString("Sign in"));
    }
}
