package io.mockboard.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.mockboard.core.DomainException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import jakarta.inject.Inject;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InviteTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @Inject
    InviteService invites;

    @Inject
    AgroalDataSource dataSource;

    String session;

    @AfterAll
    static void close() {
        oidc.close();
    }

    private static String token(String user) {
        return oidc.getAccessToken(user, user);
    }

    @BeforeEach
    void newSession() {
        session = given().auth().oauth2(token("alice")).contentType("application/json").body(Map.of("title", "Invite test"))
                .when().post("/api/sessions").then().statusCode(201).extract().path("id");
    }

    private String link(Map<String, Object> body) {
        return given().auth().oauth2(token("alice")).contentType("application/json").body(body)
                .when().post("/api/sessions/" + session + "/invites")
                .then().statusCode(201).extract().path("link");
    }

    private static String tokenOf(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void linkCarries256RandomBitsAndOnlyItsHashIsStored() throws Exception {
        String link = link(Map.of("role", "candidate"));
        String token = tokenOf(link);
        assertThat(link).contains("/join/");
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        try (var c = dataSource.getConnection(); var s = c.createStatement();
                var rows = s.executeQuery("select encode(token_hash, 'hex') from invite where session_id = '" + session + "'")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(HexFormat.of().formatHex(InviteService.hash(token))).doesNotContain(token);
        }
        InviteService.Grant grant = invites.redeem(token);
        assertThat(grant.role()).isEqualTo(InviteRole.CANDIDATE);
        assertThat(grant.sessionId().toString()).isEqualTo(session);
        assertThat(invites.redeem(token).inviteId()).isEqualTo(grant.inviteId());
    }

    @Test
    void singleUseLinkWorksOnce() {
        String token = tokenOf(link(Map.of("role", "observer", "singleUse", true)));
        assertThat(invites.redeem(token).role()).isEqualTo(InviteRole.OBSERVER);
        assertThatThrownBy(() -> invites.redeem(token)).isInstanceOf(DomainException.class).hasMessageContaining("already used");
    }

    @Test
    void revokedExpiredAndUnknownLinksSayWhy() throws Exception {
        String revoked = tokenOf(link(Map.of()));
        String inviteId = given().auth().oauth2(token("alice")).when().get("/api/sessions/" + session + "/invites")
                .then().statusCode(200).body("$", hasSize(1)).extract().path("[0].id");
        given().auth().oauth2(token("alice")).when().post("/api/sessions/" + session + "/invites/" + inviteId + "/revoke")
                .then().statusCode(200).body("revokedAt", org.hamcrest.Matchers.notNullValue());
        assertThatThrownBy(() -> invites.redeem(revoked)).hasMessageContaining("revoked");

        String expired = tokenOf(link(Map.of("validFor", "PT1H")));
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("update invite set expires_at = now() - interval '1 minute' where revoked_at is null and session_id = '" + session + "'");
        }
        assertThatThrownBy(() -> invites.redeem(expired)).hasMessageContaining("expired");
        assertThatThrownBy(() -> invites.redeem("x".repeat(43))).hasMessageContaining("not valid");
        assertThatThrownBy(() -> invites.redeem(null)).hasMessageContaining("not valid");
    }

    @Test
    void onlyTheSessionsInterviewerManagesItsInvites() {
        given().auth().oauth2(token("dave")).contentType("application/json").body(Map.of())
                .when().post("/api/sessions/" + session + "/invites").then().statusCode(404);
        given().auth().oauth2(token("dave")).when().get("/api/sessions/" + session + "/invites").then().statusCode(404);
        given().auth().oauth2(token("bob")).when().get("/api/sessions/" + session + "/invites").then().statusCode(403);
    }

    @Test
    void endedSessionsAndSillyLifetimesGetNoInvites() {
        given().auth().oauth2(token("alice")).contentType("application/json").body(Map.of("validFor", "P90D"))
                .when().post("/api/sessions/" + session + "/invites")
                .then().statusCode(400).body("detail", containsString("30 days"));
        given().auth().oauth2(token("alice")).when().post("/api/sessions/" + session + "/start").then().statusCode(200);
        given().auth().oauth2(token("alice")).when().post("/api/sessions/" + session + "/end").then().statusCode(200);
        given().auth().oauth2(token("alice")).contentType("application/json").body(Map.of())
                .when().post("/api/sessions/" + session + "/invites")
                .then().statusCode(409).body("detail", equalTo("This session has ended; nobody can join it any more"));
    }
}
