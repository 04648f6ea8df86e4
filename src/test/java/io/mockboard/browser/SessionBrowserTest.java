package io.mockboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An interviewer sets up a session on the pages and invites a candidate, who joins from another browser by name. */
@QuarkusTest
class SessionBrowserTest {
    static Browsers browsers;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void start() {
        browsers = Browsers.startOrSkip();
    }

    @AfterAll
    static void stop() {
        if (browsers != null) {
            browsers.close();
        }
    }

    @Test
    void interviewerCopiesTheCandidateLinkAndTheCandidateJoinsTheBoardByName() {
        BrowserContext interviewerBrowser = browsers.newContext(new Browser.NewContextOptions()
                .setPermissions(List.of("clipboard-read", "clipboard-write")));
        Page alice = interviewerBrowser.newPage();
        alice.navigate(root + "login?next=/home");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("alice").setExact(true)).click();
        alice.waitForURL("**/home");
        Browsers.screenshot(alice, "dashboard");

        alice.locator("a:text('New session')").click();
        alice.locator("button:text('Create session')").click();
        assertThat(alice.locator("#form-error").textContent()).contains("1 to 200 characters");
        alice.locator("#scheduled").fill("2026-12-01T15:30");
        alice.locator("#level").selectOption("senior");
        Browsers.screenshot(alice, "new-session-form-error");
        alice.locator("#title").fill("Feed ranking mock with Cam");
        alice.locator("button:text('Create session')").click();
        alice.waitForURL("**/sessions/*");
        String sessionId = alice.url().substring(alice.url().lastIndexOf('/') + 1);
        assertThat(alice.locator("[data-testid='session-state']").textContent()).isEqualTo("scheduled");

        SessionFlow.createLink(alice, "candidate");
        alice.locator("button:text('Copy link')").click();
        alice.locator("button:text('Copied')").waitFor();
        String copied = (String) alice.evaluate("() => navigator.clipboard.readText()");
        assertThat(copied).isEqualTo(alice.locator("[data-testid='new-link']").inputValue()).contains("/join/");
        alice.locator("button:text('Start session')").click();
        alice.locator("[data-testid='session-state']:text('live')").waitFor();
        Browsers.screenshot(alice, "lobby");

        BrowserContext candidateBrowser = browsers.newContext();
        Page join = candidateBrowser.newPage();
        join.navigate(copied);
        assertThat(join.locator("h1").textContent()).isEqualTo("Feed ranking mock with Cam");
        join.locator("button:text('Join the board')").click();
        assertThat(join.locator("#name-error").textContent()).contains("Enter your name");
        Browsers.screenshot(join, "join-page");
        join.close();
        Page cam = SessionFlow.joinAsGuest(candidateBrowser, copied, "Cam");
        cam.locator(".board-title:text('Feed ranking mock with Cam')").waitFor();
        assertThat(cam.locator("[data-testid='you']").textContent()).isEqualTo("Camcandidate");

        alice.locator("a:text('Open the board')").click();
        alice.locator("[data-testid='sync-status'][data-state='live']").waitFor();
        cam.evaluate("() => { const api = window.mockboard.excalidraw; api.updateScene({ elements: [...api.getSceneElements(),"
                + " { id: 'cam-box', type: 'rectangle', x: 100, y: 100, width: 160, height: 90, angle: 0, strokeColor: '#1e1e1e',"
                + " backgroundColor: 'transparent', fillStyle: 'solid', strokeWidth: 2, strokeStyle: 'solid', roughness: 1, opacity: 100,"
                + " groupIds: [], frameId: null, index: 'a0', roundness: null, seed: 1, version: 1, versionNonce: 1, isDeleted: false,"
                + " boundElements: null, updated: 1, link: null, locked: false }] }); }");
        alice.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().some(e => e.id === 'cam-box')");
        alice.waitForFunction("() => window.mockboard.excalidraw.getAppState().collaborators.size >= 1");
        Browsers.screenshot(cam, "guest-on-board");

        Page lobby = interviewerBrowser.newPage();
        lobby.navigate(alice.url().replaceAll("/b/.*", "") + "/sessions/" + sessionId);
        lobby.locator("#people .people li:has-text('Cam (candidate)')").waitFor();
        cam.close();
        // the people panel follows the board by itself
        lobby.locator("#people li:has-text('Cam (candidate)')").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        interviewerBrowser.close();
        candidateBrowser.close();
    }
}
