package io.mockboard.rubric.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The rubric editor: copy a shipped rubric, edit criteria, levels and weights; each save is a version. */
@QuarkusTest
class RubricPagesTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @AfterAll
    static void close() {
        oidc.close();
    }

    @Test
    void theRubricListShowsTheShippedRubricsAndYourOwnCopiesWithTheirOwner() {
        String dave = oidc.getAccessToken("dave", "dave");
        String alice = oidc.getAccessToken("alice", "alice");
        String shipped = given().auth().oauth2(dave).when().get("/api/rubrics").then().extract().path("find { it.slug == 'ml-system-design' }.id");
        String davesCopy = given().auth().oauth2(dave).contentType("application/json").body(Map.of("title", "Dave's private draft"))
                .when().post("/api/rubrics/" + shipped + "/copy").then().statusCode(201).extract().path("id");

        List<String> alicesList = given().auth().oauth2(alice).when().get("/api/rubrics").then().statusCode(200).extract().path("id");
        org.assertj.core.api.Assertions.assertThat(alicesList).contains(shipped).doesNotContain(davesCopy);
        given().auth().oauth2(alice).when().get("/rubrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("private draft"))).body(containsString("shipped"));
        given().auth().oauth2(dave).when().get("/rubrics").then().statusCode(200)
                .body(containsString("Dave&#39;s private draft")).body(containsString("<td>you</td>"));
        List<String> carolsList = given().auth().oauth2(oidc.getAccessToken("carol", "carol")).when().get("/api/rubrics").then()
                .statusCode(200).extract().path("id");
        org.assertj.core.api.Assertions.assertThat(carolsList).as("an admin sees every rubric").contains(davesCopy);
        // still readable by id: a session can use a colleague's rubric
        given().auth().oauth2(alice).when().get("/api/rubrics/" + davesCopy).then().statusCode(200);
    }

    @Test
    void anInterviewerCopiesTheShippedRubricAndEditsTheCopyInTheForm() {
        String alice = oidc.getAccessToken("alice", "alice");
        given().auth().oauth2(alice).when().get("/rubrics").then().statusCode(200)
                .body(containsString("ML system design")).body(containsString("General system design"));
        String shipped = given().auth().oauth2(alice).when().get("/api/rubrics").then().extract().path("find { it.slug == 'ml-system-design' }.id");
        given().auth().oauth2(alice).when().get("/rubrics/" + shipped).then().statusCode(200)
                .body(containsString("A shipped rubric: copy it to change it"));

        String editor = given().auth().oauth2(alice).redirects().follow(false).when().post("/rubrics/" + shipped + "/copy")
                .then().statusCode(303).extract().header("Location");
        String copy = editor.substring(editor.lastIndexOf('/') + 1);
        given().auth().oauth2(alice).when().get("/rubrics/" + copy).then().statusCode(200).body(containsString("Save as version 2"));

        Map<String, Object> content = given().auth().oauth2(alice).when().get("/api/rubrics/" + copy).then().extract().path("content");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> criteria = (List<Map<String, Object>>) content.get("criteria");
        Map<String, String> form = new HashMap<>(Map.of("title", "Staff-level ML rubric", "framework", "ml-system-design", "description", ""));
        for (int i = 0; i < criteria.size(); i++) {
            Map<String, Object> c = criteria.get(i);
            String p = "c." + i + ".";
            form.put(p + "id", (String) c.get("id"));
            form.put(p + "title", (String) c.get("title"));
            form.put(p + "weight", String.valueOf(i == 0 ? 25 : c.get("weight")));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> levels = (List<Map<String, Object>>) c.get("levels");
            for (Map<String, Object> level : levels) {
                form.put(p + "level" + level.get("level"), (String) level.get("descriptor"));
            }
        }
        form.put("c.1.remove", "on");
        form.put("c." + criteria.size() + ".title", "Cost awareness");
        form.put("c." + criteria.size() + ".weight", "5");
        for (int level = 1; level <= 4; level++) {
            form.put("c." + criteria.size() + ".level" + level, "Anchor " + level);
        }
        String savedPage = given().auth().oauth2(alice).redirects().follow(false).formParams(form).when().post("/rubrics/" + copy)
                .then().statusCode(303).header("Location", containsString("?saved")).extract().header("Location");
        given().auth().oauth2(alice).when().get(savedPage).then().statusCode(200).body(containsString("Saved as version 2"));
        given().auth().oauth2(alice).when().get("/api/rubrics/" + copy).then()
                .body("version", equalTo(2)).body("content.title", equalTo("Staff-level ML rubric"))
                .body("content.criteria", hasSize(criteria.size())).body("content.criteria[0].weight", equalTo(25))
                .body("content.criteria.id", org.hamcrest.Matchers.hasItem("cost-awareness"))
                .body("content.criteria.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(criteria.get(1).get("id"))));

        form.put("c.0.level2", "");
        given().auth().oauth2(alice).formParams(form).when().post("/rubrics/" + copy).then().statusCode(400)
                .body(containsString("level 2 needs a descriptor"));
        given().auth().oauth2(oidc.getAccessToken("dave", "dave")).formParams(form).when().post("/rubrics/" + copy).then().statusCode(403);
    }

    @Test
    void aNewRubricStartsWithOneCriterionToFillIn() {
        String alice = oidc.getAccessToken("alice", "alice");
        String editor = given().auth().oauth2(alice).redirects().follow(false).when().post("/rubrics/new")
                .then().statusCode(303).extract().header("Location");
        given().auth().oauth2(alice).when().get("/api/rubrics/" + editor.substring(editor.lastIndexOf('/') + 1)).then()
                .body("content.title", equalTo("Untitled rubric")).body("content.criteria", hasSize(1)).body("version", equalTo(1));
    }
}
