package io.mockboard.session.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.mockboard.session.TestSessions;
import io.mockboard.sync.ws.Frames;
import io.mockboard.sync.ws.WsTestClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The invite link's life: the join page, the guest identity it creates, expiry, single use, revocation. */
@QuarkusTest
class GuestJoinTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    JoinThrottle throttle;

    String alice;
    TestSessions.Created session;

    @AfterAll
    static void close() {
        oidc.close();
    }

    @BeforeEach
    void newSession() {
        alice = oidc.getAccessToken("alice", "alice");
        session = TestSessions.create(alice, "System design mock with Cam");
    }

    private String candidateLink() {
        return TestSessions.link(alice, session.id(), "candidate", false);
    }

    private URI ws() {
        return URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + session.boardId() + "/sync");
    }

    @Test
    void theJoinPageNamesTheSessionAndTheRole() {
        String token = TestSessions.tokenOf(candidateLink());
        given().when().get("/join/" + token).then().statusCode(200)
                .body(containsString("System design mock with Cam"))
                .body(containsString("as the candidate"))
                .body(containsString("name=\"name\""));
    }

    @Test
    void joiningSetsAnHttpOnlyStrictCookieThatIsTheGuestsIdentityInThatSessionOnly() {
        String token = TestSessions.tokenOf(candidateLink());
        Response joined = given().redirects().follow(false).formParam("name", "  Cam  ").when().post("/join/" + token);
        assertThat(joined.statusCode()).isEqualTo(303);
        assertThat(joined.header("Location")).endsWith("/b/" + session.boardId());
        String setCookie = joined.header("Set-Cookie");
        assertThat(setCookie).startsWith("mockboard_guest=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
        String guest = joined.cookie("mockboard_guest");
        assertThat(guest).hasSize(43);

        given().cookie("mockboard_guest", guest).when().get("/auth/session").then().statusCode(200)
                .body("user.name", equalTo("Cam")).body("user.guestOf", equalTo(session.id())).body("accessToken", equalTo(null));
        given().cookie("mockboard_guest", guest).when().get("/api/boards/" + session.boardId()).then().statusCode(200);
        TestSessions.Created other = TestSessions.create(alice, "Another session");
        given().cookie("mockboard_guest", guest).when().get("/api/boards/" + other.boardId()).then().statusCode(404);
        given().cookie("mockboard_guest", "not-a-real-token-but-43-characters-long-xx").when().get("/api/boards/" + session.boardId())
                .then().statusCode(401);

        List<String> names = given().auth().oauth2(alice).when().get("/sessions/" + session.id()).then().statusCode(200)
                .extract().htmlPath().getList("**.findAll { it.@class == 'people' }.li.collect { it.text() }");
        assertThat(String.join(" ", names)).contains("Cam");
    }

    @Test
    void aMissingOrOverlongNameIsExplainedOnTheFormAndTheLinkStaysUsable() {
        String token = TestSessions.tokenOf(TestSessions.link(alice, session.id(), "candidate", true));
        given().formParam("name", "   ").when().post("/join/" + token).then().statusCode(400)
                .body(containsString("Enter your name")).body(containsString("aria-invalid=\"true\""));
        given().formParam("name", "x".repeat(61)).when().post("/join/" + token).then().statusCode(400)
                .body(containsString("up to 60 characters"));
        given().redirects().follow(false).formParam("name", "Cam").when().post("/join/" + token).then().statusCode(303);
    }

    @Test
    void aSingleUseLinkLetsOnePersonIn() {
        String link = TestSessions.link(alice, session.id(), "candidate", true);
        TestSessions.joinAsGuest(link, "Cam");
        given().when().get("/join/" + TestSessions.tokenOf(link)).then().statusCode(403).body(containsString("already used"));
        given().formParam("name", "Eve").when().post("/join/" + TestSessions.tokenOf(link)).then().statusCode(403)
                .body(containsString("already used"));
    }

    @Test
    void anExpiredLinkGetsAPageThatSaysSo() throws Exception {
        String token = TestSessions.tokenOf(candidateLink());
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("update invite set expires_at = now() - interval '1 minute' where session_id = '" + session.id() + "'");
        }
        given().when().get("/join/" + token).then().statusCode(403).body(containsString("has expired"))
                .body(containsString("Ask your interviewer for a new one"));
    }

    @Test
    void unknownLinksGet404AndGuessingIsThrottledButAValidLinkStillWorks() {
        try {
            for (int i = 0; i < JoinThrottle.MAX_FAILURES; i++) {
                given().when().get("/join/guess" + i).then().statusCode(404).body(containsString("not valid"));
            }
            given().when().get("/join/guess-again").then().statusCode(429).body(containsString("Wait a minute"));
            // others guessing from the same address (a shared proxy, one office) never lock out a real invitation
            given().when().get("/join/" + TestSessions.tokenOf(candidateLink())).then().statusCode(200);
        } finally {
            throttle.clear();
        }
    }

    @Test
    void revokingALinkClosesTheSocketsItOpenedAtOnceAndLocksTheGuestOut() throws Exception {
        String link = candidateLink();
        String guest = TestSessions.joinAsGuest(link, "Cam");
        String inviteId = given().auth().oauth2(alice).when().get("/api/sessions/" + session.id() + "/invites")
                .then().statusCode(200).extract().path("[0].id");
        try (WsTestClient cam = WsTestClient.connect(ws(), Map.of("Cookie", "mockboard_guest=" + guest));
                WsTestClient interviewer = WsTestClient.connect(ws(), alice)) {
            cam.send(Frames.hello("cam", 0));
            cam.await("welcome");
            interviewer.send(Frames.hello("alice", 0));
            interviewer.await("welcome");

            given().auth().oauth2(alice).when().post("/api/sessions/" + session.id() + "/invites/" + inviteId + "/revoke")
                    .then().statusCode(200).body("revokedAt", org.hamcrest.Matchers.notNullValue());
            assertThat(cam.closeCode.get(15, TimeUnit.SECONDS)).isEqualTo(4001);
            interviewer.await(f -> f.path("t").asText().equals("peer-left"));
            interviewer.send(Map.of("t", "ping", "nonce", 1));
            interviewer.await("pong");
            assertThat(interviewer.closeCode).isNotDone();
        }
        given().cookie("mockboard_guest", guest).when().get("/api/boards/" + session.boardId()).then().statusCode(401);
        given().when().get("/join/" + TestSessions.tokenOf(link)).then().statusCode(403).body(containsString("was revoked"));
    }

    @Test
    void aCoInterviewerLinkNeedsAnInterviewerAccount() {
        String token = TestSessions.tokenOf(TestSessions.link(alice, session.id(), "co_interviewer", false));
        given().formParam("name", "Guest").when().post("/join/" + token).then().statusCode(403)
                .body(containsString("needs an interviewer account")).body(containsString("/login?next=/join/" + token));
        String dave = oidc.getAccessToken("dave", "dave");
        given().auth().oauth2(dave).when().get("/api/sessions/" + session.id()).then().statusCode(404);
        given().auth().oauth2(dave).redirects().follow(false).formParam("name", "").when().post("/join/" + token).then().statusCode(303);
        given().auth().oauth2(dave).when().get("/api/sessions/" + session.id()).then().statusCode(200);
        given().auth().oauth2(dave).when().get("/api/sessions").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(session.id()));
        given().auth().oauth2(dave).when().post("/api/sessions/" + session.id() + "/start").then().statusCode(403);
    }

    @Test
    void aSignedInCandidateAccountJoinsUnderItsOwnIdentity() throws Exception {
        String token = TestSessions.tokenOf(candidateLink());
        String bob = oidc.getAccessToken("bob", "bob");
        given().auth().oauth2(bob).when().get("/api/boards/" + session.boardId()).then().statusCode(404);
        Response joined = given().auth().oauth2(bob).redirects().follow(false).formParam("name", "").when().post("/join/" + token);
        assertThat(joined.statusCode()).isEqualTo(303);
        assertThat(joined.header("Set-Cookie")).as("no guest cookie for an account").isNull();
        given().auth().oauth2(bob).when().get("/api/boards/" + session.boardId()).then().statusCode(200);
        try (WsTestClient client = WsTestClient.connect(ws(), bob)) {
            client.send(Frames.hello("bob", 0));
            assertThat(client.await("welcome").path("you").path("role").asText()).isEqualTo("candidate");
        }
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() {
        String token = TestSessions.tokenOf(candidateLink());
        given().header("Origin", "https://evil.example").formParam("name", "Mallory").when().post("/join/" + token)
                .then().statusCode(403);
        given().header("Origin", root.getProtocol() + "://" + root.getHost() + ":" + root.getPort()).redirects().follow(false)
                .formParam("name", "Cam").when().post("/join/" + token).then().statusCode(303);
    }
}
