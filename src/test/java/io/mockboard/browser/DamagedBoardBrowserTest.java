package io.mockboard.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.agroal.api.AgroalDataSource;
import io.mockboard.session.TestSessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A board whose op log already holds malformed elements (stored before the server validated them):
 * it opens, the canvas repairs what it can and leaves out the rest, people keep drawing, and it replays.
 */
@QuarkusTest
class DamagedBoardBrowserTest {
    static Browsers browsers;
    static final OidcTestClient oidc = new OidcTestClient();
    private static final String COUNT = "() => window.mockboard?.excalidraw?.getSceneElements().length ?? -1";

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void start() {
        browsers = Browsers.startOrSkip();
    }

    @AfterAll
    static void stop() {
        oidc.close();
        if (browsers != null) {
            browsers.close();
        }
    }

    @Test
    void aBoardHoldingMalformedElementsOpensRepairsDrawsAndReplays() throws Exception {
        String alice = oidc.getAccessToken("alice", "alice");
        TestSessions.Created session = SessionFlow.startedSession(alice, "Damaged board");
        String rect = "{\"id\":\"%s\",\"type\":\"rectangle\",\"x\":%d,\"y\":200,\"width\":120,\"height\":80,\"angle\":0,"
                + "\"strokeColor\":\"#1e1e1e\",\"backgroundColor\":\"transparent\",\"fillStyle\":\"solid\",\"strokeWidth\":2,"
                + "\"strokeStyle\":\"solid\",\"roughness\":1,\"opacity\":100,%s\"frameId\":null,\"index\":\"%s\",\"roundness\":null,"
                + "\"seed\":7,\"version\":1,\"versionNonce\":1,\"isDeleted\":false,\"boundElements\":null,\"updated\":1,\"link\":null,\"locked\":false}";
        String elements = "[" + String.format(rect, "no-groups", 300, "", "a0") + ","
                + String.format(rect, "bad-index", 500, "\"groupIds\":[],", "b1") + ","
                + "{\"id\":\"junk\",\"type\":\"spaceship\"}]";
        insertLegacyOp(UUID.fromString(session.boardId()), elements);

        Page page = SessionFlow.signedInBoard(browsers.newContext(), root, session.boardId(), "alice");
        page.waitForFunction("n => (" + COUNT + ")() === n", 2);
        assertThat(page.locator("[role='status']:has-text('could not be shown')").count()).isEqualTo(1);
        Browsers.screenshot(page, "damaged-board-opened");

        // the repairs go back to the server, and drawing goes on as usual
        SessionFlow.draw(page, "ellipse", 400, 420);
        page.waitForFunction("n => (" + COUNT + ")() === n", 3);
        page.locator("[data-testid='sync-status']:text('all changes saved')").waitFor();
        List<String> ids = given().auth().oauth2(alice).when().get("/api/boards/" + session.boardId() + "/scene")
                .then().statusCode(200).extract().path("elements.id");
        assertThat(ids).contains("no-groups", "bad-index").hasSize(4);

        Page cam = SessionFlow.joinAsGuest(browsers.newContext(),
                TestSessions.link(alice, session.id(), "candidate", false), "Cam");
        cam.waitForFunction("n => (" + COUNT + ")() === n", 3);

        Page replay = browsers.newContext().newPage();
        replay.navigate(root + "r/" + session.id());
        replay.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("alice").setExact(true)).click();
        replay.locator("[data-testid='player']").waitFor();
        replay.waitForFunction("n => (" + COUNT + ")() === n", 3);
        Browsers.screenshot(replay, "damaged-board-replay");
    }

    /** As an older server stored it: an op with elements nobody validated, and its client cursor. */
    private void insertLegacyOp(UUID board, String elements) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement op = c.prepareStatement("insert into board_op (board_id, seq, author, client_id, client_seq, at, elements)"
                        + " values (?, 1, 'alice', 'legacy-tab', 1, ?, cast(? as json))");
                PreparedStatement cursor = c.prepareStatement(
                        "insert into client_cursor (board_id, client_id, last_client_seq, user_id) values (?, 'legacy-tab', 1, 'alice')")) {
            op.setObject(1, board);
            op.setTimestamp(2, Timestamp.from(Instant.now()));
            op.setString(3, elements);
            op.executeUpdate();
            cursor.setObject(1, board);
            cursor.executeUpdate();
        }
    }
}
