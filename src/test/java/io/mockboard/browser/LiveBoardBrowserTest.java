package io.mockboard.browser;

import static io.restassured.RestAssured.given;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two people in two browsers on one board: what one draws, the other sees. */
@QuarkusTest
class LiveBoardBrowserTest {
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
    void whatOneDrawsTheOtherSees() {
        String boardId = given().auth().oauth2(oidc.getAccessToken("alice", "alice")).contentType("application/json")
                .body(Map.of("title", "two browsers")).when().post("/api/boards").then().statusCode(201).extract().path("id");
        Page alice = openSignedIn(boardId, "alice");
        Page bob = openSignedIn(boardId, "bob");
        bob.locator(".board-title:text('two browsers')").waitFor();

        draw(alice, "rectangle", 420, 220);
        bob.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().some(e => e.type === 'rectangle')");

        draw(bob, "ellipse", 700, 420);
        alice.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().some(e => e.type === 'ellipse')");
        alice.waitForFunction("() => window.mockboard.sync.unsent === 0");
        Browsers.screenshot(alice, "live-board-alice");
        Browsers.screenshot(bob, "live-board-bob");
    }

    private Page openSignedIn(String boardId, String user) {
        Page page = browsers.newPage();
        page.navigate(root + "b/" + boardId);
        // the OIDC dev service's sign-in page has one button per user
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(user).setExact(true)).click();
        page.waitForURL("**/b/" + boardId);
        page.locator("[data-testid='sync-status'][data-state='live']").waitFor();
        return page;
    }

    private static void draw(Page page, String tool, int x, int y) {
        page.locator("label:has([data-testid='toolbar-" + tool + "'])").click();
        Locator canvas = page.locator("canvas.interactive");
        var box = canvas.boundingBox();
        page.mouse().move(box.x + x, box.y + y);
        page.mouse().down();
        page.mouse().move(box.x + x + 160, box.y + y + 100, new Mouse.MoveOptions().setSteps(6));
        page.mouse().up();
    }
}
