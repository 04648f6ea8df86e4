package io.mockboard.board;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BoardFileResourceTest {
    static final OidcTestClient oidc = new OidcTestClient();
    /** A 1×1 PNG. */
    static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    String token;
    String board;

    @AfterAll
    static void close() {
        oidc.close();
    }

    @BeforeEach
    void newBoard() {
        token = oidc.getAccessToken("alice", "alice");
        board = TestBoards.create(token, "images");
    }

    private io.restassured.response.ValidatableResponse put(String fileId, String mimeType, String dataURL) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("mimeType", mimeType, "dataURL", dataURL))
                .when().put("/api/boards/" + board + "/files/" + fileId).then();
    }

    @Test
    void storesAnImageOnceAndServesItBack() {
        put("abc123", "image/png", PNG).statusCode(201);
        put("abc123", "image/png", PNG).statusCode(200);
        given().auth().oauth2(oidc.getAccessToken("bob", "bob")).when().get("/api/boards/" + board + "/files/abc123")
                .then().statusCode(200).body("id", equalTo("abc123")).body("mimeType", equalTo("image/png")).body("dataURL", equalTo(PNG));
    }

    @Test
    void refusesWhatIsNotAnImageWithAClearProblem() {
        put("abc123", "text/html", "data:text/html;base64,PGgxPg==").statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("PNG, JPEG"));
        put("abc123", "image/png", "data:image/png;base64,%%%").statusCode(400).body("detail", containsString("base64"));
        put("../etc", "image/png", PNG).statusCode(404);
        put("a b", "image/png", PNG).statusCode(400).body("detail", containsString("image id"));
    }

    @Test
    void refusesImagesOverTheLimit() {
        String big = "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[5 * 1024 * 1024]);
        put("big", "image/png", big).statusCode(413).body("detail", containsString("larger than 4 MiB"));
    }

    @Test
    void unknownBoardOrImageIsNotFound() {
        given().auth().oauth2(token).contentType("application/json").body(Map.of("mimeType", "image/png", "dataURL", PNG))
                .when().put("/api/boards/" + UUID.randomUUID() + "/files/abc").then().statusCode(404);
        given().auth().oauth2(token).when().get("/api/boards/" + board + "/files/nothing").then().statusCode(404);
    }
}
