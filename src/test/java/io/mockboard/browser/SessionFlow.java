package io.mockboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;

/** What an interviewer and a guest do on the session pages, step by step, as a person would in the browser. */
public final class SessionFlow {
    private SessionFlow() {}

    /** From the signed-in dashboard: New session, fill the form, land on the lobby. */
    public static void createSession(Page interviewer, String title) {
        interviewer.locator("a:text('New session')").click();
        interviewer.waitForURL("**/sessions/new");
        interviewer.locator("#title").fill(title);
        interviewer.locator("button:text('Create session')").click();
        interviewer.waitForURL("**/sessions/*");
        interviewer.locator("h1:text('" + title + "')").waitFor();
    }

    /** In the lobby: create a link for this role and return it, as shown once on the page. */
    public static String createLink(Page lobby, String role) {
        lobby.locator("#role").selectOption(role);
        lobby.locator("button:text('Create link')").click();
        return lobby.locator("[data-testid='new-link']").inputValue();
    }

    /** A second person's browser opens the link, enters a name and lands on the live board. */
    public static Page joinAsGuest(BrowserContext browser, String link, String name) {
        Page guest = browser.newPage();
        guest.navigate(link);
        guest.locator("#name").fill(name);
        guest.locator("button:text('Join the board')").click();
        guest.waitForURL("**/b/**");
        guest.locator("[data-testid='sync-status'][data-state='live']").waitFor();
        return guest;
    }

    /** A session created and started through the API by the interviewer holding this token. */
    public static io.mockboard.session.TestSessions.Created startedSession(String interviewerToken, String title) {
        io.mockboard.session.TestSessions.Created session = io.mockboard.session.TestSessions.create(interviewerToken, title);
        io.restassured.RestAssured.given().auth().oauth2(interviewerToken).when().post("/api/sessions/" + session.id() + "/start")
                .then().statusCode(200);
        return session;
    }

    /** Opens a board in this browser and signs in as {@code user} on the dev sign-in page, as a person does. */
    public static Page signedInBoard(BrowserContext browser, java.net.URL root, String boardId, String user) {
        Page page = browser.newPage();
        page.navigate(root + "b/" + boardId);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName(user).setExact(true)).click();
        page.locator("[data-testid='sync-status'][data-state='live']").waitFor();
        return page;
    }

    /** Picks a shape tool and drags a 120 × 80 shape with the mouse, from (x, y) in canvas coordinates. */
    public static void draw(Page page, String tool, int x, int y) {
        page.locator("label:has([data-testid='toolbar-" + tool + "'])").click();
        page.waitForFunction("t => window.mockboard.excalidraw.getAppState().activeTool.type === t", tool);
        Locator canvas = page.locator("canvas.interactive");
        var box = canvas.boundingBox();
        page.mouse().move(box.x + x, box.y + y);
        page.mouse().down();
        page.mouse().move(box.x + x + 120, box.y + y + 80, new Mouse.MoveOptions().setSteps(6));
        page.mouse().up();
    }

    /**
     * Both people draw while the interviewer's sign-in is renewed {@code lifetimes} times (about once per token
     * lifetime), then: every shape reached both boards, the interviewer's board went live once and never left
     * it, and both boards equal the server's scene ({@code serverScene}: the board's elements as id@version).
     */
    public static void drawAcrossTokenLifetimes(Page interviewer, Page guest, int lifetimes, int lifetimeSeconds,
            java.util.function.Supplier<List<Map<String, Object>>> serverScene) {
        for (int round = 0; round < lifetimes; round++) {
            // clear of the shape properties on the left and the interviewer panel on the right
            draw(interviewer, "rectangle", 260 + round * 120, 160);
            draw(guest, "ellipse", 260 + round * 120, 420);
            interviewer.waitForFunction("n => window.mockboard.sync.renewals > n", round,
                    new Page.WaitForFunctionOptions().setTimeout(lifetimeSeconds * 2_000.0));
        }
        String expected = "rectangle:" + lifetimes + ",ellipse:" + lifetimes;
        String count = "() => ['rectangle', 'ellipse'].map(t => t + ':' + window.mockboard.excalidraw.getSceneElements()"
                + ".filter(e => e.type === t).length).join()";
        interviewer.waitForFunction(count + " === '" + expected + "'");
        guest.waitForFunction(count + " === '" + expected + "'");
        interviewer.locator("[data-testid='sync-status'][data-state='live']:text('all changes saved')").waitFor();
        guest.locator("[data-testid='sync-status'][data-state='live']:text('all changes saved')").waitFor();
        assertThat(((List<?>) interviewer.evaluate("() => window.mockboard.statusLog.map(e => e.kind)")).stream().map(String::valueOf).toList())
                .as("the interviewer's board went live once and never left it").containsExactly("connecting", "live");
        String scene = "() => window.mockboard.excalidraw.getSceneElementsIncludingDeleted().map(e => e.id + '@' + e.version).sort().join()";
        String server = String.join(",", serverScene.get().stream().map(e -> e.get("id") + "@" + e.get("version")).sorted().toList());
        assertThat(interviewer.evaluate(scene)).isEqualTo(server);
        assertThat(guest.evaluate(scene)).isEqualTo(server);
    }
}
