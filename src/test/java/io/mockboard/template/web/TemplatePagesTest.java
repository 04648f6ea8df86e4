package io.mockboard.template.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The gallery page, its rendered previews, and saving a board as a template from the lobby. */
@QuarkusTest
class TemplatePagesTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @AfterAll
    static void close() {
        oidc.close();
    }

    private static String alice() {
        return oidc.getAccessToken("alice", "alice");
    }

    @Test
    void theGalleryShowsEveryTemplateWithARenderedPreviewAndFilters() {
        String page = given().auth().oauth2(alice()).when().get("/templates").then().statusCode(200).extract().asString();
        List<String> cards = java.util.regex.Pattern.compile("data-testid=\"template-card\" data-slug=\"([^\"]*)\"").matcher(page)
                .results().map(m -> m.group(1)).toList();
        assertThat(cards).contains("ml-system-design-scaffold", "ad-click-prediction-reference", "system-design-scaffold");
        assertThat(page).contains("/thumbnail.svg");
        given().auth().oauth2(alice()).queryParam("caseStudy", "people-you-may-know").when().get("/templates").then()
                .statusCode(200).body(containsString("2 templates")).body(containsString("data-slug=\"people-you-may-know-blank\"")).body(not(containsString("data-slug=\"ad-click")));

        String id = given().auth().oauth2(alice()).when().get("/api/templates").then()
                .extract().path("find { it.slug == 'ad-click-prediction-reference' }.id");
        String svg = given().auth().oauth2(alice()).when().get("/templates/" + id + "/thumbnail.svg").then().statusCode(200)
                .contentType("image/svg+xml").extract().asString();
        assertThat(svg).startsWith("<svg").contains("Feature store").doesNotContain("<script");
        given().auth().oauth2(alice()).when().get("/templates/" + id).then().statusCode(200)
                .body(containsString("/preview.svg")).body(containsString("Expect pointwise LTR"));
        given().auth().oauth2(alice()).when().get("/templates/" + id + "/scene.excalidraw").then().statusCode(200)
                .header("Content-Disposition", containsString("ad-click-prediction-reference.excalidraw"));
    }

    @Test
    void candidatesAndGuestsNeverSeeTheGalleryOrItsInterviewerNotes() {
        given().auth().oauth2(oidc.getAccessToken("bob", "bob")).when().get("/templates").then().statusCode(403);
        given().redirects().follow(false).when().get("/templates").then().statusCode(302);
    }

    @Test
    void theLobbySavesItsBoardAsATemplate() {
        String alice = alice();
        Map<String, Object> session = given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("title", "Lobby save", "template", "block-online-vs-batch-inference"))
                .when().post("/api/sessions").then().statusCode(201).extract().as(Map.class);
        String location = given().auth().oauth2(alice).redirects().follow(false)
                .formParam("boardId", session.get("boardId")).formParam("title", "Lobby save")
                .formParam("back", "/sessions/" + session.get("id"))
                .when().post("/templates").then().statusCode(303).extract().header("Location");
        String detail = given().auth().oauth2(alice).when().get(location).then().statusCode(200)
                .body(containsString("Edit this template")).body(containsString("Lobby save")).extract().asString();
        // time per step in the framework's order, by name; prompts nobody wrote say so
        assertThat(detail).contains("1 · Clarify requirements", "7 · Monitoring and infrastructure", "None.");
        assertThat(detail.indexOf("1 · Clarify requirements")).isLessThan(detail.indexOf("2 · Frame as an ML task"));
        assertThat(detail.indexOf("2 · Frame as an ML task")).isLessThan(detail.indexOf("3 · Data preparation"));

        String empty = given().auth().oauth2(alice).contentType("application/json").body(Map.of("title", "Blank"))
                .when().post("/api/sessions").then().extract().path("id");
        String emptyBoard = given().auth().oauth2(alice).when().get("/api/sessions/" + empty).then().extract().path("boardId");
        String back = given().auth().oauth2(alice).redirects().follow(false)
                .formParam("boardId", emptyBoard).formParam("title", "Blank").formParam("back", "/sessions/" + empty)
                .when().post("/templates").then().statusCode(303).extract().header("Location");
        given().auth().oauth2(alice).urlEncodingEnabled(false).when().get(back).then().statusCode(200)
                .body(containsString("Not saved as a template: A template needs at least one element"));
    }
}
