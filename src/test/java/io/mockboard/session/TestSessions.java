package io.mockboard.session;

import static io.restassured.RestAssured.given;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;

/** Sessions, invite links and guests for tests, made through the API and pages as people would. */
public final class TestSessions {
    private TestSessions() {}

    public record Created(String id, String boardId) {}

    public static Created create(String interviewerToken, String title) {
        return create(interviewerToken, Map.of("title", title));
    }

    /** A session whose board starts from the template with this slug (e.g. {@code video-recommendation-blank}). */
    public static Created create(String interviewerToken, String title, String templateSlug) {
        return create(interviewerToken, Map.of("title", title, "template", templateSlug));
    }

    private static Created create(String interviewerToken, Map<String, String> body) {
        ExtractableResponse<Response> created = given().auth().oauth2(interviewerToken).contentType("application/json")
                .body(body).when().post("/api/sessions").then().statusCode(201).extract();
        return new Created(created.path("id"), created.path("boardId"));
    }

    /** A new invite link (its full URL). */
    public static String link(String interviewerToken, String sessionId, String role, boolean singleUse) {
        return given().auth().oauth2(interviewerToken).contentType("application/json")
                .body(Map.of("role", role, "singleUse", singleUse))
                .when().post("/api/sessions/" + sessionId + "/invites").then().statusCode(201).extract().path("link");
    }

    public static String tokenOf(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** Joins through the link's page with this name, without an account; returns the guest cookie's value. */
    public static String joinAsGuest(String link, String name) {
        return given().redirects().follow(false).formParam("name", name)
                .when().post("/join/" + tokenOf(link)).then().statusCode(303).extract().cookie("mockboard_guest");
    }
}
