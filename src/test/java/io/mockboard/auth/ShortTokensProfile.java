package io.mockboard.auth;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Tokens that last {@value #LIFETIME_SECONDS} s instead of minutes, so a test sees a whole interview's
 * worth of token expiries (a 45-minute interview spans three 15-minute tokens) in a minute or two.
 */
public class ShortTokensProfile implements QuarkusTestProfile {
    public static final int LIFETIME_SECONDS = 20;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.oidc.devservices.access-token-expires-in", LIFETIME_SECONDS + "S",
                "quarkus.oidc.devservices.id-token-expires-in", LIFETIME_SECONDS + "S",
                "quarkus.oidc.authentication.internal-id-token-lifespan", LIFETIME_SECONDS + "S",
                "quarkus.oidc.token.refresh-token-time-skew", "8S");
    }
}
