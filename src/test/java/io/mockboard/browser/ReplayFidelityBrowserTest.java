package io.mockboard.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.mockboard.session.TestSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replay fidelity for a scripted two-browser session: at every moment both boards had settled (after each
 * drawing, move, z-order change, deletion and step change) the replay shows exactly the scene the live boards
 * showed, in the same order (z-order): the server's scene and the replay viewer opened at that moment, and the
 * viewer played from the start to the end.
 */
@QuarkusTest
class ReplayFidelityBrowserTest {
    static Browsers browsers;
    static final OidcTestClient oidc = new OidcTestClient();
    /** id → version of the visible elements, sorted, as JSON. */
    static final String SCENE = "() => JSON.stringify(Object.fromEntries(window.mockboard.excalidraw.getSceneElements()"
            + ".map(e => [e.id, e.version]).sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)))";
    /** The ids of the visible elements in scene order, back to front. */
    static final String ORDER = "() => window.mockboard.excalidraw.getSceneElements().map(e => e.id).join()";
    /** What a board shows: the scene, then the order, on two lines. */
    static final String BOARD = "() => (" + SCENE + ")() + '\\n' + (" + ORDER + ")()";

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

    record Moment(Instant at, String board, String what) {
        String scene() {
            return board.split("\n")[0];
        }

        String order() {
            return board.split("\n")[1];
        }
    }

    @Test
    void theReplayShowsWhatBothLiveBoardsShowedAtEveryMoment() {
        String alice = oidc.getAccessToken("alice", "alice");
        @SuppressWarnings("unchecked")
        Map<String, String> session = given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("title", "Fidelity", "template", "ml-system-design-scaffold")).when().post("/api/sessions").then()
                .statusCode(201).extract().as(Map.class);
        String id = session.get("id");
        given().auth().oauth2(alice).when().post("/api/sessions/" + id + "/start").then().statusCode(200);
        Page cam = SessionFlow.joinAsGuest(browsers.newContext(), TestSessions.link(alice, id, "candidate", false), "Cam");
        Page ada = browsers.newContext().newPage();
        ada.navigate(root + "b/" + session.get("boardId"));
        ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("alice").setExact(true)).click();
        List<Moment> moments = new ArrayList<>();
        moments.add(settle(ada, cam, "joined"));

        SessionFlow.draw(cam, "rectangle", 300, 620); // clear of the style panel on the left
        moments.add(settle(ada, cam, "candidate drew a rectangle"));
        SessionFlow.draw(ada, "ellipse", 500, 260);
        moments.add(settle(ada, cam, "interviewer drew an ellipse"));
        move(alice, id, "frame-as-ml-task");
        moments.add(settle(ada, cam, "step 2"));
        cam.keyboard().press("Escape");
        cam.keyboard().press("Control+a");
        for (int i = 0; i < 3; i++) {
            cam.keyboard().press("Shift+ArrowRight"); // moves everything, template included
        }
        moments.add(settle(ada, cam, "candidate moved everything"));
        SessionFlow.draw(cam, "diamond", 500, 560);
        cam.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().some(e => e.type === 'diamond'"
                + " && window.mockboard.excalidraw.getAppState().selectedElementIds[e.id])");
        cam.keyboard().press("Control+Shift+BracketLeft"); // sends the new diamond to the back
        SessionFlow.draw(ada, "rectangle", 800, 560);
        moments.add(settle(ada, cam, "both drew, the diamond sent to the back"));
        move(alice, id, "data");
        moments.add(settle(ada, cam, "step 3"));
        ada.keyboard().press("Escape");
        ada.keyboard().press("Control+z"); // undoes the interviewer's last rectangle: a deletion
        moments.add(settle(ada, cam, "interviewer undid"));
        given().auth().oauth2(alice).when().post("/api/sessions/" + id + "/end").then().statusCode(200);

        assertThat(moments.stream().map(ReplayFidelityBrowserTest::drawn).toList()).as("shapes drawn by the script at each moment")
                .containsExactly(0L, 1L, 2L, 2L, 2L, 4L, 4L, 3L);
        // both are in a template frame, whose back is where "send to back" puts the diamond
        String idOf = "type => window.mockboard.excalidraw.getSceneElements().find(e => e.type === type).id";
        List<String> sentBack = List.of(moments.get(5).order().split(","));
        assertThat(sentBack.indexOf((String) cam.evaluate(idOf, "diamond"))).as("the diamond, drawn after the candidate's rectangle, "
                + "sent behind it").isLessThan(sentBack.indexOf((String) cam.evaluate(idOf, "rectangle")));
        for (Moment m : moments) {
            List<Map<String, Object>> replayed = replayed(alice, id, m.at());
            assertThat(versions(replayed)).as("replay at '" + m.what() + "'").isEqualTo(m.scene());
            assertThat(inSceneOrder(replayed)).as("replay's order at '" + m.what() + "'").isEqualTo(m.order());
        }
        // the step markers: nothing changed between a move and the moment captured after it
        var timeline = given().auth().oauth2(alice).when().get("/api/sessions/" + id + "/replay").then().statusCode(200)
                .extract().jsonPath();
        List<String> steps = timeline.getList("markers.findAll { it.kind == 'step' }.at");
        assertThat(steps).hasSize(3);
        assertThat(versions(replayed(alice, id, Instant.parse(steps.get(1))))).isEqualTo(moments.get(3).scene());
        assertThat(versions(replayed(alice, id, Instant.parse(steps.get(2))))).isEqualTo(moments.get(6).scene());

        // the viewer, opened at each moment (?t= seconds since the start), draws the elements in the live order
        Instant from = Instant.parse(timeline.getString("from"));
        Page viewer = ada.context().newPage(); // signed in as alice
        for (Moment m : moments) {
            viewer.navigate(root + "r/" + id + "?t=" + (m.at().toEpochMilli() - from.toEpochMilli()) / 1000.0);
            assertThat(shown(viewer)).as("viewer's order at '" + m.what() + "'").isEqualTo(m.order());
        }
        // and played from the start to the end (ops applied one by one, not a scene the server built)
        viewer.navigate(root + "r/" + id + "?t=0");
        shown(viewer);
        viewer.locator("select[aria-label='Speed']").selectOption("32");
        viewer.keyboard().press("Space");
        viewer.waitForFunction("() => document.querySelector(\"input[aria-label='Position']\").value === '1000'"
                + " && document.querySelector(\"[data-testid='play']\").ariaLabel === 'Play'");
        assertThat((String) viewer.evaluate(ORDER)).as("viewer's order, played to the end").isEqualTo(moments.getLast().order());
    }

    /** The order the replay viewer shows once it has built the moment its address asks for. */
    private static String shown(Page viewer) {
        viewer.locator(".replay-canvas[aria-busy='false']").waitFor();
        return (String) viewer.evaluate(ORDER);
    }

    /**
     * Waits until both boards have sent everything and show the same scene; returns that moment and scene. Either
     * board may be ahead of the other (a change not pushed yet), so it waits for the other to catch up and checks again.
     */
    private static Moment settle(Page a, Page b, String what) {
        for (Page page : List.of(a, b)) {
            page.locator("[data-testid='sync-status'][data-state='live']").waitFor();
        }
        String last = "";
        for (int attempt = 0; attempt < 30; attempt++) {
            last = (String) a.evaluate(BOARD);
            try {
                b.waitForFunction("expected => (" + BOARD + ")() === expected", last, new Page.WaitForFunctionOptions().setTimeout(2_000));
            } catch (com.microsoft.playwright.TimeoutError bIsAhead) {
                continue;
            }
            if (settled(a) && settled(b) && last.equals(a.evaluate(BOARD))) {
                return new Moment(Instant.now(), last, what);
            }
        }
        throw new AssertionError("after '" + what + "' the boards never agreed:\n" + last + "\n" + b.evaluate(BOARD));
    }

    private static boolean settled(Page page) {
        return page.locator("[data-testid='sync-status'][data-state='live']:not(:has-text('unsent'))").count() == 1;
    }

    private static long drawn(Moment m) {
        return java.util.Arrays.stream(m.scene().split(",")).filter(e -> !e.contains("ml-system-design-scaffold")).count();
    }

    private static List<Map<String, Object>> replayed(String token, String sessionId, Instant at) {
        return given().auth().oauth2(token).queryParam("at", at.toString())
                .when().get("/api/sessions/" + sessionId + "/replay/scene").then().statusCode(200).extract().path("elements");
    }

    /** The ids in scene order, as Excalidraw orders a scene: by fractional index (plain string comparison), ties by id. */
    private static String inSceneOrder(List<Map<String, Object>> elements) {
        return elements.stream().sorted(Comparator.comparing((Map<String, Object> e) -> (String) e.get("index"),
                Comparator.nullsLast(Comparator.<String>naturalOrder()))
                .thenComparing(e -> (String) e.get("id"))).map(e -> (String) e.get("id")).collect(Collectors.joining(","));
    }

    /** id → version, sorted by id, as JSON (as {@link #SCENE}). */
    private static String versions(List<Map<String, Object>> elements) {
        Map<String, Object> versions = new TreeMap<>();
        elements.forEach(e -> versions.put((String) e.get("id"), e.get("version")));
        StringBuilder json = new StringBuilder("{");
        versions.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    private static void move(String token, String sessionId, String step) {
        given().auth().oauth2(token).contentType("application/json").body(Map.of("step", step))
                .when().post("/api/sessions/" + sessionId + "/flow/step").then().statusCode(200);
    }
}
