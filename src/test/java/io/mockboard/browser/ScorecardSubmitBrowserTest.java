package io.mockboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.mockboard.session.TestSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Submitting an incomplete scorecard says what is missing where the person is looking, before any confirmation. */
@QuarkusTest
class ScorecardSubmitBrowserTest {
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
    void anIncompleteScorecardIsCheckedBeforeConfirmingAndTheMissingFieldIsShownAndFocused() {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = SessionFlow.startedSession(alice, "Scorecard check");
        Page page = SessionFlow.signedInBoard(browsers.newContext(), root, session.boardId(), "alice");
        List<String> dialogs = new ArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.accept();
        });

        page.locator("[data-testid='tab-scorecard']").click();
        var criteria = page.locator("[data-testid^='criterion-'] .levels");
        criteria.first().waitFor();
        for (int i = 0; i < criteria.count(); i++) {
            criteria.nth(i).locator("label").nth(2).click();
        }
        page.locator("text=Draft saved").waitFor();
        page.locator("button:text('Submit scorecard')").click();

        var error = page.locator("[data-testid='scorecard-error']");
        error.waitFor();
        assertThat(error.textContent()).contains("Choose an overall recommendation");
        BoundingBox box = error.boundingBox();
        assertThat(box.y + box.height).as("the error is inside the visible area").isLessThanOrEqualTo(800);
        assertThat(box.y).isGreaterThanOrEqualTo(0);
        assertThat(page.evaluate("() => document.activeElement?.name")).as("focus is on the missing field").isEqualTo("recommendation");
        assertThat(dialogs).as("no confirmation for a scorecard that cannot be submitted").isEmpty();
        Browsers.screenshot(page, "scorecard-missing-recommendation");

        page.locator("label.level:has(input[name='recommendation'][value='hire'])").click();
        page.locator("button:text('Submit scorecard')").click();
        page.locator("[data-testid='scorecard-submitted']").waitFor();
        assertThat(dialogs).hasSize(1);
    }
}
