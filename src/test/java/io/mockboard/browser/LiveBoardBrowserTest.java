package io.mockboard.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.options.AriaRole;
import io.mockboard.board.TestBoards;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.BoardLog;
import io.mockboard.sync.room.StoredOp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two people in two browsers on one board: what one does, the other sees. Asserts on the scene the page exposes. */
@QuarkusTest
class LiveBoardBrowserTest {
    static Browsers browsers;
    static final OidcTestClient oidc = new OidcTestClient();
    /** Scene as comparable text: every element's id, version and deletion, in scene order. */
    static final String SCENE = "() => window.mockboard.excalidraw.getSceneElementsIncludingDeleted()"
            + ".map(e => e.id + '@' + e.version + (e.isDeleted ? '-' : '')).join(',')";

    @TestHTTPResource("/")
    URL root;

    @Inject
    BoardLog boardLog;

    String boardId;

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

    @BeforeEach
    void newBoard() {
        boardId = TestBoards.create(oidc.getAccessToken("alice", "alice"), "two browsers");
    }

    @Test
    void whatOneDrawsAndLabelsTheOtherSeesAndMoves() {
        Page alice = openSignedIn("alice");
        Page bob = openSignedIn("bob");
        bob.locator(".board-title:text('two browsers')").waitFor();

        SessionFlow.draw(alice, "rectangle", 420, 220);
        alice.keyboard().press("Enter"); // edit the selected shape's label
        alice.locator("textarea.excalidraw-wysiwyg").waitFor();
        alice.keyboard().type("Feature store");
        alice.keyboard().press("Escape");
        bob.waitForFunction("() => window.mockboard.excalidraw.getSceneElements()"
                + ".some(e => e.type === 'text' && e.originalText === 'Feature store' && e.containerId)");

        double before = number(alice, "() => window.mockboard.excalidraw.getSceneElements().find(e => e.type === 'rectangle').x");
        bob.locator("canvas.interactive").click(new Locator.ClickOptions().setPosition(900, 650));
        bob.keyboard().press("Control+a");
        for (int i = 0; i < 10; i++) {
            bob.keyboard().press("Shift+ArrowRight");
        }
        alice.waitForFunction("x => window.mockboard.excalidraw.getSceneElements().find(e => e.type === 'rectangle').x >= x + 40", before);
        awaitSameScene(alice, bob);

        SessionFlow.draw(bob, "ellipse", 700, 420);
        alice.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().some(e => e.type === 'ellipse')");
        alice.waitForFunction("() => [...window.mockboard.excalidraw.getAppState().collaborators.values()].some(c => c.pointer)");
        awaitSameScene(alice, bob);
        Browsers.screenshot(alice, "live-board-alice");
        Browsers.screenshot(bob, "live-board-bob");
    }

    @Test
    void bothDrawingAtOnceEndIdentical() {
        Page alice = openSignedIn("alice");
        Page bob = openSignedIn("bob");
        for (int i = 0; i < 3; i++) {
            SessionFlow.draw(alice, "rectangle", 300 + i * 150, 200);
            SessionFlow.draw(bob, "ellipse", 300 + i * 150, 450);
        }
        alice.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().length === 6");
        awaitSameScene(alice, bob);
    }

    @Test
    void offlineWorkArrivesOnceWhenBackOnline() {
        Page alice = openSignedIn("alice");
        // Bob's board socket goes through a switch: "offline" drops it and refuses reconnects.
        AtomicBoolean offline = new AtomicBoolean();
        List<WebSocketRoute> sockets = new CopyOnWriteArrayList<>();
        BrowserContext bobBrowser = browsers.newContext();
        bobBrowser.routeWebSocket("**/sync", socket -> {
            if (offline.get()) {
                socket.close();
            } else {
                socket.connectToServer();
                sockets.add(socket);
            }
        });
        Page bob = openSignedIn(bobBrowser, "bob");

        offline.set(true);
        sockets.forEach(WebSocketRoute::close);
        bob.locator("[data-testid='sync-status'][data-state='reconnecting']").waitFor();
        SessionFlow.draw(bob, "rectangle", 420, 220);
        SessionFlow.draw(bob, "diamond", 700, 420);
        bob.locator("[data-testid='sync-status']:has-text('unsent')").waitFor();
        Browsers.screenshot(bob, "offline-bob");

        offline.set(false);
        bob.locator("[data-testid='sync-status'][data-state='live']").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        alice.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().length === 2");
        awaitSameScene(alice, bob);
        List<String> ids = given().auth().oauth2(oidc.getAccessToken("alice", "alice"))
                .when().get("/api/boards/" + boardId + "/scene").then().statusCode(200).extract().jsonPath().getList("elements.id");
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void offlineWorkSurvivesAReloadAndIsStoredOnce() {
        Page alice = openSignedIn("alice");
        // Bob's board socket goes through a switch: "offline" drops it and refuses reconnects; pages still load over HTTP.
        AtomicBoolean offline = new AtomicBoolean();
        List<WebSocketRoute> sockets = new CopyOnWriteArrayList<>();
        BrowserContext bobBrowser = browsers.newContext();
        bobBrowser.routeWebSocket("**/sync", socket -> {
            if (offline.get()) {
                socket.close();
            } else {
                socket.connectToServer();
                sockets.add(socket);
            }
        });
        Page bob = openSignedIn(bobBrowser, "bob");
        Object clientId = bob.evaluate("() => window.mockboard.sync.clientId");

        offline.set(true);
        sockets.forEach(WebSocketRoute::close);
        bob.locator("[data-testid='sync-status'][data-state='reconnecting']").waitFor();
        SessionFlow.draw(bob, "rectangle", 420, 220);
        SessionFlow.draw(bob, "diamond", 700, 420);
        bob.locator("[data-testid='sync-status']:has-text('2 unsent changes')").waitFor();
        bob.evaluate("() => window.mockboard.unsentSaved()"); // written where the reloaded page looks
        String shapes = "() => window.mockboard.excalidraw.getSceneElements().map(e => e.id + ':' + e.type).sort().join()";
        Object drawn = bob.evaluate(shapes);

        bob.reload();
        bob.locator(".notice:has-text('Brought back 2 unsent changes from before the reload')").waitFor();
        bob.waitForFunction("expected => (" + shapes + ")() === expected", drawn);
        bob.locator("[data-testid='sync-status']:has-text('2 unsent changes')").waitFor();
        // adopted: the same clientId as before the reload, so the server can tell a re-sent push from a new one [S4]
        assertThat(bob.evaluate("() => window.mockboard.sync.clientId")).isEqualTo(clientId);
        Browsers.screenshot(bob, "reload-brought-back");

        offline.set(false);
        bob.locator("[data-testid='sync-status'][data-state='live']").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        alice.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().length === 2");
        awaitSameScene(alice, bob);
        List<String> ids = given().auth().oauth2(oidc.getAccessToken("alice", "alice"))
                .when().get("/api/boards/" + boardId + "/scene").then().statusCode(200).extract().jsonPath().getList("elements.id");
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        // [S4] stored once: sent under the clientId of the page before the reload, and no version of a shape twice
        List<StoredOp> ops = boardLog.ops(BoardId.parse(boardId), 0, Long.MAX_VALUE, Integer.MAX_VALUE).stream()
                .filter(op -> op.elements().stream().anyMatch(e -> ids.contains(e.path("id").asText())))
                .toList();
        assertThat(ops).isNotEmpty().extracting(StoredOp::clientId).containsOnly((String) clientId);
        List<String> stored = ops.stream().flatMap(op -> op.elements().stream())
                .map(e -> e.path("id").asText() + "@" + e.path("version").asLong())
                .toList();
        assertThat(stored).doesNotHaveDuplicates();
    }

    @Test
    void undoOnlyUndoesYourOwnChange() {
        Page alice = openSignedIn("alice");
        Page bob = openSignedIn("bob");
        SessionFlow.draw(alice, "rectangle", 420, 220);
        bob.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().length === 1");
        SessionFlow.draw(bob, "ellipse", 700, 420);
        alice.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().length === 2");

        alice.keyboard().press("Control+z");
        bob.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().map(e => e.type).join() === 'ellipse'");
        assertThat(alice.evaluate("() => window.mockboard.excalidraw.getSceneElements().map(e => e.type).join()")).isEqualTo("ellipse");
    }

    @Test
    void followsTheOtherParticipantsViewport() {
        Page alice = openSignedIn("alice");
        Page bob = openSignedIn("bob");
        SessionFlow.draw(bob, "rectangle", 420, 220);
        alice.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().length === 1");

        alice.locator(".UserList__collaborator").first().click();
        alice.waitForFunction("() => window.mockboard.excalidraw.getAppState().userToFollow?.username === 'Bob'");
        bob.mouse().move(640, 400);
        bob.mouse().wheel(1500, 900);
        bob.waitForFunction("() => window.mockboard.excalidraw.getAppState().scrollX < -1000");
        Object bobScroll = bob.evaluate("() => { const s = window.mockboard.excalidraw.getAppState(); return [s.scrollX, s.scrollY]; }");
        alice.waitForFunction("b => { const s = window.mockboard.excalidraw.getAppState();"
                + " return Math.abs(s.scrollX - b[0]) < 5 && Math.abs(s.scrollY - b[1]) < 5; }", bobScroll);
        Browsers.screenshot(alice, "follow-alice");
    }

    @Test
    void laserPointerIsSharedWithEveryone() {
        Page alice = openSignedIn("alice");
        Page bob = openSignedIn("bob");
        alice.locator("canvas.interactive").click(new Locator.ClickOptions().setPosition(640, 400));
        alice.keyboard().press("k"); // Excalidraw's laser pointer
        alice.mouse().move(500, 300);
        alice.mouse().down();
        alice.mouse().move(700, 450, new Mouse.MoveOptions().setSteps(10));
        bob.waitForFunction("() => [...window.mockboard.excalidraw.getAppState().collaborators.values()]"
                + ".some(c => c.username === 'Alice' && c.pointer?.tool === 'laser' && c.button === 'down')");
        alice.mouse().move(720, 380, new Mouse.MoveOptions().setSteps(10));
        Browsers.screenshot(bob, "laser-bob");
        alice.mouse().up();
    }

    @Test
    void imagePlacedByOneIsShownToTheOther() throws Exception {
        Path png = Files.createDirectories(Path.of("target", "browser-files")).resolve("diagram.png");
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(79, 70, 229));
        g.fillRect(0, 0, 120, 80);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());

        Page alice = openSignedIn("alice");
        Page bob = openSignedIn("bob");
        // drop the file onto the canvas, as a person dragging it from their desktop would
        String base64 = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        alice.evaluate("b64 => { const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));"
                + " const dt = new DataTransfer(); dt.items.add(new File([bytes], 'diagram.png', {type: 'image/png'}));"
                + " const target = document.querySelector('canvas.interactive');"
                + " for (const type of ['dragover', 'drop']) target.dispatchEvent(new DragEvent(type,"
                + " {dataTransfer: dt, clientX: 640, clientY: 420, bubbles: true, cancelable: true})); }", base64);
        alice.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().some(e => e.type === 'image' && e.status === 'saved')");

        bob.waitForFunction("() => { const api = window.mockboard.excalidraw;"
                + " const img = api.getSceneElements().find(e => e.type === 'image');"
                + " return img && api.getFiles()[img.fileId]?.dataURL.startsWith('data:image/png'); }");
        Browsers.screenshot(bob, "image-bob");
    }

    private Page openSignedIn(String user) {
        return openSignedIn(browsers.newContext(), user);
    }

    private Page openSignedIn(BrowserContext browser, String user) {
        Page page = browser.newPage();
        page.navigate(root + "b/" + boardId);
        // the OIDC dev service's sign-in page has one button per user
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(user).setExact(true)).click();
        page.waitForURL("**/b/" + boardId);
        page.locator("[data-testid='sync-status'][data-state='live']").waitFor();
        return page;
    }

    /** Waits until both pages show the same scene (ids, versions, deletions, order); either may still be settling. */
    private static void awaitSameScene(Page a, Page b) {
        a.waitForFunction("() => window.mockboard.sync.unsent === 0");
        b.waitForFunction("() => window.mockboard.sync.unsent === 0");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Object expected = a.evaluate(SCENE);
            try {
                b.waitForFunction("expected => (" + SCENE + ")() === expected", expected,
                        new Page.WaitForFunctionOptions().setTimeout(2_000));
                if (expected.equals(a.evaluate(SCENE))) {
                    return;
                }
            } catch (com.microsoft.playwright.TimeoutError stillDifferent) {
                if (System.nanoTime() > deadline) {
                    assertThat(b.evaluate(SCENE)).isEqualTo(a.evaluate(SCENE));
                }
            }
        }
    }

    private static double number(Page page, String expression) {
        return ((Number) page.evaluate(expression)).doubleValue();
    }
}
