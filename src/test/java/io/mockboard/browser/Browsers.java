package io.mockboard.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Real headless Chromium for browser tests: the system's Chromium (Debian's package, or the path in
 * {@code MOCKBOARD_CHROMIUM}); Playwright never downloads a browser. Without a Chromium the tests
 * are skipped with a message saying so; where {@code MOCKBOARD_REQUIRE_BROWSERS=1} (CI: {@code .ci/run} installs
 * Chromium and sets it) they fail instead, so a green CI run has always run them.
 */
public final class Browsers implements AutoCloseable {
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

    private final Playwright playwright;
    private final Browser browser;

    private Browsers(Path executable, List<String> extraArgs) {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        List<String> args = new java.util.ArrayList<>(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"));
        args.addAll(extraArgs);
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(args));
    }

    /** Starts Chromium, or skips the calling test (with the reason) when the machine has none. */
    public static Browsers startOrSkip() {
        return startOrSkip(List.of());
    }

    /**
     * Chromium whose microphone plays this WAV file (looped) with no permission prompt, and whose calls use
     * loopback addresses only: real WebRTC and MediaRecorder on one machine, with no microphone.
     */
    public static Browsers withMicrophone(Path wav) {
        return startOrSkip(List.of("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + wav.toAbsolutePath(), "--allow-loopback-in-peer-connection",
                "--autoplay-policy=no-user-gesture-required", "--disable-features=WebRtcHideLocalIpsWithMdns"));
    }

    /** Chromium that plays audio without a click first (the replay's conversation in a test that only seeks). */
    public static Browsers withAutoplay() {
        return startOrSkip(List.of("--autoplay-policy=no-user-gesture-required"));
    }

    private static Browsers startOrSkip(List<String> extraArgs) {
        Optional<Path> executable = findChromium();
        if (executable.isEmpty()) {
            String reason = "no Chromium found (looked at MOCKBOARD_CHROMIUM and " + CANDIDATES + "): install Debian's chromium";
            if ("1".equals(System.getenv("MOCKBOARD_REQUIRE_BROWSERS"))) {
                org.junit.jupiter.api.Assertions.fail("[browser tests] required but " + reason);
            }
            System.err.println("[browser tests] SKIPPED: " + reason);
        }
        Assumptions.assumeTrue(executable.isPresent(), "no Chromium found: install Debian's chromium to run browser tests");
        return new Browsers(executable.get(), extraArgs);
    }

    static Optional<Path> findChromium() {
        String configured = System.getenv("MOCKBOARD_CHROMIUM");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    public Page newPage() {
        return newContext().newPage();
    }

    /** A fresh context: its own cookies, storage and network conditions, like a second person's browser. */
    public com.microsoft.playwright.BrowserContext newContext() {
        return newContext(new Browser.NewContextOptions());
    }

    /** A fresh context with these options (permissions, for instance) and the usual viewport. */
    public com.microsoft.playwright.BrowserContext newContext(Browser.NewContextOptions options) {
        return browser.newContext(options.setViewportSize(1280, 800));
    }

    /** Saves a screenshot under target/screenshots so a person can look at what the test saw. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")));
    }

    /** Saves a screenshot of one part of a page (e.g. a section below the fold). */
    public static void screenshot(com.microsoft.playwright.Locator part, String name) {
        part.screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
