package io.mockboard.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.mockboard.auth.DevOidc;
import io.mockboard.auth.ShortTokensProfile;
import io.mockboard.session.TestSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An interview that outlives its tokens ({@link ShortTokensProfile}: 20 s instead of 15 min), in two browsers:
 * the interviewer's board renews its sign-in in place and never goes offline; when the sign-in really ends,
 * the board says so, keeps every change, and stores them once after "Sign in again".
 */
@QuarkusTest
@TestProfile(ShortTokensProfile.class)
class LongInterviewBrowserTest {
    static Browsers browsers;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void start() {
        browsers = Browsers.startOrSkip();
    }

    @AfterAll
    static void stop() {
        if (browsers != null) {
            browsers.close();
        }
    }

    @Test
    void interviewersBoardStaysLiveAcrossThreeTokenLifetimesWhileBothDraw() {
        TestSessions.Created session = startedSession("Long interview");
        String link = TestSessions.link(DevOidc.token("alice", "interviewer"), session.id(), "candidate", false);
        Page interviewer = signedInBoard(browsers.newContext(), session.boardId());
        Page cam = SessionFlow.joinAsGuest(browsers.newContext(), link, "Cam");

        int rounds = 3;
        SessionFlow.drawAcrossTokenLifetimes(interviewer, cam, rounds, ShortTokensProfile.LIFETIME_SECONDS,
                () -> given().auth().oauth2(DevOidc.token("alice", "interviewer"))
                        .when().get("/api/boards/" + session.boardId() + "/scene").then().statusCode(200).extract().path("elements"));
        assertThat((Integer) interviewer.evaluate("() => window.mockboard.sync.renewals")).isGreaterThanOrEqualTo(rounds);
        Browsers.screenshot(interviewer, "long-interview-interviewer");
    }

    @Test
    void anEndedSignInIsSaidPlainlyAndItsChangesAreStoredOnceAfterSigningInAgain() {
        TestSessions.Created session = startedSession("Sign-in ends");
        BrowserContext context = browsers.newContext();
        Page interviewer = signedInBoard(context, session.boardId());
        SessionFlow.draw(interviewer, "rectangle", 260, 200);
        interviewer.locator("[data-testid='sync-status']:text('all changes saved')").waitFor();

        // the sign-in ends (the session cookie is gone, as after a logout elsewhere); the board keeps drawing
        context.clearCookies();
        interviewer.locator("[data-testid='signed-out']").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setTimeout(ShortTokensProfile.LIFETIME_SECONDS * 2_000));
        SessionFlow.draw(interviewer, "ellipse", 420, 200);
        SessionFlow.draw(interviewer, "diamond", 600, 200);
        interviewer.locator("[data-testid='sync-status'][data-state='signed-out']:text('2 unsent changes kept')").waitFor();
        int seqBefore = (Integer) interviewer.evaluate("() => window.mockboard.sync.seq");
        assertThat(interviewer.locator("[data-testid='signed-out']").textContent()).contains("Your sign-in has ended");
        Browsers.screenshot(interviewer, "signed-out-board");

        Page popup = interviewer.waitForPopup(() -> interviewer.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in again")).click());
        popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("alice").setExact(true)).click();
        interviewer.locator("[data-testid='sync-status'][data-state='live']:text('all changes saved')").waitFor();
        assertThat(interviewer.locator("[data-testid='signed-out']").count()).isZero();

        List<Map<String, Object>> ops = given().auth().oauth2(DevOidc.token("alice", "interviewer"))
                .when().get("/api/boards/" + session.boardId() + "/scene").then().statusCode(200).extract().path("elements");
        assertThat(ops.stream().map(e -> e.get("type")).toList()).containsExactlyInAnyOrder("rectangle", "ellipse", "diamond");
        // exactly once [S4]: the changes kept while signed out were stored as one op, never twice
        assertThat((Integer) interviewer.evaluate("() => window.mockboard.sync.seq")).isEqualTo(seqBefore + 1);
    }

    private TestSessions.Created startedSession(String title) {
        return SessionFlow.startedSession(DevOidc.token("alice", "interviewer"), title);
    }

    private Page signedInBoard(BrowserContext context, String boardId) {
        return SessionFlow.signedInBoard(context, root, boardId, "alice");
    }
}
