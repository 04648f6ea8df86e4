package io.mockboard.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;

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
}
