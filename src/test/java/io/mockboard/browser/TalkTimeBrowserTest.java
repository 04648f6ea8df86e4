package io.mockboard.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two people talk in a recorded call, each with a microphone that speaks on a known script (a WAV looped by
 * Chromium), and one of them loses the network for a while: both tracks are stored whole with their start and
 * length, each browser measures when its own voice spoke, and the review's talk time follows the scripts.
 */
@QuarkusTest
class TalkTimeBrowserTest {
    /** Ada speaks 2 s in every 6 s; Cam 4 s in every 6 s. */
    static Browsers adaBrowser;
    static Browsers camBrowser;
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void start() {
        adaBrowser = Browsers.withMicrophone(TestVoice.speaking(2_000, 4_000));
        camBrowser = Browsers.withMicrophone(TestVoice.speaking(4_000, 2_000));
    }

    @AfterAll
    static void stop() {
        oidc.close();
        if (adaBrowser != null) {
            adaBrowser.close();
        }
        if (camBrowser != null) {
            camBrowser.close();
        }
    }

    @Test
    void bothVoicesAreStoredWithTheirTimesAndTheTalkTimeFollowsTheirScripts() {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = SessionFlow.startedSession(alice, "Talk time");
        Page cam = SessionFlow.joinAsGuest(camBrowser.newContext(), TestSessions.link(alice, session.id(), "candidate", false), "Cam");
        Page ada = SessionFlow.signedInBoard(adaBrowser.newContext(), root, session.boardId(), "alice");
        Instant before = Instant.now();
        for (Page page : List.of(ada, cam)) {
            page.locator("[data-testid='call-join']").click();
            page.locator("[data-testid='call-join-recorded']").click();
            page.locator("[data-testid='call-recording']").waitFor();
        }
        // Cam's network drops in the middle: the board's socket closes, chunks wait in the browser, and the recording goes on
        cam.waitForFunction("() => window.mockboardUploader.storedChunks >= 2", null, new Page.WaitForFunctionOptions().setTimeout(20_000));
        cam.context().setOffline(true);
        cam.locator("[data-testid='sync-status']:not([data-state='live'])").waitFor();
        RecordingBrowserTest.watchWaiting(cam);
        cam.waitForFunction("() => window.waiting >= 1", null, new Page.WaitForFunctionOptions().setTimeout(20_000));
        cam.context().setOffline(false);
        cam.locator("[data-testid='sync-status'][data-state='live']").waitFor();
        // five chunks each (25 s): four or more whole script cycles
        for (Page page : List.of(ada, cam)) {
            page.waitForFunction("() => window.mockboardUploader.storedChunks >= 5", null, new Page.WaitForFunctionOptions().setTimeout(40_000));
        }
        ada.locator("[data-testid='call-leave']").click();
        cam.locator("[data-testid='call-leave']").click();
        Instant left = Instant.now();
        for (Page page : List.of(ada, cam)) {
            RecordingBrowserTest.watchWaiting(page);
            page.waitForFunction("() => window.waiting === 0", null, new Page.WaitForFunctionOptions().setTimeout(20_000));
        }
        given().auth().oauth2(alice).when().post("/api/sessions/" + session.id() + "/end").then().statusCode(200);

        List<Map<String, Object>> tracks = given().auth().oauth2(alice).when().get("/api/sessions/" + session.id() + "/recordings").then()
                .statusCode(200).extract().path("");
        assertThat(tracks).as("one track each: a socket drop does not cut a recording").extracting(t -> t.get("name"))
                .containsExactlyInAnyOrder("Alice", "Cam");
        for (Map<String, Object> track : tracks) {
            Instant startedAt = Instant.parse((String) track.get("startedAt"));
            long durationMs = ((Number) track.get("durationMs")).longValue();
            assertThat(startedAt).isBetween(before, left);
            // the recording ends when its person leaves the call
            assertThat(Duration.between(startedAt.plusMillis(durationMs), left).abs()).as(track.get("name") + "'s end")
                    .isLessThan(Duration.ofSeconds(1));
            double expected = track.get("name").equals("Cam") ? 4.0 / 6 : 2.0 / 6;
            @SuppressWarnings("unchecked")
            List<Map<String, Number>> speech = (List<Map<String, Number>>) track.get("speech");
            long spoken = speech.stream().mapToLong(s -> s.get("endMs").longValue() - s.get("startMs").longValue()).sum();
            System.out.printf("[talk time] %s: %d stretches, %d of %d ms spoken (%.2f, script %.2f)%n", track.get("name"), speech.size(), spoken,
                    durationMs, spoken / (double) durationMs, expected);
            assertThat(spoken / (double) durationMs).as(track.get("name") + "'s share of speech").isCloseTo(expected, Offset.offset(0.08));
            // every whole stretch (not cut by joining or leaving the call) lasts as long as the script's
            long scripted = track.get("name").equals("Cam") ? 4_000 : 2_000;
            speech.stream().filter(s -> s.get("startMs").longValue() > 500 && s.get("endMs").longValue() < durationMs - 1_000)
                    .forEach(s -> assertThat(s.get("endMs").longValue() - s.get("startMs").longValue()).isCloseTo(scripted, Offset.offset(400L)));
        }

        String review = given().auth().oauth2(alice).when().get("/sessions/" + session.id() + "/review").then().statusCode(200).extract()
                .asString();
        assertThat(review).contains("data-testid=\"talk-times\"").contains("Recorded: ").containsPattern("Cam · 0:\\d\\d · 6\\d%");
        assertThat(review).containsPattern("Cam</a>|· Cam spoke for");
        Page reviewPage = ada.context().newPage();
        reviewPage.navigate(root + "sessions/" + session.id() + "/review#talk");
        reviewPage.locator("[data-testid='talk-times']").waitFor();
        reviewPage.locator("#talk").scrollIntoViewIfNeeded();
        Browsers.screenshot(reviewPage, "review-talk-time");
    }
}
