package io.mockboard.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.mockboard.session.TestSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A paste the size people make (500 labelled boxes: 1,000 elements, ~450 KB) saves in seconds and reaches the candidate. */
@QuarkusTest
class LargePasteBrowserTest {
    static Browsers browsers;
    static final OidcTestClient oidc = new OidcTestClient();

    /** 500 rectangles, each with its bound label, as Excalidraw 0.18 makes them. */
    private static final String PASTE = """
            () => {
              const api = window.mockboard.excalidraw;
              const base = { angle: 0, strokeColor: '#1e1e1e', backgroundColor: 'transparent', fillStyle: 'solid', strokeWidth: 2,
                strokeStyle: 'solid', roughness: 1, opacity: 100, groupIds: [], frameId: null, roundness: null, seed: 1,
                version: 1, versionNonce: 1, isDeleted: false, updated: 1, link: null, locked: false };
              const keys = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
              const added = [];
              for (let i = 0; i < 500; i++) {
                const x = 100 + (i % 25) * 180, y = 100 + Math.floor(i / 25) * 120;
                const key = 'b' + keys[Math.floor(i / 62) % 62] + keys[i % 62];
                added.push({ ...base, id: 'box-' + i, type: 'rectangle', x, y, width: 160, height: 90, index: key + '1',
                  boundElements: [{ id: 'label-' + i, type: 'text' }] });
                added.push({ ...base, id: 'label-' + i, type: 'text', x: x + 20, y: y + 33, width: 120, height: 25, index: key + '2',
                  boundElements: null, text: 'Service ' + i, originalText: 'Service ' + i, fontSize: 20, fontFamily: 5,
                  textAlign: 'center', verticalAlign: 'middle', containerId: 'box-' + i, autoResize: true, lineHeight: 1.25 });
              }
              api.updateScene({ elements: [...api.getSceneElementsIncludingDeleted(), ...added] });
              return JSON.stringify(added).length;
            }""";

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
    void aThousandElementPasteIsStoredAndSeenByTheCandidateWithinSeconds() {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = SessionFlow.startedSession(alice, "Large paste");
        Page cam = SessionFlow.joinAsGuest(browsers.newContext(), TestSessions.link(alice, session.id(), "candidate", false), "Cam");
        Page interviewer = SessionFlow.signedInBoard(browsers.newContext(), root, session.boardId(), "alice");

        long started = System.nanoTime();
        int chars = (Integer) interviewer.evaluate(PASTE);
        assertThat(chars).as("the paste is larger than one 64 KiB frame many times over").isGreaterThan(400_000);
        Page.WaitForFunctionOptions withinSeconds = new Page.WaitForFunctionOptions().setTimeout(15_000);
        interviewer.waitForFunction("() => document.querySelector(\"[data-testid='sync-status']\").textContent.includes('all changes saved')"
                + " && window.mockboard.sync.unsent === 0", null, withinSeconds);
        cam.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().length === 1000", null, withinSeconds);
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        List<String> stored = given().auth().oauth2(alice).when().get("/api/boards/" + session.boardId() + "/scene")
                .then().statusCode(200).extract().path("elements.id");
        assertThat(stored).hasSize(1000);
        assertThat(interviewer.locator("[data-testid='sync-status'][data-state='live']").count()).isEqualTo(1);
        System.out.println("[large paste] 1,000 elements (" + chars + " chars) stored and seen by the candidate in " + seconds + " s");
        Browsers.screenshot(cam, "large-paste-candidate");
    }
}
