package io.mockboard.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.mockboard.session.TestSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The board's menu, export name and keyboard, as a candidate and an interviewer meet them. */
@QuarkusTest
class BoardMenuBrowserTest {
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
    void nobodyCanLoadAFileOverOrResetTheBoardAndExportsAreNamedAfterIt() {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = SessionFlow.startedSession(alice, "Feed ranking mock");
        Page cam = SessionFlow.joinAsGuest(browsers.newContext(), TestSessions.link(alice, session.id(), "candidate", false), "Cam");

        cam.locator("[data-testid='main-menu-trigger']").click();
        var menu = cam.locator(".dropdown-menu");
        menu.waitFor();
        String items = menu.textContent();
        assertThat(items).contains("Mockboard home").contains("Export image");
        assertThat(items).doesNotContain("Open").doesNotContain("Reset the canvas").doesNotContain("GitHub")
                .doesNotContain("Follow us").doesNotContain("Discord");
        Browsers.screenshot(cam, "board-menu-candidate");
        cam.keyboard().press("Escape");
        cam.locator(".board-title:text('Feed ranking mock')").waitFor();
        cam.waitForFunction("() => window.mockboard.excalidraw.getName() === 'Feed ranking mock'");
    }

    @Test
    void altNWithThePanelClosedOpensItOnANewNote() {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = SessionFlow.startedSession(alice, "Notes by keyboard");
        Page page = SessionFlow.signedInBoard(browsers.newContext(), root, session.boardId(), "alice");
        page.locator("[data-testid='interviewer-panel']").waitFor();
        page.locator("body").press("Alt+i");
        page.locator("[data-testid='interviewer-panel']").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        page.locator("body").press("Alt+n");
        page.locator("[data-testid='interviewer-panel']").waitFor();
        page.waitForFunction("() => document.activeElement?.id === 'note-body'");

        given().when().get("/favicon.ico").then().statusCode(200);
    }
}
