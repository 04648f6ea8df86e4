package io.mockboard.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.mockboard.session.TestSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every shipped template, seeded into a session's board, renders in Excalidraw whole and without errors. */
@QuarkusTest
class TemplateBrowserTest {
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

    private record Shipped(String slug, int elementCount) {}

    @Test
    void everyShippedTemplateLoadsOnABoardWithAllItsElementsAndNoErrors() {
        String alice = oidc.getAccessToken("alice", "alice");
        List<Map<String, Object>> listed = given().auth().oauth2(alice).when().get("/api/templates").then().statusCode(200)
                .extract().path("findAll { it.slug != null }");
        List<Shipped> shipped = listed.stream().map(t -> new Shipped((String) t.get("slug"), (Integer) t.get("elementCount"))).toList();
        assertThat(shipped).hasSize(26);

        BrowserContext browser = browsers.newContext();
        Page page = browser.newPage();
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                errors.add(m.text() + " at " + m.location());
            }
        });
        browser.onResponse(r -> {
            if (r.status() >= 400) {
                errors.add(r.status() + " " + r.url());
            }
        });
        page.navigate(root + "login?next=/home");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("alice").setExact(true)).click();
        page.waitForURL("**/home");
        errors.clear(); // the dev sign-in page asks for a favicon it does not have; only the boards count

        for (Shipped template : shipped) {
            String board = given().auth().oauth2(alice).contentType("application/json")
                    .body(Map.of("title", template.slug(), "template", template.slug()))
                    .when().post("/api/sessions").then().statusCode(201).extract().path("boardId");
            page.navigate(root + "b/" + board);
            page.locator("[data-testid='sync-status'][data-state='live']").waitFor();
            page.waitForFunction("n => window.mockboard.excalidraw.getSceneElements().length === n", template.elementCount());
            if (template.slug().equals("ad-click-prediction-reference") || template.slug().equals("ml-system-design-scaffold")) {
                page.evaluate("() => window.mockboard.excalidraw.scrollToContent(undefined, { fitToViewport: true })");
                Browsers.screenshot(page, "template-" + template.slug());
            }
            assertThat(errors).as(template.slug()).isEmpty();
        }
        browser.close();
    }

    @Test
    void bothParticipantsSeeTheTemplateOnTheirBoard() {
        String alice = oidc.getAccessToken("alice", "alice");
        String session = given().auth().oauth2(alice).contentType("application/json")
                .body(Map.of("title", "Ranking deep dive", "template", "block-two-stage-ranking"))
                .when().post("/api/sessions").then().statusCode(201).extract().path("id");
        int count = given().auth().oauth2(alice).when().get("/api/templates").then()
                .extract().path("find { it.slug == 'block-two-stage-ranking' }.elementCount");
        String link = TestSessions.link(alice, session, "candidate", false);

        Page cam = SessionFlow.joinAsGuest(browsers.newContext(), link, "Cam");
        cam.waitForFunction("n => window.mockboard.excalidraw.getSceneElements().length === n", count);
        assertThat(cam.evaluate("() => window.mockboard.excalidraw.getSceneElements()"
                + ".filter(e => e.customData && e.customData.kind).length")).isNotEqualTo(0);
        cam.locator(".default-sidebar-trigger").click();
        cam.waitForFunction("() => document.querySelectorAll('.library-unit:not(.library-unit--skeleton)').length >= 26");
        Browsers.screenshot(cam, "component-library");
        cam.keyboard().press("Escape");
        Page interviewer = browsers.newContext().newPage();
        interviewer.navigate(root + "login?next=/sessions/" + session);
        interviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("alice").setExact(true)).click();
        interviewer.locator("a:text('Open the board')").click();
        interviewer.locator("[data-testid='sync-status'][data-state='live']").waitFor();
        interviewer.waitForFunction("n => window.mockboard.excalidraw.getSceneElements().length === n", count);
        cam.evaluate("() => window.mockboard.excalidraw.scrollToContent(undefined, { fitToViewport: true })");
        Browsers.screenshot(cam, "template-on-guest-board");
    }

    @Test
    void theGalleryShowsRenderedPreviewsAndStartsASessionFromACard() {
        Page page = browsers.newContext().newPage();
        page.navigate(root + "login?next=/templates");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("alice").setExact(true)).click();
        page.waitForURL("**/templates");
        // thumbnails load lazily: the ones on screen have rendered
        page.waitForFunction("() => [...document.querySelectorAll('.tcard img')].slice(0, 6).every(i => i.complete && i.naturalWidth > 0)");
        assertThat(page.locator("[data-testid='template-card']").count()).isGreaterThanOrEqualTo(26);
        Browsers.screenshot(page, "template-gallery");

        page.locator("#f-case").selectOption("personalized-news-feed");
        page.waitForURL("**caseStudy=personalized-news-feed**");
        assertThat(page.locator("[data-testid='template-card']").count()).isEqualTo(2);
        page.locator("[data-slug='personalized-news-feed-reference'] a:text('New session')").click();
        page.waitForURL("**/sessions/new?template=personalized-news-feed-reference");
        assertThat(page.locator("#template").inputValue()).isEqualTo("personalized-news-feed-reference");
        page.locator("#title").fill("News feed deep dive");
        Browsers.screenshot(page, "new-session-with-template");
        page.locator("button:text('Create session')").click();
        page.locator("a:text('Open the board')").click();
        page.locator("[data-testid='sync-status'][data-state='live']").waitFor();
        page.waitForFunction("() => window.mockboard.excalidraw.getSceneElements().some(e => e.customData?.kind === 'feature-store')");
    }
}
