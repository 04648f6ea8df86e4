package io.mockboard.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.mockboard.replay.PresenceRecorder;
import io.mockboard.sync.ws.Frames;
import io.mockboard.sync.ws.WsTestClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The replay viewer plays a recorded session: markers, seeking, deep links and playback to the end. */
@QuarkusTest
class ReplayBrowserTest {
    static Browsers browsers;
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;

    @Inject
    PresenceRecorder recorder;

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

    private static final String COUNT = "() => window.mockboard?.excalidraw?.getSceneElements().length ?? -1";

    @Test
    void aRecordedSessionReplaysWithMarkersSeeksAndPlaysToTheEnd() {
        String alice = oidc.getAccessToken("alice", "alice");
        @SuppressWarnings("unchecked")
        Map<String, String> session = given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("title", "Recorded", "template", "block-two-stage-ranking")).when().post("/api/sessions").then()
                .statusCode(201).extract().as(Map.class);
        String id = session.get("id");
        int template = given().auth().oauth2(alice).when().get("/api/boards/" + session.get("boardId") + "/scene").then()
                .extract().path("elements.size()");
        given().auth().oauth2(alice).when().post("/api/sessions/" + id + "/start").then().statusCode(200);
        URI ws = URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + session.get("boardId") + "/sync");
        try (WsTestClient client = WsTestClient.connect(ws, alice)) {
            client.send(Frames.hello("recorder", 0));
            client.await("welcome");
            client.send(Map.of("t", "presence", "cursor", Map.of("x", 2100, "y", 90), "selection", List.of(),
                    "viewport", Map.of("x", 1900, "y", 0, "width", 900, "height", 500, "zoom", 1), "idle", "active"));
            client.send(Frames.push(1, Frames.rectangle("first", 1, 2000)));
            client.await("ack");
            given().auth().oauth2(alice).contentType("application/json").body(Map.of("step", "data"))
                    .when().post("/api/sessions/" + id + "/flow/step").then().statusCode(200);
            client.send(Frames.push(2, Frames.rectangle("second", 1, 2300)));
            client.await("ack");
            client.send(Frames.push(3, Frames.rectangle("third", 1, 2600)));
            client.await("ack");
        }
        given().auth().oauth2(alice).when().post("/api/sessions/" + id + "/end").then().statusCode(200);
        recorder.flush();

        Page page = browsers.newContext().newPage();
        page.navigate(root + "r/" + id);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("alice").setExact(true)).click();
        page.locator("[data-testid='player']").waitFor();
        page.waitForFunction("n => (" + COUNT + ")() === n", template + 3);
        assertThat(page.locator("[data-testid='marker-step']").count()).isEqualTo(2);
        assertThat(page.locator("[data-testid='marker-start']").count()).isEqualTo(1);
        assertThat(page.locator("[data-testid='marker-end']").count()).isEqualTo(1);
        // alice left before the session ended: at the end nobody's cursor or view is drawn
        page.waitForFunction("() => window.mockboard.excalidraw.getAppState().collaborators.size === 0");
        assertThat(page.locator("[data-testid='replay-viewport']").count()).isZero();
        // highlighting the interviewer fades the template's elements and keeps the three rectangles
        page.locator("[data-testid='highlight']").focus();
        page.locator("[data-testid='highlight'] option >> text=Interviewer").waitFor(new Locator.WaitForOptions().setState(
                com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        page.locator("[data-testid='highlight']").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Interviewer"));
        page.waitForFunction("n => window.mockboard.excalidraw.getSceneElements().filter(e => e.opacity === 15).length === n", template);
        Browsers.screenshot(page, "replay-presence-highlight");
        page.locator("[data-testid='highlight']").selectOption("");

        // the move to "data" came after the first rectangle and before the other two
        page.locator("[data-testid='marker-step'] >> nth=1").click();
        page.waitForFunction("n => (" + COUNT + ")() === n", template + 1);
        assertThat(page.url()).contains("?t=");
        // while she was on the board, her recorded cursor and viewport are drawn over it
        page.locator("[data-testid='replay-viewport']").waitFor();
        page.waitForFunction("() => window.mockboard.excalidraw.getAppState().collaborators.size === 1");
        Browsers.screenshot(page, "replay-viewer");

        page.navigate(root + "r/" + id + "?t=0");
        page.waitForFunction("n => (" + COUNT + ")() === n", template);
        page.locator("select[aria-label='Speed']").selectOption("8");
        page.keyboard().press("Space");
        page.waitForFunction("n => (" + COUNT + ")() === n", template + 3);
        page.locator("[data-testid='play'][aria-label='Play']").waitFor();

        // version history: the moment after the first rectangle becomes a board of its own
        page.navigate(root + "r/" + id);
        page.locator("[data-testid='player']").waitFor();
        page.waitForFunction("n => (" + COUNT + ")() === n", template + 3);
        page.locator("[data-testid='marker-step'] >> nth=1").click();
        page.waitForFunction("n => (" + COUNT + ")() === n", template + 1);
        page.locator("[data-testid='restore']").click();
        page.waitForURL("**/b/**");
        page.locator("[data-testid='sync-status'][data-state='live']").waitFor();
        page.waitForFunction("n => (" + COUNT + ")() === n", template + 1);

        page.navigate(root + "sessions/" + id + "/review");
        page.locator("[data-testid='step-times'] li").first().waitFor();
        assertThat(page.locator("[data-testid='step-times'] li").count()).isEqualTo(7);
        assertThat(page.evaluate("() => [...document.querySelectorAll('.bar-label')].filter(e => e.scrollWidth > e.clientWidth)"
                + ".map(e => e.textContent)").toString()).as("step names are shown whole, never cut off").isEqualTo("[]");
        Browsers.screenshot(page, "review-page");

        // a review shared with the candidate opens without an account: the replay, read-only
        String link = given().auth().oauth2(alice).contentType("application/json").body(Map.of("levels", false, "summary", false))
                .when().post("/api/sessions/" + id + "/shares").then().statusCode(201).extract().path("link");
        Page candidate = browsers.newContext().newPage();
        candidate.navigate(link);
        Browsers.screenshot(candidate, "shared-review");
        candidate.locator("[data-testid='shared-replay']").click();
        candidate.locator("[data-testid='player']").waitFor();
        candidate.waitForFunction("n => (" + COUNT + ")() === n", template + 3);
        assertThat(candidate.locator("[data-testid='restore']").count()).isZero();
        assertThat(candidate.locator("[data-testid='marker-step']").count()).isEqualTo(2);
    }
}
