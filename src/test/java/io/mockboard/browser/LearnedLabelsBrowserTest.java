package io.mockboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.mockboard.session.TestSessions;
import io.mockboard.sync.ws.Frames;
import io.mockboard.sync.ws.WsTestClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On the review page, picking a kind for a "not recognised" label maps it at once and the coverage counts it. */
@QuarkusTest
class LearnedLabelsBrowserTest {
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
    void pickingAKindForANotRecognisedLabelCountsItInTheCoverage() {
        String alice = oidc.getAccessToken("alice", "alice");
        String label = "Pinecone " + UUID.randomUUID().toString().substring(0, 4);
        TestSessions.Created session = TestSessions.create(alice, "Label mapping", "visual-search-blank");
        URI ws = URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + session.boardId() + "/sync");
        try (WsTestClient client = WsTestClient.connect(ws, alice)) {
            client.send(Frames.hello("labels", 0));
            client.await("welcome");
            Map<String, Object> text = new HashMap<>(Frames.rectangle("box-t", 1, 20));
            text.putAll(Map.of("type", "text", "text", label, "originalText", label, "containerId", "box", "fontSize", 20,
                    "fontFamily", 5, "textAlign", "center", "verticalAlign", "middle", "lineHeight", 1.25));
            client.send(Map.of("t", "push", "clientSeq", 1, "elements", List.of(Frames.rectangle("box", 1, 10), text)));
            client.await("ack");
        }

        Page page = browsers.newContext().newPage();
        page.navigate(root + "sessions/" + session.id() + "/review");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("alice").setExact(true)).click();
        page.locator("[data-testid='unrecognised'] li:has-text('" + label + "')").waitFor();
        Browsers.screenshot(page.locator("section:has(#coverage-heading)"), "coverage-not-recognised");

        page.getByLabel("Count “" + label + "” as").selectOption("ann-index");
        page.waitForURL("**/review#coverage-heading");
        page.locator("[data-testid='learned-labels']").waitFor();
        assertThat(page.locator("[data-testid='unrecognised'] li:has-text('" + label + "')").count()).isZero();
        assertThat(page.locator(".chip.ok:has-text('ANN index')").count()).isEqualTo(1);
        page.locator("[data-testid='learned-labels'] summary").click();
        Browsers.screenshot(page, "coverage-label-learned");
    }
}
