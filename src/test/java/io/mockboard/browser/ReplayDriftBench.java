package io.mockboard.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.mockboard.session.TestSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The replay's audio drift over a 45-minute generated session: a 45-minute Opus WebM track (made by ffmpeg as
 * browsers record, without cues) in a 50-minute session. At ten moments across it, a seek and 15 s of playing at 1×;
 * then 3 minutes of playing at 2×. Every reading compares the track's {@code currentTime} with the replay's clock.
 * A benchmark, not a test (the name keeps it out of {@code ./mvnw verify}): {@code ./mvnw test -Dtest=ReplayDriftBench}
 * with Debian's {@code ffmpeg} installed; it prints its results.
 */
@QuarkusTest
class ReplayDriftBench {
    static final int TRACK_SECONDS = 45 * 60;
    static final int SESSION_SECONDS = 50 * 60;
    static final int TRACK_AFTER = 120;
    static Browsers browsers;
    static final OidcTestClient oidc = new OidcTestClient();

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

    @Test
    void audioDriftOverAFortyFiveMinuteSession() throws Exception {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = SessionFlow.startedSession(alice, "45 minutes of conversation");
        String track = io.restassured.RestAssured.given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("mimeType", "audio/webm;codecs=opus")).when().post("/api/sessions/" + session.id() + "/recordings").then()
                .statusCode(201).extract().path("id");
        byte[] file = Files.readAllBytes(generated());
        ReplayVoicesBrowserTest.upload(alice, track, file, 10, TRACK_SECONDS * 100L);
        ReplayVoicesBrowserTest.backdate(dataSource, UUID.fromString(session.id()), UUID.fromString(track), SESSION_SECONDS, TRACK_AFTER);

        Page page = browsers.newContext().newPage();
        page.navigate(root + "r/" + session.id() + "?t=" + (TRACK_AFTER + 30));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("alice").setExact(true)).click();
        page.waitForFunction("() => document.querySelector(\"[data-testid='voice-audio']\")?.readyState >= 1", null,
                new Page.WaitForFunctionOptions().setTimeout(120_000));
        page.locator("label:has-text('Skip quiet time') input").uncheck();

        List<Double> seekErrors = new ArrayList<>();
        List<Long> seekSettle = new ArrayList<>();
        List<Double> atOne = new ArrayList<>();
        for (int minute : List.of(1, 5, 10, 15, 20, 25, 30, 35, 40, 44)) {
            // the scrubber runs over the whole session (50 min): per mille of it
            double at = TRACK_AFTER + minute * 60;
            long started = System.nanoTime();
            page.locator("input[aria-label='Position']").fill(String.valueOf(Math.round(at / (SESSION_SECONDS + elapsedSince()) * 1000)));
            page.locator("[data-testid='replay-loading']").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
            page.waitForFunction("() => !document.querySelector(\"[data-testid='voice-audio']\").seeking", null,
                    new Page.WaitForFunctionOptions().setTimeout(60_000));
            seekSettle.add((System.nanoTime() - started) / 1_000_000);
            seekErrors.add(drift(page));
            page.locator("[data-testid='play']").click();
            atOne.addAll(readings(page, 30, 500));
            page.locator("[data-testid='play']").click();
        }

        page.locator("input[aria-label='Position']").fill(String.valueOf(Math.round((TRACK_AFTER + 120.0) / SESSION_SECONDS * 1000)));
        page.locator("[data-testid='replay-loading']").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        page.selectOption("select[aria-label='Speed']", "2");
        long correctionsBefore = ((Number) page.evaluate("() => window.mockboardReplayVoices.corrected()")).longValue();
        page.locator("[data-testid='play']").click();
        List<Double> atTwo = readings(page, 180, 1_000);
        long corrections = ((Number) page.evaluate("() => window.mockboardReplayVoices.corrected()")).longValue() - correctionsBefore;
        page.locator("[data-testid='play']").click();

        System.out.println("[replay drift] seek settle ms: " + seekSettle);
        System.out.printf("[replay drift] after a seek (paused), |drift| ms: %s%n", summary(seekErrors));
        System.out.printf("[replay drift] playing at 1x, 10 x 15 s across 45 min, |drift| ms: %s%n", summary(atOne));
        System.out.printf("[replay drift] playing at 2x for 180 s (6 min of session), |drift| ms: %s; put back in place %d times%n",
                summary(atTwo), corrections);
    }

    private long started = System.currentTimeMillis();

    private double elapsedSince() {
        return (System.currentTimeMillis() - started) / 1000.0;
    }

    /** {@code count} readings of |drift|, one each time the replay's clock has moved on by {@code everyMs} of wall time. */
    static List<Double> readings(Page page, int count, int everyMs) {
        List<Double> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            page.waitForFunction("() => performance.now() > " + page.evaluate("() => performance.now()") + " + " + everyMs, null,
                    new Page.WaitForFunctionOptions().setPollingInterval(50));
            list.add(drift(page));
        }
        return list;
    }

    static double drift(Page page) {
        return ReplayVoicesBrowserTest.drift(ReplayVoicesBrowserTest.state(page)) * 1000;
    }

    static String summary(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format("n=%d p50=%.0f p95=%.0f max=%.0f", sorted.size(), sorted.get(sorted.size() / 2),
                sorted.get((int) Math.min(sorted.size() - 1, Math.round(sorted.size() * 0.95))), sorted.getLast());
    }

    /** 45 minutes of a voice that speaks 4 s in every 6 s, as Opus in WebM without cues (made once, kept in target/). */
    static Path generated() throws IOException, InterruptedException {
        Path file = Path.of("target", "bench", "voice-45min.webm");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                "sine=f=220:d=" + TRACK_SECONDS + ":sample_rate=48000", "-af", "volume='if(lt(mod(t,6),4),0.33,0)':eval=frame",
                "-c:a", "libopus", "-b:a", "24k", "-ac", "1", "-f", "webm", "-live", "1", "pipe:1").redirectOutput(file.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (ffmpeg.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: install Debian's ffmpeg (apt-get install ffmpeg)");
        }
        return file;
    }
}
