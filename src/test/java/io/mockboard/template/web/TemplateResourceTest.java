package io.mockboard.template.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.mockboard.session.TestSessions;
import io.mockboard.sync.BoardLog;
import io.mockboard.sync.ws.Frames;
import io.mockboard.sync.ws.WsTestClient;
import io.mockboard.template.catalog.Catalog;
import io.mockboard.template.catalog.TemplateDefinition;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalog in the database, seeding sessions from templates, and saving a board as a template. */
@QuarkusTest
class TemplateResourceTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    String alice;

    @AfterAll
    static void close() {
        oidc.close();
    }

    @BeforeEach
    void signIn() {
        alice = oidc.getAccessToken("alice", "alice");
    }

    private String templateId(String slug) {
        return given().auth().oauth2(alice).when().get("/api/templates").then().statusCode(200)
                .extract().path("find { it.slug == '" + slug + "' }.id");
    }

    private List<String> sceneIds(String boardId) {
        return given().auth().oauth2(alice).when().get("/api/boards/" + boardId + "/scene").then().statusCode(200)
                .extract().path("elements.id");
    }

    private String createSession(String title, String template) {
        return given().auth().oauth2(alice).contentType("application/json").body(Map.of("title", title, "template", template))
                .when().post("/api/sessions").then().statusCode(201).extract().path("boardId");
    }

    @Test
    void theShippedCatalogIsLoadedInGalleryOrderWithItsCounts() {
        List<String> slugs = Catalog.templates().stream().map(TemplateDefinition::slug).toList();
        List<String> listed = given().auth().oauth2(alice).when().get("/api/templates").then().statusCode(200)
                .extract().path("findAll { it.slug != null }.slug");
        assertThat(listed).isEqualTo(slugs);
        TemplateDefinition adClick = Catalog.templates().stream().filter(t -> t.slug().equals("ad-click-prediction-reference"))
                .findFirst().orElseThrow();
        given().auth().oauth2(alice).when().get("/api/templates/" + templateId("ad-click-prediction-reference")).then()
                .statusCode(200)
                .body("elementCount", equalTo(adClick.scene().elements().size()))
                .body("componentCount", org.hamcrest.Matchers.greaterThan(10))
                .body("stepBudgets.model", equalTo(12));
    }

    @Test
    void theGalleryFiltersByFrameworkCaseStudyAndKind() {
        given().auth().oauth2(alice).queryParam("framework", "system-design").when().get("/api/templates").then()
                .body("slug", org.hamcrest.Matchers.hasItem("system-design-scaffold"))
                .body("findAll { it.slug != null }", hasSize(1));
        given().auth().oauth2(alice).queryParam("caseStudy", "ad-click-prediction").when().get("/api/templates").then()
                .body("slug", org.hamcrest.Matchers.containsInAnyOrder("ad-click-prediction-blank", "ad-click-prediction-reference"));
        given().auth().oauth2(alice).queryParam("variant", "building-block").when().get("/api/templates").then()
                .body("$", hasSize(4));
        given().auth().oauth2(oidc.getAccessToken("bob", "bob")).when().get("/api/templates").then().statusCode(403);
    }

    @Test
    void aSessionFromATemplateStartsWithTheTemplateAsItsFirstOpsOnEveryonesBoard() throws Exception {
        String template = templateId("visual-search-reference");
        List<String> expected = given().auth().oauth2(alice).when().get("/api/templates/" + template + "/scene").then()
                .statusCode(200).extract().path("elements.id");
        String session = given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("title", "From a template", "template", "visual-search-reference"))
                .when().post("/api/sessions").then().statusCode(201).body("templateId", equalTo(template)).extract().path("id");
        String boardId = given().auth().oauth2(alice).when().get("/api/sessions/" + session).then().extract().path("boardId");
        assertThat(sceneIds(boardId)).containsExactlyInAnyOrderElementsOf(expected);

        try (var c = dataSource.getConnection(); var s = c.createStatement();
                var rows = s.executeQuery("select min(seq), max(seq), count(*), min(client_id), max(author) from board_op where board_id = '"
                        + boardId + "'")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1);
            assertThat(rows.getLong(2)).isEqualTo(expected.size());
            assertThat(rows.getLong(3)).isEqualTo(expected.size());
            assertThat(rows.getString(4)).isEqualTo(BoardLog.SEED_CLIENT_ID);
            assertThat(rows.getString(5)).isEqualTo("template:visual-search-reference");
        }

        String guest = TestSessions.joinAsGuest(TestSessions.link(alice, session, "candidate", false), "Cam");
        URI ws = URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + boardId + "/sync");
        try (WsTestClient cam = WsTestClient.connect(ws, Map.of("Cookie", "mockboard_guest=" + guest));
                WsTestClient interviewer = WsTestClient.connect(ws, alice)) {
            for (WsTestClient client : List.of(cam, interviewer)) {
                client.send(Frames.hello("c" + System.identityHashCode(client), 0));
                var welcome = client.await("welcome");
                List<String> ids = new ArrayList<>();
                welcome.path("ops").forEach(op -> op.path("elements").forEach(e -> ids.add(e.path("id").asText())));
                welcome.path("snapshot").path("elements").forEach(e -> ids.add(e.path("id").asText()));
                assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void anUnknownTemplateIsAClearError() {
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("title", "x", "template", "no-such-template"))
                .when().post("/api/sessions").then().statusCode(400).body("detail", containsString("no template 'no-such-template'"));
    }

    @Test
    void aBoardSavedAsATemplateSeedsTheNextSessionAndOnlyItsOwnerChangesIt() {
        String board = createSession("Whiteboard to keep", "block-feature-store");
        List<String> original = sceneIds(board);
        String saved = given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("boardId", board, "title", "My feature store drill", "description", "Dynamic vs static features"))
                .when().post("/api/templates").then().statusCode(201)
                .body("variant", equalTo("saved")).body("elementCount", equalTo(original.size())).extract().path("id");

        String next = createSession("Second round", saved);
        assertThat(sceneIds(next)).containsExactlyInAnyOrderElementsOf(original);

        String dave = oidc.getAccessToken("dave", "dave");
        Map<String, String> rename = Map.of("title", "Feature store drill v2", "framework", "system-design");
        given().auth().oauth2(dave).contentType("application/json").body(rename).when().put("/api/templates/" + saved)
                .then().statusCode(403);
        given().auth().oauth2(alice).contentType("application/json").body(rename).when().put("/api/templates/" + saved)
                .then().statusCode(200).body("title", equalTo("Feature store drill v2"))
                .body("stepBudgets.size()", equalTo(4));
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("title", "")).when().put("/api/templates/" + saved)
                .then().statusCode(400).body("detail", containsString("1 to 200"));
        given().auth().oauth2(dave).when().delete("/api/templates/" + saved).then().statusCode(403);
        given().auth().oauth2(alice).when().delete("/api/templates/" + templateId("visual-search-blank")).then().statusCode(403)
                .body("detail", containsString("Shipped templates cannot be changed"));
        given().auth().oauth2(alice).when().delete("/api/templates/" + saved).then().statusCode(204);
        given().auth().oauth2(alice).when().get("/api/templates/" + saved).then().statusCode(404);
    }

    @Test
    void anEmptyBoardOrSomeoneElsesBoardCannotBeSaved() {
        String empty = TestSessions.create(alice, "Nothing drawn").boardId();
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("boardId", empty, "title", "Empty"))
                .when().post("/api/templates").then().statusCode(400).body("detail", containsString("at least one element"));
        given().auth().oauth2(oidc.getAccessToken("dave", "dave")).contentType("application/json")
                .body(Map.of("boardId", empty, "title", "Not mine")).when().post("/api/templates").then().statusCode(404);
    }

    @Test
    void everyParticipantGetsTheComponentLibrary() {
        String session = TestSessions.create(alice, "Library").id();
        String guest = TestSessions.joinAsGuest(TestSessions.link(alice, session, "candidate", false), "Cam");
        given().cookie("mockboard_guest", guest).when().get("/api/templates/library").then().statusCode(200)
                .body("type", equalTo("excalidrawlib")).body("libraryItems", hasSize(26))
                .body("libraryItems[0].elements[0].customData.kind", org.hamcrest.Matchers.notNullValue());
        given().when().get("/api/templates/library").then().statusCode(401);
    }
}
