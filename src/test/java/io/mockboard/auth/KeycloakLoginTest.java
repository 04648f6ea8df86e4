package io.mockboard.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.microsoft.playwright.Page;
import io.mockboard.browser.Browsers;
import io.mockboard.browser.SessionFlow;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
class KeycloakLoginTest {
    @ConfigProperty(name = "mockboard.test.keycloak-url")
    String realmUrl;

    @TestHTTPResource("/login")
    URL login;

    private String passwordGrant(String user) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "mockboard-api")
                .formParam("client_secret", "mockboard-api-secret")
                .formParam("username", user)
                .formParam("password", user)
                .when().post(realmUrl + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    @Test
    void keycloakInterviewerReachesTheRoleProtectedApi() {
        String token = passwordGrant("alice");
        given().auth().oauth2(token).when().get("/api/me")
                .then().statusCode(200).body("roles", hasItem("interviewer")).body("name", equalTo("Alice Interviewer"));
        given().auth().oauth2(token).when().get("/api/boards").then().statusCode(200);
    }

    @Test
    void keycloakCandidateIsForbidden() {
        given().auth().oauth2(passwordGrant("bob")).when().get("/api/boards").then().statusCode(403);
    }

    @Test
    void browserSignsInThroughTheKeycloakLoginPage() {
        try (Browsers browsers = Browsers.startOrSkip()) {
            Page page = browsers.newPage();
            page.navigate(login.toString());
            page.locator("#username").fill("alice");
            page.locator("#password").fill("alice");
            page.locator("#kc-login").click();
            page.waitForURL("**/home");
            assertThat(page.locator(".who").textContent()).isEqualTo("Alice Interviewer");
            assertThat(page.locator(".role").allTextContents()).containsExactly("interviewer");

            Browsers.screenshot(page, "keycloak-signed-in-dashboard");

            SessionFlow.createSession(page, "Keycloak mock");
            String link = SessionFlow.createLink(page, "candidate");
            assertThat(link).contains("/join/");
            Page guest = SessionFlow.joinAsGuest(browsers.newContext(), link, "Cam Candidate");
            guest.locator(".board-title:text('Keycloak mock')").waitFor();
            assertThat(guest.evaluate("() => window.mockboard.sync.identity?.role")).isEqualTo("candidate");
        }
    }
}
