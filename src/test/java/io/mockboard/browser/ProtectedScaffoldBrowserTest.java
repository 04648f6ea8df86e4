package io.mockboard.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.mockboard.session.TestSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** [S12] A template's scaffold on the page: the candidate cannot move it, the interviewer can unprotect it. */
@QuarkusTest
class ProtectedScaffoldBrowserTest {
    static Browsers browsers;
    static final OidcTestClient oidc = new OidcTestClient();

    /** The first protected step frame: its id and where it is, in scene coordinates. */
    private static final String FIRST_FRAME = """
            () => { const f = window.mockboard.excalidraw.getSceneElements()
                .find(e => e.type === 'frame' && e.customData?.protected);
              return f ? { id: f.id, x: f.x, y: f.y } : null; }""";

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
    void theCandidatesDragOfAProtectedFrameSnapsBackUntilTheInterviewerUnprotectsIt() {
        String alice = oidc.getAccessToken("alice", "alice");
        @SuppressWarnings("unchecked")
        Map<String, String> session = given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("title", "Scaffold mock", "template", "ml-system-design-scaffold"))
                .when().post("/api/sessions").then().statusCode(201).extract().as(Map.class);
        given().auth().oauth2(alice).when().post("/api/sessions/" + session.get("id") + "/start").then().statusCode(200);
        String link = TestSessions.link(alice, session.get("id"), "candidate", false);

        Page cam = SessionFlow.joinAsGuest(browsers.newContext(), link, "Cam");
        Page interviewer = browsers.newContext().newPage();
        interviewer.navigate(root + "b/" + session.get("boardId"));
        interviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("alice").setExact(true)).click();
        interviewer.locator("[data-testid='sync-status'][data-state='live']").waitFor();
        cam.locator("[data-testid='sync-status'][data-state='live']").waitFor();

        // everyone sees the locks; only the interviewer gets Protect / Unprotect
        cam.locator("[data-testid='protected-badge']").first().waitFor();
        assertThat(cam.locator("[data-testid='protected-badge']").count()).isGreaterThanOrEqualTo(7);
        assertThat(interviewer.locator("[data-testid='protected-badge']").count()).isGreaterThanOrEqualTo(7);
        @SuppressWarnings("unchecked")
        Map<String, Object> frame = (Map<String, Object>) cam.evaluate(FIRST_FRAME);
        double x = ((Number) frame.get("x")).doubleValue();

        dragFrameByName(cam, frame, 220);
        cam.locator(".notice.error:has-text('protected by the interviewer')").waitFor();
        cam.waitForFunction("([id, x]) => window.mockboard.excalidraw.getSceneElements().find(e => e.id === id).x === x",
                List.of(frame.get("id"), x));
        cam.locator("[data-testid='sync-status'][data-state='live']:text('all changes saved')").waitFor();
        Browsers.screenshot(cam, "protected-frame-snapped-back");
        assertThat(frameX(alice, session.get("boardId"), (String) frame.get("id"))).as("the server's scene is unchanged").isEqualTo(x);

        // the interviewer selects the frame and unprotects it (Alt+P does the same); now the candidate may move it
        interviewer.evaluate("id => window.mockboard.excalidraw.updateScene({ appState: { selectedElementIds: { [id]: true } } })",
                frame.get("id"));
        interviewer.locator("[data-testid='protect-toggle']:text('Unprotect')").waitFor();
        Browsers.screenshot(interviewer, "protect-toggle-selected-frame");
        // Unprotect from the context menu on the frame's top edge (the top bar's button and Alt+P do the same; the
        // selection's properties panel covers the frame's name)
        double[] edge = frameTopEdge(interviewer, frame);
        interviewer.mouse().click(edge[0], edge[1], new Mouse.ClickOptions().setButton(com.microsoft.playwright.options.MouseButton.RIGHT));
        interviewer.locator("[data-testid='protect-context'] button:has-text('Unprotect')").waitFor();
        Browsers.screenshot(interviewer, "protect-context-menu");
        interviewer.locator("[data-testid='protect-context'] button").click();
        interviewer.locator(".context-menu").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        cam.waitForFunction("id => !window.mockboard.excalidraw.getSceneElements().find(e => e.id === id).customData?.protected",
                frame.get("id"));

        // now the candidate moves it (by keyboard this time: Shift+→ moves the selection 5 px)
        cam.evaluate("id => window.mockboard.excalidraw.updateScene({ appState: { selectedElementIds: { [id]: true } } })", frame.get("id"));
        for (int i = 0; i < 30; i++) {
            cam.keyboard().press("Shift+ArrowRight");
        }
        cam.waitForFunction("([id, x]) => window.mockboard.excalidraw.getSceneElements().find(e => e.id === id).x > x + 100",
                List.of(frame.get("id"), x));
        cam.locator("[data-testid='sync-status'][data-state='live']:text('all changes saved')").waitFor();
        assertThat(frameX(alice, session.get("boardId"), (String) frame.get("id"))).isGreaterThan(x + 100);
    }

    /** Drags a frame by its name (drawn just above its top-left corner) by {@code dx} screen pixels. */
    private static void dragFrameByName(Page page, Map<String, Object> frame, int dx) {
        double[] name = frameName(page, frame);
        double fromX = name[0];
        double fromY = name[1];
        page.mouse().move(fromX, fromY);
        page.mouse().down();
        page.mouse().move(fromX + dx, fromY + 40, new Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
    }

    /** Where a frame's name is drawn on the page (just above its top-left corner). */
    private static double[] frameName(Page page, Map<String, Object> frame) {
        return onPage(page, frame, "(f.x + s.scrollX) * z + 10", "(f.y + s.scrollY) * z - 8");
    }

    /** The middle of a frame's top edge on the page. */
    private static double[] frameTopEdge(Page page, Map<String, Object> frame) {
        return onPage(page, frame, "(f.x + f.width / 2 + s.scrollX) * z", "(f.y + s.scrollY) * z");
    }

    /** A point of a frame, given as expressions of the frame {@code f}, the app state {@code s} and the zoom {@code z}. */
    private static double[] onPage(Page page, Map<String, Object> frame, String x, String y) {
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) page.evaluate("""
                id => { const api = window.mockboard.excalidraw; const s = api.getAppState();
                  const f = api.getSceneElements().find(e => e.id === id); const z = s.zoom.value;
                  return { x: %s, y: %s }; }""".formatted(x, y), frame.get("id"));
        var box = page.locator("canvas.interactive").boundingBox();
        return new double[] {box.x + ((Number) at.get("x")).doubleValue(), box.y + ((Number) at.get("y")).doubleValue()};
    }

    private static double frameX(String token, String boardId, String frameId) {
        List<Map<String, Object>> elements = given().auth().oauth2(token).when().get("/api/boards/" + boardId + "/scene")
                .then().statusCode(200).extract().path("elements");
        return elements.stream().filter(e -> frameId.equals(e.get("id"))).map(e -> ((Number) e.get("x")).doubleValue())
                .findFirst().orElseThrow();
    }
}
