package io.mockboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BoardPageBrowserTest {
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
    void drawsARectangleOnTheBoardPage() {
        Page page = browsers.newPage();
        page.navigate(root.toString());
        Locator canvas = page.locator("canvas.interactive");
        canvas.waitFor();

        page.locator("label:has([data-testid='toolbar-rectangle'])").click();
        var box = canvas.boundingBox();
        page.mouse().move(box.x + 300, box.y + 200);
        page.mouse().down();
        page.mouse().move(box.x + 500, box.y + 320, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();

        page.waitForFunction("() => window.mockboard?.excalidraw.getSceneElements().length === 1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> elements = (List<Map<String, Object>>) page.evaluate(
                "() => window.mockboard.excalidraw.getSceneElements().map(e => ({type: e.type, width: e.width, height: e.height}))");
        assertThat(elements).singleElement().satisfies(e -> {
            assertThat(e.get("type")).isEqualTo("rectangle");
            assertThat(((Number) e.get("width")).doubleValue()).isGreaterThan(150);
            assertThat(((Number) e.get("height")).doubleValue()).isGreaterThan(90);
        });
        Browsers.screenshot(page, "board-rectangle");

        // export: PNG and SVG from Excalidraw's image export dialog, .excalidraw from "Save to…"
        page.locator("[data-testid='main-menu-trigger']").click();
        assertThat(page.locator("[data-testid='json-export-button']").isVisible()).isTrue();
        page.locator("[data-testid='image-export-button']").click();
        page.locator(".ImageExportModal").waitFor();
        assertThat(page.locator(".ImageExportModal button:has-text('PNG')").isVisible()).isTrue();
        assertThat(page.locator(".ImageExportModal button:has-text('SVG')").isVisible()).isTrue();
        Browsers.screenshot(page, "board-export");
    }
}
