package io.mockboard.auth;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Runs Mockboard against a real Keycloak instead of the OIDC dev service, with the shipped realm's tokens
 * shortened to {@value #TOKEN_LIFESPAN_SECONDS} s so the tests live through several token expiries.
 */
public class RealKeycloakProfile implements QuarkusTestProfile {
    public static final int TOKEN_LIFESPAN_SECONDS = 20;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakTestResource.class,
                Map.of(KeycloakTestResource.ACCESS_TOKEN_LIFESPAN, String.valueOf(TOKEN_LIFESPAN_SECONDS))));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.oidc.token.refresh-token-time-skew", "8S");
    }
}
