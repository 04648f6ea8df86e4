package io.mockboard.auth;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Runs Mockboard against a real Keycloak instead of the OIDC dev service. */
public class RealKeycloakProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakTestResource.class));
    }
}
