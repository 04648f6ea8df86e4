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

            String boardId = guest.url().replaceAll(".*/b/([^/?#]+).*", "$1");
            page.navigate(login.toString().replace("/login", "/b/" + boardId));
            page.locator("[data-testid='sync-status'][data-state='live']").waitFor();
            SessionFlow.drawAcrossTokenLifetimes(page, guest, 3, RealKeycloakProfile.TOKEN_LIFESPAN_SECONDS,
                    () -> given().auth().oauth2(passwordGrant("alice")).when().get("/api/boards/" + boardId + "/scene")
                            .then().statusCode(200).extract().path("elements"));
            signInEndsAndComesBack(page, boardId);
        }
    }

    /** Keycloak ends Alice's SSO session mid-interview: the board says so, keeps her changes, stores them once after she signs in again. */
    private void signInEndsAndComesBack(Page interviewer, String boardId) {
        endSsoSessionsOf("alice");
        interviewer.locator("[data-testid='signed-out']").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setTimeout(RealKeycloakProfile.TOKEN_LIFESPAN_SECONDS * 2_000));
        SessionFlow.draw(interviewer, "diamond", 300, 600);
        interviewer.locator("[data-testid='sync-status'][data-state='signed-out']:text('1 unsent change kept')").waitFor();
        int seqBefore = (Integer) interviewer.evaluate("() => window.mockboard.sync.seq");
        Browsers.screenshot(interviewer, "keycloak-signed-out-board");

        Page popup = interviewer.waitForPopup(() -> interviewer.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in again")).click());
        popup.locator("#username").fill("alice");
        popup.locator("#password").fill("alice");
        popup.locator("#kc-login").click();
        interviewer.locator("[data-testid='sync-status'][data-state='live']:text('all changes saved')").waitFor();
        assertThat((Integer) interviewer.evaluate("() => window.mockboard.sync.seq")).as("stored once").isEqualTo(seqBefore + 1);
        java.util.List<String> types = given().auth().oauth2(passwordGrant("alice")).when().get("/api/boards/" + boardId + "/scene")
                .then().statusCode(200).extract().path("elements.type");
        assertThat(types).contains("diamond");
    }

    /** What "log out everywhere" in Keycloak's admin console does. */
    private void endSsoSessionsOf(String username) {
        String keycloak = realmUrl.substring(0, realmUrl.indexOf("/realms/"));
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .when().post(keycloak + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        String id = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .when().get(keycloak + "/admin/realms/mockboard/users").then().statusCode(200).extract().path("[0].id");
        given().auth().oauth2(admin).when().post(keycloak + "/admin/realms/mockboard/users/" + id + "/logout").then().statusCode(204);
    }
}
