package io.mockboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import io.mockboard.session.TestSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The call on a board, in two and three Chromium contexts with fake microphones, over loopback. */
@QuarkusTest
class CallBrowserTest {
    static Browsers browsers;
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void start() {
        browsers = Browsers.withMicrophone(TestVoice.speaking(1_200, 1_800));
    }

    @AfterAll
    static void stop() {
        oidc.close();
        if (browsers != null) {
            browsers.close();
        }
    }

    /** What this page receives from the others: audio energy and seconds of received audio (WebRTC stats). */
    static final String RECEIVED = """
            async () => {
              let energy = 0, seconds = 0, bytes = 0;
              for (const pc of window.mockboardCall.connections().values()) {
                (await pc.getStats()).forEach(r => {
                  if (r.type === 'inbound-rtp' && r.kind === 'audio') {
                    energy += r.totalAudioEnergy ?? 0; seconds += r.totalSamplesDuration ?? 0; bytes += r.bytesReceived ?? 0;
                  }
                });
              }
              return { energy, seconds, bytes };
            }""";

    /**
     * Keeps {@code window.rx} up to date with {@link #RECEIVED}, every 100 ms, so that tests wait on it with plain
     * predicates ({@code waitForFunction} does not wait for a promise).
     */
    static void watchReceived(Page page) {
        page.evaluate("() => { clearInterval(window.rxTimer); window.rx = null;"
                + " window.rxTimer = setInterval(async () => { window.rx = await (" + RECEIVED + ")(); }, 100); }");
    }

    @Test
    void peopleOnABoardTalkHearEachOtherSeeWhoSpeaksMuteRejoinAfterADropAndObserversListen() {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = SessionFlow.startedSession(alice, "Call");
        // cam's board socket can be dropped: the call must come back with the new socket
        List<WebSocketRoute> camSockets = new CopyOnWriteArrayList<>();
        BrowserContext camBrowser = browsers.newContext();
        camBrowser.routeWebSocket("**/sync", socket -> {
            socket.connectToServer();
            camSockets.add(socket);
        });
        Page cam = SessionFlow.joinAsGuest(camBrowser, TestSessions.link(alice, session.id(), "candidate", false), "Cam");
        Page ada = SessionFlow.signedInBoard(browsers.newContext(), root, session.boardId(), "alice");

        // a running session records the call: each person chooses; here nobody is recorded
        ada.locator("[data-testid='call-join']").click();
        ada.locator("[data-testid='call-join-unrecorded']").click();
        ada.locator("[data-testid='call-count']:has-text('Waiting for others')").waitFor();
        cam.locator("[data-testid='call-join']").click();
        cam.locator("[data-testid='call-join-unrecorded']").click();
        for (Page page : new Page[] {ada, cam}) {
            page.locator("[data-testid='call-count']:has-text('2 in call')").waitFor();
            page.waitForFunction("() => window.mockboardCall.state.peers.every(p => p.connection === 'connected')");
        }
        Browsers.screenshot(ada, "call-in-call");

        // each side receives the other's voice
        for (Page page : new Page[] {ada, cam}) {
            watchReceived(page);
            page.waitForFunction("() => window.rx && window.rx.energy > 0.01", null, polling());
        }
        // the speaking indicator follows the voice (1.2 s of tone, 1.8 s of silence), on the avatar too
        cam.waitForFunction("() => window.mockboardCall.state.peers[0].speaking", null, polling());
        cam.waitForFunction("() => [...window.mockboard.excalidraw.getAppState().collaborators.values()]"
                + ".some(c => c.isInCall && c.isSpeaking)", null, polling());
        cam.waitForFunction("() => !window.mockboardCall.state.peers[0].speaking", null, polling());
        ada.locator("[data-testid='call'][data-speaking='true']").waitFor();

        // Alt+M mutes: cam then hears nothing for a whole loop of the voice, and sees ada as muted
        ada.keyboard().press("Alt+m");
        ada.locator("[data-testid='call-mute'][aria-pressed='true']").waitFor();
        cam.waitForFunction("() => window.mockboardCall.state.peers[0].muted");
        // what was already on its way (the jitter buffer) plays out first
        double mutedAt = ((Number) cam.evaluate("async () => (await (" + RECEIVED + ")()).seconds")).doubleValue();
        cam.waitForFunction("s => window.rx && window.rx.seconds > s + 1", mutedAt, polling());
        @SuppressWarnings("unchecked")
        Map<String, Number> before = (Map<String, Number>) cam.evaluate(RECEIVED);
        cam.waitForFunction("s => window.rx && window.rx.seconds > s + 3.2", before.get("seconds").doubleValue(), polling());
        @SuppressWarnings("unchecked")
        Map<String, Number> muted = (Map<String, Number>) cam.evaluate(RECEIVED);
        assertThat(muted.get("energy").doubleValue() - before.get("energy").doubleValue()).as("audio energy received while muted")
                .isLessThan(1e-3);
        assertThat(cam.evaluate("() => window.mockboardCall.state.peers[0].speaking")).isEqualTo(false);
        Browsers.screenshot(ada, "call-muted");

        // unmuted, the voice comes back
        ada.keyboard().press("Alt+m");
        cam.waitForFunction("e => window.rx && window.rx.energy > e + 0.01", muted.get("energy").doubleValue(), polling());

        // the camera is off until turned on; then cam sees ada's picture beside the board, until ada turns it off
        assertThat(cam.locator("[data-testid='call-video']").count()).isZero();
        ada.locator("[data-testid='call-camera']").click();
        ada.locator("[data-testid='call-video-own']").waitFor();
        cam.locator("[data-testid='call-video']").waitFor();
        cam.waitForFunction("() => document.querySelector(\"[data-testid='call-video'] video\")?.videoWidth > 0", null, polling());
        Browsers.screenshot(cam, "call-camera");
        ada.locator("[data-testid='call-camera']").click();
        cam.locator("[data-testid='call-video']").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        assertThat(ada.locator("[data-testid='call-video-own']").count()).isZero();

        // cam's socket drops: the board reconnects with a new session, and the call with it
        String oldSession = (String) cam.evaluate("() => window.mockboard.sync.identity.sessionId");
        camSockets.forEach(WebSocketRoute::close);
        cam.waitForFunction("s => window.mockboard.sync.identity?.sessionId !== s && window.mockboard.sync.status.kind === 'live'", oldSession,
                polling());
        for (Page page : new Page[] {ada, cam}) {
            page.waitForFunction("() => window.mockboardCall.state.peers.length === 1"
                    + " && window.mockboardCall.state.peers.every(p => p.connection === 'connected')", null, polling());
            watchReceived(page); // the new connections' stats start from zero
            page.waitForFunction("() => window.rx && window.rx.energy > 0.01", null, polling());
        }

        // an observer listens: hears both, is heard by nobody, and is shown as listening
        Page oli = SessionFlow.joinAsGuest(browsers.newContext(), TestSessions.link(alice, session.id(), "observer", false), "Oli");
        oli.locator("[data-testid='call-join']:has-text('Listen in')").click();
        oli.locator("[data-testid='call-count']:has-text('3 in call')").waitFor();
        oli.waitForFunction("() => window.mockboardCall.state.peers.length === 2 && window.mockboardCall.state.listening");
        watchReceived(oli);
        oli.waitForFunction("() => window.rx && window.rx.energy > 0.02", null, polling());
        ada.waitForFunction("() => window.mockboardCall.state.peers.some(p => p.listening && p.connection === 'connected')", null,
                polling());
        Browsers.screenshot(oli, "call-observer");

        // leaving ends the call for the others; the board stays open
        ada.locator("[data-testid='call-leave']").click();
        cam.locator("[data-testid='call-count']:has-text('2 in call')").waitFor();
        ada.locator("[data-testid='call-join']").waitFor();
        ada.locator("[data-testid='sync-status'][data-state='live']").waitFor();
    }

    private static Page.WaitForFunctionOptions polling() {
        return new Page.WaitForFunctionOptions().setPollingInterval(100).setTimeout(20_000);
    }
}
