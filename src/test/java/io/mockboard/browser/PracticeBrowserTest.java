package io.mockboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A candidate account practises alone: from the practice page through the steps to the reference and a self-score. */
@QuarkusTest
class PracticeBrowserTest {
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
    void aPracticeGoesFromTheCaseStudyThroughTheStepsToTheReferenceAndASelfScore() {
        Page page = browsers.newContext().newPage();
        page.navigate(root + "practice");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("bob").setExact(true)).click();
        page.locator("[data-testid='case-studies'] li").first().waitFor();
        assertThat(page.locator("[data-testid='case-studies'] li").count()).isEqualTo(10);
        Browsers.screenshot(page, "practice-page");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Practise Video recommendation")).click();
        page.waitForURL("**/b/**");
        page.locator("[data-testid='sync-status'][data-state='live']").waitFor();
        page.locator("[data-testid='step-bar'][data-step='clarify']").waitFor();
        assertThat(page.locator("[data-testid='you'] .role").innerText()).isEqualTo("practice");
        assertThat(page.locator("[data-testid='follow-me']").count()).as("nobody to present to").isZero();
        assertThat(page.locator("[data-testid='probes']").count()).as("no probes with strong answers while practising").isZero();

        // the candidate moves the steps themselves and draws
        page.getByLabel("Next step").click();
        page.locator("[data-testid='step-bar'][data-step='frame-as-ml-task']").waitFor();
        SessionFlow.draw(page, "rectangle", 200, 500);
        page.locator("[data-testid='sync-status'][data-state='live']:text('all changes saved')").waitFor();
        assertThat(page.locator("[data-testid='tab-reference']").count()).as("no reference before the end").isZero();
        Browsers.screenshot(page, "practice-board");

        page.locator("[data-testid='end-practice']").click();
        page.locator("[data-testid='end-practice-confirm']").click();
        page.locator("[data-testid='ended']").waitFor();
        page.locator("[data-testid='reference'] img").waitFor();
        page.waitForFunction("() => document.querySelector(\"[data-testid='reference'] img\").naturalWidth > 0");
        assertThat(page.locator("[data-testid='reference'] h3").innerText()).isEqualTo("Video recommendation (reference)");
        assertThat(page.locator("[data-testid='reference-scores']").innerText()).contains("Components", "Data flows");
        assertThat(page.locator("[data-testid='reference'] .kind-chips li.missing").count()).isGreaterThan(3);
        Browsers.screenshot(page, "practice-reference-revealed");

        page.locator("[data-testid='tab-scorecard']").click();
        var criteria = page.locator("[data-testid^='criterion-'] .levels");
        criteria.first().waitFor();
        for (int i = 0; i < criteria.count(); i++) {
            criteria.nth(i).locator("label").nth(1).click();
        }
        page.locator("label.level:has(input[name='recommendation'][value='no_hire'])").click();
        page.onDialog(dialog -> dialog.accept());
        page.locator("button:text('Submit scorecard')").click();
        page.locator("[data-testid='scorecard-submitted']").waitFor();
        Browsers.screenshot(page, "practice-self-scored");

        page.navigate(root + "me/progress");
        page.locator("[data-testid='progress-sessions'] li:has-text('Practice · Video recommendation')").first().waitFor();
        var practised = page.locator("[data-testid='progress-sessions'] li:has-text('Practice · Video recommendation')").first();
        assertThat(practised.innerText()).contains("self-scored");
        assertThat(practised.locator(".pill").innerText()).isEqualToIgnoringCase("practice");
        assertThat(page.locator("[data-testid='progress'] td.level-2").count()).isGreaterThan(0);
        Browsers.screenshot(page, "practice-progress");
    }
}
