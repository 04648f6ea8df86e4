package io.mockboard.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.mockboard.session.TestSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
                .doesNotContain("Follow us").doesNotContain("Discord").doesNotContain("Load from file")
                .doesNotContain("Clear the board");
        Browsers.screenshot(cam, "board-menu-candidate");
        cam.keyboard().press("Escape");
        cam.locator(".board-title:text('Feed ranking mock')").waitFor();
        cam.waitForFunction("() => window.mockboard.excalidraw.getName() === 'Feed ranking mock'");
    }

    @Test
    void anInterviewerLoadsAFileOverTheBoardForEveryoneAndUndoesIt() throws Exception {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = SessionFlow.startedSession(alice, "Loading a file");
        Page cam = SessionFlow.joinAsGuest(browsers.newContext(), TestSessions.link(alice, session.id(), "candidate", false), "Cam");
        Page page = SessionFlow.signedInBoard(browsers.newContext(), root, session.boardId(), "alice");
        SessionFlow.draw(page, "rectangle", 420, 300);
        String drawn = (String) page.evaluate("() => window.mockboard.excalidraw.getSceneElements()[0].id");
        cam.waitForFunction("id => window.mockboard.excalidraw.getSceneElements().some(e => e.id === id)", drawn);

        Path file = Files.createTempFile("two-boxes", ".excalidraw");
        Files.writeString(file, """
                {"type":"excalidraw","version":2,"source":"test","elements":[
                 {"id":"loaded-a","type":"rectangle","x":0,"y":0,"width":100,"height":60,"angle":0,"strokeColor":"#1e1e1e",
                  "backgroundColor":"transparent","fillStyle":"solid","strokeWidth":2,"strokeStyle":"solid","roughness":1,
                  "opacity":100,"groupIds":[],"frameId":null,"roundness":null,"seed":1,"version":1,"versionNonce":1,
                  "isDeleted":false,"boundElements":null,"updated":1,"link":null,"locked":false},
                 {"id":"loaded-b","type":"ellipse","x":200,"y":0,"width":100,"height":60,"angle":0,"strokeColor":"#1e1e1e",
                  "backgroundColor":"transparent","fillStyle":"solid","strokeWidth":2,"strokeStyle":"solid","roughness":1,
                  "opacity":100,"groupIds":[],"frameId":null,"roundness":null,"seed":2,"version":1,"versionNonce":2,
                  "isDeleted":false,"boundElements":null,"updated":1,"link":null,"locked":false}],
                 "appState":{},"files":{}}
                """);
        page.onDialog(dialog -> {
            assertThat(dialog.message()).contains("(2 elements)").contains("Ctrl+Z");
            dialog.accept();
        });
        page.locator("[data-testid='main-menu-trigger']").click();
        page.locator(".dropdown-menu").waitFor();
        assertThat(page.locator(".dropdown-menu").textContent()).contains("Load from file").contains("Clear the board");
        Browsers.screenshot(page, "board-menu-interviewer");
        FileChooser chooser = page.waitForFileChooser(() -> page.locator("[data-testid='menu-load-file']").click());
        chooser.setFiles(file);

        String live = "() => window.mockboard.excalidraw.getSceneElements().map(e => e.id).sort().join(',')";
        page.locator(".notice:has-text('Loaded')").waitFor();
        Browsers.screenshot(page, "board-loaded-from-file");
        cam.waitForFunction(live + " === 'loaded-a,loaded-b'");

        page.locator("canvas.interactive").click(new Locator.ClickOptions().setPosition(5, 300));
        page.keyboard().press("Control+z");
        cam.waitForFunction(live + " === '" + drawn + "'");
        page.waitForFunction(live + " === '" + drawn + "'");
        Files.deleteIfExists(file);
    }

    @Test
    void anInterviewerClearsTheBoardAndBringsItBackWithUndo() {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = SessionFlow.startedSession(alice, "Clearing the board");
        Page page = SessionFlow.signedInBoard(browsers.newContext(), root, session.boardId(), "alice");
        SessionFlow.draw(page, "rectangle", 420, 300);
        page.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().length === 1");
        page.onDialog(dialog -> dialog.accept());
        page.locator("[data-testid='main-menu-trigger']").click();
        page.locator("[data-testid='menu-clear-board']").click();
        page.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().length === 0");
        page.locator(".notice:has-text('cleared')").waitFor();
        page.locator("canvas.interactive").click(new Locator.ClickOptions().setPosition(5, 300));
        page.keyboard().press("Control+z");
        page.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().length === 1");
    }

    @Test
    void exportingTextAsSvgSubsetsFontsInAWorkerWithoutErrors() {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = SessionFlow.startedSession(alice, "Export with text");
        var browser = browsers.newContext();
        // without the File System Access API Excalidraw saves through a download, which the test can catch
        browser.addInitScript("delete window.showSaveFilePicker; delete window.showOpenFilePicker; delete window.showDirectoryPicker");
        Page page = SessionFlow.signedInBoard(browser, root, session.boardId(), "alice");
        java.util.List<String> console = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> console.add(message.type() + ": " + message.text()));
        page.locator("label:has([data-testid='toolbar-text'])").click();
        page.locator("canvas.interactive").click(new Locator.ClickOptions().setPosition(300, 300));
        page.keyboard().type("Feature store");
        page.keyboard().press("Escape");
        page.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().some(e => e.type === 'text')");

        page.locator("[data-testid='main-menu-trigger']").click();
        page.locator("[data-testid='image-export-button']").click();
        Browsers.screenshot(page, "board-export-dialog");
        var download = page.waitForDownload(() -> page.locator("button[aria-label='Export to SVG']").click());
        assertThat(download.suggestedFilename()).isEqualTo("Export with text.svg");
        // the fonts are subset before the file is written, so by now a failed worker has said so
        assertThat(download.path()).isNotNull();
        if (console.stream().anyMatch(line -> line.contains("Active worker did not respond"))) {
            // Excalidraw gives a new worker 1 s to answer; on a busy 2-core machine loading its chunks can take longer.
            // The worker, once loaded, must then subset without errors.
            console.clear();
            if (!page.locator("button[aria-label='Export to SVG']").isVisible()) {
                page.locator("[data-testid='main-menu-trigger']").click();
                page.locator("[data-testid='image-export-button']").click();
            }
            var again = page.waitForDownload(() -> page.locator("button[aria-label='Export to SVG']").click());
            assertThat(again.path()).isNotNull();
        }
        assertThat(console).noneMatch(line -> line.contains("Failed to use workers"));
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
