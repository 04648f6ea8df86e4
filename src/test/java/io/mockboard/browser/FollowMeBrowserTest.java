package io.mockboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.mockboard.session.TestSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Everyone follow me": the interviewer brings the candidate's view to theirs, and the candidate can stop following. */
@QuarkusTest
class FollowMeBrowserTest {
    static Browsers browsers;
    static final OidcTestClient oidc = new OidcTestClient();

    /** The centre of the page's view, in scene coordinates (follow mode shares it; the pages differ in width). */
    private static final String VIEW_CENTRE = "() => { const s = window.mockboard.excalidraw.getAppState();"
            + " return -s.scrollX + s.width / s.zoom.value / 2; }";

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
    void followMeMovesTheCandidatesViewUntilTheyStop() {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = SessionFlow.startedSession(alice, "Follow me");
        String link = TestSessions.link(alice, session.id(), "candidate", false);
        Page cam = SessionFlow.joinAsGuest(browsers.newContext(), link, "Cam");
        Page interviewer = browsers.newContext().newPage();
        interviewer.navigate(root + "b/" + session.boardId());
        interviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("alice").setExact(true)).click();
        interviewer.locator("[data-testid='sync-status'][data-state='live']").waitFor();
        cam.locator("[data-testid='sync-status'][data-state='live']").waitFor();

        interviewer.evaluate("() => window.mockboard.excalidraw.updateScene({ appState: { scrollX: -1500, scrollY: -900 } })");
        interviewer.locator("[data-testid='follow-me']").click();
        cam.locator("[data-testid='following']:has-text('Following')").waitFor();
        cam.waitForFunction("c => Math.abs((" + VIEW_CENTRE + ")() - c) < 2", centre(interviewer));
        assertThat(interviewer.locator("[data-testid='follow-me']").getAttribute("aria-pressed")).isEqualTo("true");

        // the interviewer moves on: the candidate's view goes along
        interviewer.evaluate("() => window.mockboard.excalidraw.updateScene({ appState: { scrollX: -3200, scrollY: -900 } })");
        double followed = centre(interviewer);
        cam.waitForFunction("c => Math.abs((" + VIEW_CENTRE + ")() - c) < 2", followed);
        Browsers.screenshot(cam, "follow-me-following");

        // Stop: the candidate looks around on their own again
        cam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop")).click();
        cam.locator("[data-testid='following']").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        interviewer.evaluate("() => window.mockboard.excalidraw.updateScene({ appState: { scrollX: -6000, scrollY: -900 } })");
        // the interviewer's next presence (their cursor over there) reaches the candidate: their view stays put
        interviewer.mouse().move(400, 400);
        interviewer.mouse().move(420, 410);
        cam.waitForFunction("() => [...window.mockboard.excalidraw.getAppState().collaborators.values()]"
                + ".some(c => c.pointer && c.pointer.x > 5000)");
        assertThat(centre(cam)).isBetween(followed - 2, followed + 2);

        interviewer.locator("[data-testid='follow-me']").click();
        assertThat(interviewer.locator("[data-testid='follow-me']").textContent()).isEqualTo("Follow me");
    }

    private static double centre(Page page) {
        return ((Number) page.evaluate(VIEW_CENTRE)).doubleValue();
    }
}
