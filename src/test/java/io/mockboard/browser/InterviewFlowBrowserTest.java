package io.mockboard.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.mockboard.session.TestSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A mock interview in two browsers: the interviewer runs the steps and writes a pinned note while the candidate draws. */
@QuarkusTest
class InterviewFlowBrowserTest {
    static Browsers browsers;
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void start() {
        browsers = Browsers.startOrSkip();
    }

    @AfterAll
    static void stop() {
        oidc.close();
        if (browsers != null) {
            browsers.close();
        }
    }

    @Test
    void interviewerAdvancesStepsAndPinsAPrivateNoteWhileTheCandidateDraws() {
        String alice = oidc.getAccessToken("alice", "alice");
        Map<String, String> session = given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("title", "Feed ranking mock", "template", "ml-system-design-scaffold"))
                .when().post("/api/sessions").then().statusCode(201).extract().as(Map.class);
        given().auth().oauth2(alice).when().post("/api/sessions/" + session.get("id") + "/start").then().statusCode(200);
        String link = TestSessions.link(alice, session.get("id"), "candidate", false);

        Page cam = SessionFlow.joinAsGuest(browsers.newContext(), link, "Cam");
        Page interviewer = browsers.newContext().newPage();
        interviewer.navigate(root + "b/" + session.get("boardId"));
        interviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("alice").setExact(true)).click();
        interviewer.locator("[data-testid='sync-status'][data-state='live']").waitFor();

        interviewer.locator("[data-testid='step-bar'][data-step='clarify']").waitFor();
        cam.locator("[data-testid='step-bar'][data-step='clarify']").waitFor();
        assertThat(cam.locator("[data-testid='interviewer-panel']").count()).isZero();
        assertThat(cam.locator("button[aria-label='Next step']").count()).as("candidates cannot move steps").isZero();

        // the candidate draws while the interviewer moves on, by button and by keyboard
        cam.evaluate("() => { const api = window.mockboard.excalidraw; api.updateScene({ elements: [...api.getSceneElementsIncludingDeleted(),"
                + " { id: 'cam-store', type: 'ellipse', x: 2200, y: 200, width: 160, height: 90, angle: 0, strokeColor: '#1e1e1e',"
                + " backgroundColor: 'transparent', fillStyle: 'solid', strokeWidth: 2, strokeStyle: 'solid', roughness: 1, opacity: 100,"
                + " groupIds: [], frameId: null, index: 'b99', roundness: null, seed: 1, version: 1, versionNonce: 1, isDeleted: false,"
                + " boundElements: null, updated: 1, link: null, locked: false }] }); }");
        interviewer.locator("button[aria-label='Next step']").click();
        cam.locator("[data-testid='step-bar'][data-step='frame-as-ml-task']").waitFor();
        interviewer.locator("body").press("Alt+Shift+ArrowRight");
        cam.locator("[data-testid='step-bar'][data-step='data']").waitFor();
        interviewer.locator("[data-testid='go-model']").click();
        cam.locator("[data-testid='step-bar'][data-step='model']").waitFor();

        // a note pinned to the candidate's ellipse, written from the keyboard
        interviewer.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().some(e => e.id === 'cam-store')");
        interviewer.evaluate("() => window.mockboard.excalidraw.updateScene({ appState: { selectedElementIds: { 'cam-store': true } } })");
        interviewer.locator("body").press("Alt+n");
        interviewer.locator("#note-body").fill("Feature store without a streaming path: ask about freshness");
        interviewer.locator("select[aria-label='Rubric criterion']").selectOption("data");
        interviewer.locator("#note-body").press("Control+Enter");
        interviewer.locator("[data-testid='notes'] li:has-text('ask about freshness')").waitFor();
        assertThat(interviewer.locator("[data-testid='notes'] li button.link").textContent()).contains("1 pinned element");
        Browsers.screenshot(interviewer, "interviewer-panel");
        Browsers.screenshot(cam, "candidate-step-bar");

        // a hint card: hidden from the candidate until the interviewer reveals it
        String cardText = "() => window.mockboard.excalidraw.getSceneElements().some(e => e.type === 'text' && e.text.includes('Traffic is now 100'))";
        assertThat(cam.evaluate(cardText)).isEqualTo(false);
        assertThat(cam.content()).doesNotContain("Traffic is now 100");
        interviewer.locator("[data-testid='hint-0'] button:text('Reveal on the board')").click();
        interviewer.locator("[data-testid='hint-0'] button:has-text('Revealed')").waitFor();
        cam.waitForFunction(cardText);
        Browsers.screenshot(cam, "candidate-sees-revealed-card");

        given().auth().oauth2(alice).when().get("/api/sessions/" + session.get("id") + "/notes").then().statusCode(200)
                .body("[0].elementIds[0]", org.hamcrest.Matchers.equalTo("cam-store"))
                .body("[0].criterion", org.hamcrest.Matchers.equalTo("data"));
        assertThat(cam.content()).doesNotContain("ask about freshness");
        given().auth().oauth2(alice).when().get("/api/sessions/" + session.get("id") + "/flow").then()
                .body("moves.step", org.hamcrest.Matchers.contains("clarify", "frame-as-ml-task", "data", "model"));

        // the scorecard, filled in the panel while the candidate keeps drawing, then submitted
        interviewer.locator("[data-testid='tab-scorecard']").click();
        var criteria = interviewer.locator("[data-testid^='criterion-'] .levels");
        criteria.first().waitFor();
        int count = criteria.count();
        assertThat(count).isEqualTo(8);
        for (int i = 0; i < count; i++) {
            criteria.nth(i).locator("label").nth(2).click(); // "Strong"
        }
        interviewer.locator("[data-testid='criterion-data'] textarea").fill("Streaming features only after a hint");
        interviewer.locator("[data-testid='criterion-data'] select").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setIndex(1));
        interviewer.locator("label.level:has(input[name='recommendation'][value='hire'])").click();
        interviewer.locator("text=Draft saved").waitFor();
        Browsers.screenshot(interviewer, "scorecard-panel");
        interviewer.onDialog(dialog -> dialog.accept());
        interviewer.locator("button:text('Submit scorecard')").click();
        interviewer.locator("[data-testid='scorecard-submitted']").waitFor();
        given().auth().oauth2(alice).when().get("/api/sessions/" + session.get("id") + "/scorecard").then()
                .body("status", org.hamcrest.Matchers.equalTo("submitted"))
                .body("recommendation", org.hamcrest.Matchers.equalTo("hire"))
                .body("weightedScore", org.hamcrest.Matchers.equalTo(3.0f))
                .body("scores.find { it.criterion == 'data' }.noteIds", org.hamcrest.Matchers.hasSize(1));
        assertThat(cam.content()).doesNotContain("Streaming features only after a hint");

        interviewer.navigate(root + "sessions/" + session.get("id") + "/scorecards");
        interviewer.locator("[data-testid='sheet']").waitFor();
        Browsers.screenshot(interviewer, "scorecards-printable");
        interviewer.navigate(root + "rubrics");
        interviewer.locator("tr:has-text('ML system design') button:text('Copy')").click();
        interviewer.locator("button:text('Save as version 2')").waitFor();
        Browsers.screenshot(interviewer, "rubric-editor");
    }
}
