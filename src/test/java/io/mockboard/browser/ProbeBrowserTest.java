package io.mockboard.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.mockboard.session.TestSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probe bank in the interviewer panel: the current step's probes, one click records one asked, seen in the replay. */
@QuarkusTest
class ProbeBrowserTest {
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
    void aProbeMarkedAskedIsAReplayMarkerAndALineOfTheReview() {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = TestSessions.create(alice, "Probe mock", "video-recommendation-blank");
        given().auth().oauth2(alice).when().post("/api/sessions/" + session.id() + "/start").then().statusCode(200);

        Page page = SessionFlow.signedInBoard(browsers.newContext(), root, session.boardId(), "alice");
        // the panel shows the current step's probes, each with its strong answer folded
        page.locator("[data-testid='probe-vr-clarify-1']").waitFor();
        assertThat(page.locator("[data-testid='probes'] li").count()).isEqualTo(5);
        page.locator("[data-testid='probe-vr-clarify-2'] summary").click();
        assertThat(page.locator("[data-testid='probe-vr-clarify-2'] .anchor").innerText()).contains("retrieval stage");

        // moving the session to "Model" brings the panel to its probes; one is marked asked
        page.locator("[data-testid='go-model']").click();
        page.locator("[data-testid='probe-vr-model-2']").waitFor();
        page.locator("[data-testid='probe-vr-model-2'] button:text('Mark asked')").click();
        page.locator("[data-testid='probe-vr-model-2'] [data-testid='asked']").waitFor();
        assertThat(page.locator(".probe-step .spent").innerText()).isEqualTo("1/5 asked");
        page.locator("[data-testid='notes'] li:has-text('Asked: How do you sample negatives')").waitFor();
        Browsers.screenshot(page, "probe-asked-panel");

        // looking ahead at another step and back
        page.locator("[data-testid='probe-step']").selectOption("serving");
        page.locator("[data-testid='probe-vr-serving-2']").waitFor();
        page.locator("[data-testid='probe-step']").selectOption("model");
        page.locator("[data-testid='probe-vr-model-2'] [data-testid='asked']").waitFor();

        given().auth().oauth2(alice).when().post("/api/sessions/" + session.id() + "/end").then().statusCode(200);
        page.navigate(root + "r/" + session.id());
        page.locator("[data-testid='player']").waitFor();
        page.locator("[data-testid='marker-probe']").waitFor();
        assertThat(page.locator("[data-testid='marker-probe']").count()).isEqualTo(1);
        assertThat(page.locator("[data-testid='marker-probe']").getAttribute("title")).contains("Probe asked by", "sample negatives");
        assertThat(page.locator("[data-testid='marker-note']").count()).as("a probe is not also a plain note marker").isZero();
        Browsers.screenshot(page, "probe-replay-marker");

        page.navigate(root + "sessions/" + session.id() + "/review");
        page.locator("[data-testid='review-notes'] li:has(.pill-probe)").waitFor();
        assertThat(page.locator("[data-testid='review-notes'] li").innerText()).contains("Asked: How do you sample negatives");
        Browsers.screenshot(page.locator("section:has(#notes-heading)"), "probe-review-line");
    }
}
