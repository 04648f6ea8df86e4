package io.mockboard.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.mockboard.session.TestSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The replay plays the recorded conversation where its clock is: after a deep link, while playing at 2× (pitch kept),
 * after a seek, silent above 2×, with a volume per voice and a speaking lane. The track is a real 60-second Opus
 * WebM file as browsers record it (no cues, no duration), uploaded in twelve chunks like a browser's.
 */
@QuarkusTest
class ReplayVoicesBrowserTest {
    static Browsers browsers;
    static final OidcTestClient oidc = new OidcTestClient();
    /** The fixture speaks 4 s, then is quiet 2 s, for 60 s. */
    static final long SPEAK_MS = 4_000;
    static final long CYCLE_MS = 6_000;

    @TestHTTPResource("/")
    URL root;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void start() {
        browsers = Browsers.withAutoplay();
    }

    @AfterAll
    static void stop() {
        oidc.close();
        if (browsers != null) {
            browsers.close();
        }
    }

    /** The track's expected and actual position (seconds), read in one go, and how its element plays. */
    static final String STATE = "() => { const v = window.mockboardReplayVoices; const a = document.querySelector(\"[data-testid='voice-audio']\");"
            + " return { expected: (v.clock() - Date.parse(v.tracks[0].startedAt)) / 1000, actual: a.currentTime, paused: a.paused,"
            + " rate: a.playbackRate, pitch: a.preservesPitch, volume: a.volume }; }";

    @SuppressWarnings("unchecked")
    static Map<String, Object> state(Page page) {
        return (Map<String, Object>) page.evaluate(STATE);
    }

    static double drift(Map<String, Object> state) {
        return Math.abs(((Number) state.get("expected")).doubleValue() - ((Number) state.get("actual")).doubleValue());
    }

    @Test
    void theConversationPlaysWhereTheScrubberIsAtTheChosenSpeedAndIsSilentAboveDoubleSpeed() throws Exception {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = SessionFlow.startedSession(alice, "Replayed conversation");
        String track = given().auth().oauth2(alice).contentType("application/json").body(Map.of("mimeType", "audio/webm;codecs=opus"))
                .when().post("/api/sessions/" + session.id() + "/recordings").then().statusCode(201).extract().path("id");
        upload(alice, track, fixture(), 12, 5_000);
        // the session began 90 s ago and the recording 20 s after it: the track covers 0:20–1:20 of the replay
        backdate(dataSource, UUID.fromString(session.id()), UUID.fromString(track), 90, 20);

        Page page = browsers.newContext().newPage();
        page.navigate(root + "r/" + session.id() + "?t=40");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("alice").setExact(true)).click();
        page.waitForFunction("() => document.querySelector(\"[data-testid='voice-audio']\")?.readyState >= 1");
        // and the player has taken the deep link (its clock starts at 0 until the timeline is loaded)
        page.waitForFunction("() => { const v = window.mockboardReplayVoices;"
                + " return v.clock() - Date.parse(v.tracks[0].startedAt) > 15000; }");

        // a deep link to 0:40 is 20 s into the track, paused
        Map<String, Object> linked = state(page);
        assertThat(((Number) linked.get("expected")).doubleValue()).isCloseTo(20, org.assertj.core.data.Offset.offset(0.5));
        assertThat(drift(linked)).as("deep link: " + linked).isLessThan(0.3);
        assertThat(linked.get("paused")).isEqualTo(true);
        assertThat(page.locator("[data-testid='speech-lanes'] .speech-lane span").count()).as("one stretch per 6 s").isBetween(9, 11);

        // 2×: the audio plays at twice the rate, pitch kept, where the clock is
        page.selectOption("select[aria-label='Speed']", "2");
        page.locator("[data-testid='play']").click();
        page.waitForFunction("start => window.mockboardReplayVoices.clock() - start > 4000", page.evaluate("() => window.mockboardReplayVoices.clock()"));
        double worst = 0;
        for (int i = 0; i < 10; i++) {
            page.waitForFunction("n => window.mockboardReplayVoices.clock() > n", page.evaluate("() => window.mockboardReplayVoices.clock() + 300"));
            Map<String, Object> playing = state(page);
            assertThat(playing).containsEntry("paused", false).containsEntry("rate", 2).containsEntry("pitch", true);
            worst = Math.max(worst, drift(playing));
        }
        System.out.printf("[replay voices] worst drift while playing at 2x: %.0f ms%n", worst * 1000);
        assertThat(worst).as("audio behind or ahead of the replay's clock (s)").isLessThan(0.35);
        Browsers.screenshot(page, "replay-voices");

        // a seek (→ is +10 s) pauses, and the audio waits at the new moment
        page.keyboard().press("ArrowRight");
        page.waitForFunction("() => document.querySelector(\"[data-testid='voice-audio']\").paused");
        page.locator("[data-testid='replay-loading']").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        assertThat(drift(state(page))).as("after a seek").isLessThan(0.3);

        // above 2× speech is useless: the audio is silent and says so
        page.selectOption("select[aria-label='Speed']", "8");
        page.locator("[data-testid='play']").click();
        page.locator("[data-testid='audio-muted']").waitFor();
        page.waitForFunction("start => window.mockboardReplayVoices.clock() - start > 2000", page.evaluate("() => window.mockboardReplayVoices.clock()"));
        assertThat(state(page).get("paused")).isEqualTo(true);
        page.locator("[data-testid='play']").click();

        // a volume per voice
        page.locator("[data-testid='voices'] summary").click();
        page.getByLabel("Volume of Alice").fill("0.3");
        page.waitForFunction("() => Math.abs(document.querySelector(\"[data-testid='voice-audio']\").volume - 0.3) < 0.01");
        Browsers.screenshot(page, "replay-voices-volume");
    }

    static byte[] fixture() throws IOException {
        try (InputStream in = ReplayVoicesBrowserTest.class.getResourceAsStream("/audio/voice-60s.webm")) {
            return in.readAllBytes();
        }
    }

    /** Uploads the file in {@code chunks} pieces of {@code chunkMs} each, with the fixture's speech inside each piece. */
    static void upload(String token, String track, byte[] file, int chunks, long chunkMs) {
        for (int i = 0; i < chunks; i++) {
            long start = i * chunkMs;
            long end = start + chunkMs;
            StringBuilder speech = new StringBuilder();
            for (long cycle = 0; cycle < end; cycle += CYCLE_MS) {
                long from = Math.max(cycle, start);
                long to = Math.min(cycle + SPEAK_MS, end);
                if (to > from) {
                    speech.append(speech.isEmpty() ? "" : ",").append(from).append('-').append(to);
                }
            }
            byte[] piece = Arrays.copyOfRange(file, file.length * i / chunks, file.length * (i + 1) / chunks);
            given().auth().oauth2(token).contentType("audio/webm;codecs=opus").queryParam("startMs", start).queryParam("endMs", end)
                    .queryParam("speech", speech.toString()).body(piece).when().put("/api/recordings/" + track + "/chunks/" + i).then()
                    .statusCode(201);
        }
    }

    /** Moves the session {@code ago} seconds into the past and starts the track {@code after} seconds after it began. */
    static void backdate(DataSource dataSource, UUID sessionId, UUID trackId, int ago, int after) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            update(c, "update interview_session set created_at = created_at - make_interval(secs => ?),"
                    + " started_at = started_at - make_interval(secs => ?) where id = ?", ago, ago, sessionId);
            update(c, "update step_event set at = at - make_interval(secs => ?) where session_id = ?", ago, sessionId);
            update(c, "update audio_track set started_at = (select created_at + make_interval(secs => ?) from interview_session"
                    + " where id = ?) where id = ?", after, sessionId, trackId);
        }
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
