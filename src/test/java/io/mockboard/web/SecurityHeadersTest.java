package io.mockboard.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.mockboard.board.TestBoards;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every page family is served unframeable, unsniffable, without a referrer and under a content policy. */
@QuarkusTest
class SecurityHeadersTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @AfterAll
    static void close() {
        oidc.close();
    }

    @Test
    void everyPageFamilyCarriesTheSecurityHeaders() {
        String alice = oidc.getAccessToken("alice", "alice");
        String board = TestBoards.create(alice, "headers");
        List<String> paths = List.of("/home", "/templates", "/rubrics", "/sessions/new", "/join/not-a-real-invite",
                "/shared/not-a-real-share", "/b/" + board, "/r/" + board, "/signed-in.html", "/api/me", "/css/mockboard.css");
        for (String path : paths) {
            Response response = given().auth().oauth2(alice).redirects().follow(false).when().get(path);
            assertThat(response.statusCode()).as(path).isLessThan(500);
            assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(response.header("Content-Security-Policy")).as(path)
                    .contains("frame-ancestors 'none'").contains("script-src 'self'").contains("object-src 'none'")
                    .doesNotContain("'unsafe-eval'");
        }
    }

    @Test
    void onlyTheFontSubsettingWorkerMayEvaluateStrings() throws Exception {
        // embind, the WebAssembly glue of Excalidraw's font subsetting, builds functions from strings
        String worker;
        try (var assets = java.nio.file.Files.list(java.nio.file.Path.of("target", "quinoa", "build", "assets"))) {
            worker = assets.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("subset-worker.chunk-")).findFirst()
                    .orElseThrow();
        }
        Response response = given().when().get("/assets/" + worker);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Content-Security-Policy")).contains("script-src 'self' 'unsafe-eval'");
        assertThat(given().when().get("/assets/subset-worker.chunk-x.js.map/../../b/x").header("Content-Security-Policy"))
                .doesNotContain("'unsafe-eval'");
    }

    @Test
    void swaggerUiIsNotPartOfAProductionBuildAndKeepsItsOwnScripts() {
        // Swagger UI is dev and test only (no always-include); where it is served, the page policy leaves it alone
        Response response = given().redirects().follow(false).when().get("/q/swagger-ui/");
        assertThat(response.header("Content-Security-Policy")).isNull();
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    }
}
