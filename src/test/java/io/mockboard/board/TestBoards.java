package io.mockboard.board;

import static io.restassured.RestAssured.given;

import java.util.Map;

/** Boards for tests, created through the API as an interviewer would. */
public final class TestBoards {
    private TestBoards() {}

    /** Creates a board with the given title and returns its id. */
    public static String create(String interviewerToken, String title) {
        return given().auth().oauth2(interviewerToken).contentType("application/json").body(Map.of("title", title))
                .when().post("/api/boards").then().statusCode(201).extract().path("id");
    }
}
