package io.mockboard.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.mockboard.board.TestBoards;
import io.mockboard.session.TestSessions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Control characters anywhere a person types or a URL carries text: 400 naming the field, never a 500. */
@QuarkusTest
class HostileInputTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @AfterAll
    static void close() {
        oidc.close();
    }

    private static String alice() {
        return oidc.getAccessToken("alice", "alice");
    }

    @Test
    void nulInAJsonTitleIs400NamingTheField() {
        given().auth().oauth2(alice()).contentType("application/json").body("{\"title\": \"Feed\\u0000ranking\"}")
                .when().post("/api/boards")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", allOf(containsString("'title'"), containsString("U+0000")));
    }

    @Test
    void controlCharacterInANoteIs400NamingTheField() {
        TestSessions.Created session = TestSessions.create(alice(), "notes");
        given().auth().oauth2(alice()).contentType("application/json").body(Map.of("body", "asked about \u0007freshness"))
                .when().post("/api/sessions/" + session.id() + "/notes")
                .then().statusCode(400).body("detail", allOf(containsString("'body'"), containsString("U+0007")));
        given().auth().oauth2(alice()).contentType("application/json").body(Map.of("body", "tabs\tand\nnew lines are fine"))
                .when().post("/api/sessions/" + session.id() + "/notes")
                .then().statusCode(201);
    }

    @Test
    void nulInAFormFieldIs400NamingTheField() {
        given().auth().oauth2(alice()).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("title=Mock%00interview").when().post("/sessions")
                .then().statusCode(400).body(allOf(containsString("'title'"), containsString("U+0000")));
    }

    @Test
    void nulInAPathOrQueryParameterIs400() {
        String board = TestBoards.create(alice(), "files");
        given().auth().oauth2(alice()).urlEncodingEnabled(false).when().get("/api/boards/" + board + "/files/ab%00cd")
                .then().statusCode(400).body("detail", containsString("fileId"));
        given().auth().oauth2(alice()).urlEncodingEnabled(false).when().get("/api/boards?filter=%01")
                .then().statusCode(400).body("detail", containsString("filter"));
    }

    @Test
    void aBackslashInTheTemplateFormsBackParameterIsNoServerError() {
        String board = TestBoards.create(alice(), "to save");
        // an empty title is refused (400), and the refusal would send the person back to 'back'
        given().auth().oauth2(alice()).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("boardId", board).formParam("title", "").formParam("back", "/sessions/\\evil")
                .when().post("/templates")
                .then().statusCode(400);
    }
}
