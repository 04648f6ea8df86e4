package io.mockboard.web;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts Mockboard. A production start without the settings it cannot run without stops at once
 * with one message naming every missing environment variable, instead of a stack trace from
 * whichever component happens to read its setting first.
 */
@QuarkusMain
public class MockboardMain {
    static final Map<String, String> REQUIRED_IN_PRODUCTION = requiredInProduction();

    public static void main(String... args) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            List<String> missing = missingSettings();
            if (!missing.isEmpty()) {
                System.err.println("Mockboard cannot start: set the environment variable" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing) + " (see README.md, Production).");
                System.exit(1);
            }
        }
        Quarkus.run(args);
    }

    static List<String> missingSettings() {
        var config = ConfigProvider.getConfig();
        List<String> missing = new ArrayList<>();
        REQUIRED_IN_PRODUCTION.forEach((property, variable) -> {
            try {
                if (config.getOptionalValue(property, String.class).filter(v -> !v.isBlank()).isEmpty()) {
                    missing.add(variable);
                }
            } catch (RuntimeException unresolvable) {
                missing.add(variable);
            }
        });
        return missing;
    }

    private static Map<String, String> requiredInProduction() {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("quarkus.datasource.jdbc.url", "MOCKBOARD_DB_URL");
        required.put("quarkus.datasource.username", "MOCKBOARD_DB_USER");
        required.put("quarkus.datasource.password", "MOCKBOARD_DB_PASSWORD");
        required.put("quarkus.oidc.auth-server-url", "MOCKBOARD_OIDC_URL");
        return required;
    }
}
