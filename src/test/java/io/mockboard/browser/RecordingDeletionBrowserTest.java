package io.mockboard.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.mockboard.session.TestSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The session's owner deletes its recorded voices from the lobby: the page asks first (also after the panel re-read
 * itself), then says what was deleted.
 */
@QuarkusTest
class RecordingDeletionBrowserTest {
    static final OidcTestClient oidc = new OidcTestClient();
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
        oidc.close();
    }

    @Test
    void theOwnerDeletesTheRecordingsFromTheLobbyAfterSayingYesToTheQuestion() {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = SessionFlow.startedSession(alice, "Recorded mock with Cam");
        String cam = TestSessions.joinAsGuest(TestSessions.link(alice, session.id(), "candidate", false), "Cam");
        String track = given().cookie("mockboard_guest", cam).contentType("application/json").body(Map.of("mimeType", "audio/webm"))
                .when().post("/api/sessions/" + session.id() + "/recordings").then().statusCode(201).extract().path("id");
        given().cookie("mockboard_guest", cam).contentType("audio/webm").queryParam("startMs", 0).queryParam("endMs", 5_000)
                .body(new byte[700_000]).when().put("/api/recordings/" + track + "/chunks/0").then().statusCode(201);
        String alices = given().auth().oauth2(alice).contentType("application/json").body(Map.of("mimeType", "audio/webm"))
                .when().post("/api/sessions/" + session.id() + "/recordings").then().statusCode(201).extract().path("id");
        given().auth().oauth2(alice).contentType("audio/webm").queryParam("startMs", 0).queryParam("endMs", 5_000)
                .body(new byte[300_000]).when().put("/api/recordings/" + alices + "/chunks/0").then().statusCode(201);
        given().auth().oauth2(alice).when().post("/api/sessions/" + session.id() + "/end").then().statusCode(200);

        Page lobby = browsers.newPage();
        lobby.navigate(root + "login?next=/sessions/" + session.id());
        lobby.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("alice").setExact(true)).click();
        lobby.waitForURL("**/sessions/" + session.id());
        assertThat(lobby.locator("[data-testid='voices']").textContent()).contains("Cam").contains("0.7 MB").contains("Alice").contains("0.3 MB");
        assertThat(lobby.locator("[data-testid='voices-total']").textContent()).isEqualTo("1.0 MB stored in all.");
        Browsers.screenshot(lobby, "lobby-voices-recorded");

        // meanwhile an admin deletes Alice's track: the panel re-reads itself, and its new form still asks first
        given().auth().oauth2(oidc.getAccessToken("carol", "carol")).when().delete("/api/recordings/" + alices).then().statusCode(204);
        lobby.locator("[data-testid='voice-deletions']:has-text('by Carol (admin): 1 track, 0.3 MB')").waitFor();
        assertThat(lobby.locator("[data-testid='voices-total']").textContent()).isEqualTo("0.7 MB stored in all.");

        List<String> questions = new ArrayList<>();
        lobby.onceDialog(dialog -> {
            questions.add(dialog.message());
            dialog.dismiss();
        });
        lobby.locator("[data-testid='delete-recordings']").click();
        assertThat(questions).singleElement().asString().startsWith("Delete every recorded voice of this session (0.7 MB)?");
        given().auth().oauth2(alice).when().get("/api/sessions/" + session.id() + "/recordings").then().body("size()", equalTo(1));

        lobby.onceDialog(dialog -> dialog.accept());
        lobby.locator("[data-testid='delete-recordings']").click();
        lobby.locator("[data-testid='voice-deletions']:has-text('by Alice (owner)')").waitFor();
        assertThat(lobby.locator("[data-testid='voice-deletions'] li").allTextContents()).hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("Recordings deleted"))
                .satisfies(lines -> assertThat(lines.get(1)).endsWith("by Alice (owner): 1 track, 0.7 MB"));
        assertThat(lobby.locator("[data-testid='voices-empty']").textContent()).isEqualTo("No recorded voice is kept.");
        assertThat(lobby.locator("[data-testid='delete-recordings']").count()).isZero();
        Browsers.screenshot(lobby, "lobby-recordings-deleted");
        given().auth().oauth2(alice).when().get("/api/sessions/" + session.id() + "/recordings").then().body("size()", equalTo(0));
    }
}
