package io.mockboard.web;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.List;

/**
 * Starts Mockboard. When a production start fails and the settings it cannot run without are
 * missing, it says which environment variables to set, instead of leaving a person with whichever
 * component happened to read its setting first.
 */
@QuarkusMain
public class MockboardMain {
    static final List<String> REQUIRED_IN_PRODUCTION =
            List.of("MOCKBOARD_DB_URL", "MOCKBOARD_DB_USER", "MOCKBOARD_DB_PASSWORD", "MOCKBOARD_OIDC_URL");

    public static void main(String... args) {
        Quarkus.run(null, (exitCode, failure) -> {
            if (failure != null && LaunchMode.current() == LaunchMode.NORMAL) {
                List<String> missing = REQUIRED_IN_PRODUCTION.stream()
                        .filter(name -> System.getenv(name) == null || System.getenv(name).isBlank())
                        .toList();
                if (!missing.isEmpty()) {
                    System.err.println("Mockboard cannot start: set the environment variable" + (missing.size() > 1 ? "s " : " ")
                            + String.join(", ", missing) + " (see README.md, Production).");
                }
            }
            ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(exitCode, failure);
        }, args);
    }
}
