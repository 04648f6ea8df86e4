package io.mockboard.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.mockboard.session.TestSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Recording the conversation in the browser: consent, chunks kept until stored, a reload in the middle. */
@QuarkusTest
class RecordingBrowserTest {
    static Browsers browsers;
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void start() {
        browsers = Browsers.withMicrophone(TestVoice.speaking(1_000, 1_000));
    }

    @AfterAll
    static void stop() {
        oidc.close();
        if (browsers != null) {
            browsers.close();
        }
    }

    /** The chunks waiting in the page's IndexedDB, as "track/seq" (evaluate waits for the promise). */
    static final String WAITING = "() => new Promise(r => { const o = indexedDB.open('mockboard-recordings', 1);"
            + " o.onsuccess = () => { const q = o.result.transaction('chunks').objectStore('chunks').getAll();"
            + " q.onsuccess = () => r(JSON.stringify(q.result.map(c => c.trackId + '/' + c.seq))); }; })";

    /** Keeps {@code window.waiting} at the number of waiting chunks, so tests wait on it with a plain predicate. */
    static void watchWaiting(Page page) {
        page.evaluate("() => { clearInterval(window.waitingTimer); window.waiting = null; window.waitingTimer = setInterval(async () => {"
                + " window.waiting = JSON.parse(await (" + WAITING + ")()).length; }, 200); }");
    }

    @Test
    void onlyThoseWhoAgreeAreRecordedAndNoChunkIsLostAcrossAnOutageAndAReload() {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = SessionFlow.startedSession(alice, "Recorded call");
        Page cam = SessionFlow.joinAsGuest(browsers.newContext(), TestSessions.link(alice, session.id(), "candidate", false), "Cam");
        // ada's chunk uploads go through a switch: "down" fails them as a lost connection would
        AtomicBoolean down = new AtomicBoolean();
        BrowserContext adaBrowser = browsers.newContext();
        adaBrowser.route("**/api/recordings/*/chunks/*", route -> {
            if (down.get()) {
                route.abort();
            } else {
                route.resume();
            }
        });
        Page ada = SessionFlow.signedInBoard(adaBrowser, root, session.boardId(), "alice");

        Instant before = Instant.now();

        ada.locator("[data-testid='call-join']").click();
        ada.locator("[data-testid='call-consent']").waitFor();
        Browsers.screenshot(ada, "call-consent");
        ada.locator("[data-testid='call-join-recorded']").click();
        cam.locator("[data-testid='call-join']").click();
        cam.locator("[data-testid='call-join-unrecorded']").click();
        ada.locator("[data-testid='call-recording']").waitFor();
        cam.locator("[data-testid='call-count']:has-text('2 in call')").waitFor();
        assertThat(cam.locator("[data-testid='call-recording']").count()).as("cam declined: not recorded").isZero();

        // the server is out of reach for a while: chunks wait in the browser
        ada.waitForFunction("() => window.mockboardUploader.storedChunks >= 1", null, new Page.WaitForFunctionOptions().setTimeout(20_000));
        down.set(true);
        watchWaiting(ada);
        ada.waitForFunction("() => window.waiting >= 2", null, new Page.WaitForFunctionOptions().setTimeout(20_000));
        // and the page is reloaded before they could be sent: the new page sends them, then records on
        ada.reload();
        ada.locator("[data-testid='sync-status'][data-state='live']").waitFor();
        assertThat((String) ada.evaluate(WAITING)).as("chunks kept across the reload").contains("/1\"", "/2\"");
        down.set(false);
        ada.locator("[data-testid='call-join']").click();
        ada.locator("[data-testid='call-join-recorded']").click();
        ada.locator("[data-testid='call-recording']").waitFor();
        ada.waitForFunction("() => window.mockboardUploader.storedChunks >= 3", null, new Page.WaitForFunctionOptions().setTimeout(30_000));
        ada.locator("[data-testid='call-leave']").click();
        given().auth().oauth2(alice).when().post("/api/sessions/" + session.id() + "/end").then().statusCode(200);
        watchWaiting(ada);
        ada.waitForFunction("() => window.waiting === 0", null, new Page.WaitForFunctionOptions().setTimeout(30_000));
        Instant after = Instant.now();

        List<Map<String, Object>> tracks = given().auth().oauth2(alice).when().get("/api/sessions/" + session.id() + "/recordings").then()
                .statusCode(200).extract().path("");
        assertThat(tracks).as("two tracks of alice (before and after the reload), none of cam").hasSize(2)
                .allSatisfy(t -> assertThat(t.get("name")).isEqualTo("Alice"));
        for (Map<String, Object> track : tracks) {
            Instant startedAt = Instant.parse((String) track.get("startedAt"));
            long durationMs = ((Number) track.get("durationMs")).longValue();
            assertThat(startedAt).isBetween(before, after);
            assertThat(startedAt.plusMillis(durationMs)).as("a track ends before the test did").isBefore(after.plusSeconds(1));
            assertThat(((Number) track.get("chunks")).intValue()).isPositive();
            byte[] media = given().auth().oauth2(alice).when().get("/api/recordings/" + track.get("id") + "/media").then().statusCode(200)
                    .extract().asByteArray();
            assertThat(media.length).isEqualTo(((Number) track.get("bytes")).intValue());
            // a WebM file starts with the EBML magic number
            assertThat(media).startsWith(0x1A, 0x45, 0xDF, 0xA3);
        }
        long bytes = tracks.stream().mapToLong(t -> ((Number) t.get("bytes")).longValue()).sum();
        long ms = tracks.stream().mapToLong(t -> ((Number) t.get("durationMs")).longValue()).sum();
        System.out.printf("[recording] %d bytes in %d ms: %.1f MB per participant-hour%n", bytes, ms, bytes * 3_600_000.0 / ms / 1e6);
        // the first track holds what was recorded while the server was out of reach: at least two chunks' worth
        assertThat(((Number) tracks.get(0).get("durationMs")).longValue()).isGreaterThan(Duration.ofSeconds(9).toMillis());
    }

    @Test
    void tryingAgainAfterABlockedMicrophoneKeepsTheChoiceToBeRecorded() {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = SessionFlow.startedSession(alice, "Blocked microphone");
        BrowserContext browser = browsers.newContext();
        // the first request for the microphone is refused, as when the person clicks "Block" in the browser's prompt
        browser.addInitScript("(() => { const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices); let refused = false;"
                + " navigator.mediaDevices.getUserMedia = (c) => { if (!refused) { refused = true;"
                + " return Promise.reject(new DOMException('Permission denied', 'NotAllowedError')); } return real(c); }; })()");
        Page ada = SessionFlow.signedInBoard(browser, root, session.boardId(), "alice");
        ada.locator("[data-testid='call-join']").click();
        ada.locator("[data-testid='call-join-recorded']").click();
        ada.locator("[data-testid='call'][data-phase='blocked']").waitFor();
        Browsers.screenshot(ada, "call-blocked");
        ada.locator("[data-testid='call-retry']").click();
        ada.locator("[data-testid='call-recording']").waitFor();
        ada.waitForFunction("() => window.mockboardUploader.storedChunks >= 1", null, new Page.WaitForFunctionOptions().setTimeout(20_000));
        given().auth().oauth2(alice).when().get("/api/sessions/" + session.id() + "/recordings").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(1));
    }
}
