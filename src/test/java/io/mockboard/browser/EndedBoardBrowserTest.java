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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An ended session's board says it ended and when, shows the final step time, and names the owner as interviewer. */
@QuarkusTest
class EndedBoardBrowserTest {
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
    void anEndedBoardStopsItsTimerDropsItsStepButtonsAndNamesTheInterviewer() {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = SessionFlow.startedSession(alice, "Ended board");
        Page page = SessionFlow.signedInBoard(browsers.newContext(), root, session.boardId(), "alice");
        page.locator("[data-testid='step-bar'][data-step='clarify']").waitFor();
        assertThat(page.locator("button[aria-label='Next step']").count()).isEqualTo(1);

        given().auth().oauth2(alice).when().post("/api/sessions/" + session.id() + "/end").then().statusCode(200);
        // the open board learns it on its own (its socket is closed and rejoins read-only)
        page.locator("[data-testid='step-bar'][data-ended='true']").waitFor();
        page.locator("[data-testid='ended']").waitFor();
        assertThat(page.locator("button[aria-label='Next step']").count()).as("no step buttons on an ended board").isZero();
        assertThat(page.locator("[data-testid='you'] .role").textContent()).isEqualTo("interviewer");
        assertThat(page.locator(".status.read-only").count()).isZero();

        // the timer shows the final time of the last step, and stays there
        String since = given().auth().oauth2(alice).when().get("/api/sessions/" + session.id() + "/flow").then().statusCode(200)
                .extract().path("since");
        String ended = given().auth().oauth2(alice).when().get("/api/sessions/" + session.id() + "/flow").then().statusCode(200)
                .extract().path("endedAt");
        long seconds = Duration.between(Instant.parse(since), Instant.parse(ended)).toSeconds();
        String expected = String.format("%02d:%02d", seconds / 60, seconds % 60);
        assertThat(page.locator("[data-testid='step-bar'] .step-timer").textContent()).startsWith(expected);
        page.reload();
        page.locator("[data-testid='step-bar'][data-ended='true'] .step-timer:text('" + expected + "')").waitFor();
        // the interviewer panel's time per step agrees (it stops at the end too)
        String minutesSeconds = String.format("%02d:%02d", seconds / 60, seconds % 60);
        page.locator("[data-testid='interviewer-panel'] :text('" + (seconds > 0 ? minutesSeconds : "—") + " / 5m')").waitFor();
        Browsers.screenshot(page, "ended-board");
    }
}
