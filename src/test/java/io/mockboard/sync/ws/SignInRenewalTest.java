package io.mockboard.sync.ws;

import static io.mockboard.sync.ws.Frames.hello;
import static io.mockboard.sync.ws.Frames.push;
import static io.mockboard.sync.ws.Frames.rectangle;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.mockboard.auth.DevOidc;
import io.mockboard.auth.ShortTokensProfile;
import io.mockboard.board.TestBoards;
import io.mockboard.session.TestSessions;
import io.mockboard.sync.protocol.CloseCodes;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A board socket outlives the access token it was opened with when the page renews its sign-in ({@code auth}). */
@QuarkusTest
@TestProfile(ShortTokensProfile.class)
class SignInRenewalTest {
    private static final Duration LIFETIME = Duration.ofSeconds(ShortTokensProfile.LIFETIME_SECONDS);

    @TestHTTPResource("/")
    URL root;

    @Test
    @DisplayName("a socket whose sign-in is renewed stays open across token lifetimes and stores every push; one not renewed closes with 1008")
    void renewedSocketOutlivesItsTokens() throws Exception {
        String board = TestBoards.create(DevOidc.token("alice", "interviewer"), "renewals");
        try (WsTestClient renewed = join(board, DevOidc.token("alice", "interviewer"), "renewed");
                WsTestClient stale = join(board, DevOidc.token("alice", "interviewer"), "stale")) {
            Instant end = Instant.now().plus(LIFETIME.multipliedBy(5).dividedBy(2));
            int clientSeq = 0;
            while (Instant.now().isBefore(end)) {
                renewed.send(Map.of("t", "auth", "token", DevOidc.token("alice", "interviewer")));
                assertThat(renewed.await("authed").path("expiresAt").asText()).isNotEmpty();
                int seq = ++clientSeq;
                renewed.send(push(seq, rectangle("renewed-" + seq, 1, seq * 10)));
                renewed.await(f -> f.path("t").asText().equals("ack") && f.path("clientSeq").asInt() == seq);
                // the token's life is wall-clock time: renew about three times per lifetime, as the page does
                LockSupport.parkNanos(LIFETIME.dividedBy(3).toNanos());
            }
            assertThat(stale.closeCode.get(LIFETIME.toSeconds(), TimeUnit.SECONDS)).as("the socket that was not renewed").isEqualTo(1008);
            assertThat(renewed.closeCode).as("the renewed socket is still open").isNotDone();
            List<String> ids = given().auth().oauth2(DevOidc.token("alice", "interviewer")).when().get("/api/boards/" + board + "/scene")
                    .then().statusCode(200).extract().path("elements.id");
            assertThat(ids).hasSize(clientSeq).allMatch(id -> id.startsWith("renewed-"));
            assertThat(clientSeq).isGreaterThanOrEqualTo(7);
        }
    }

    @Test
    @DisplayName("another person's token cannot take over a socket: refused as unauthorized, and the socket goes on as its owner")
    void anotherPersonsTokenIsRefused() {
        String board = TestBoards.create(DevOidc.token("alice", "interviewer"), "takeover");
        try (WsTestClient alice = join(board, DevOidc.token("alice", "interviewer"), "alice-tab")) {
            alice.send(Map.of("t", "auth", "token", DevOidc.token("dave", "interviewer")));
            assertThat(alice.await("error").path("code").asText()).isEqualTo("unauthorized");
            alice.send(Map.of("t", "auth", "token", "not-a-token"));
            assertThat(alice.await("error").path("code").asText()).isEqualTo("unauthorized");
            alice.send(push(1, rectangle("still-alice", 1, 10)));
            assertThat(alice.await("ack").path("clientSeq").asInt()).isEqualTo(1);
            assertThat(alice.closeCode).isNotDone();
        }
    }

    @Test
    @DisplayName("the access policy applies to a renewed sign-in: a changed role closes with 4011, no access at all with 4001")
    void renewedSignInIsAuthorizedAgain() throws Exception {
        String board = TestBoards.create(DevOidc.token("alice", "interviewer"), "roles");
        try (WsTestClient erin = join(board, DevOidc.token("erin", "admin"), "erin-tab")) {
            erin.send(Map.of("t", "auth", "token", DevOidc.token("erin", "admin")));
            erin.await("authed");
            erin.send(Map.of("t", "auth", "token", DevOidc.token("erin", "interviewer")));
            assertThat(erin.closeCode.get(15, TimeUnit.SECONDS)).as("admin → interviewer").isEqualTo(CloseCodes.ACCESS_CHANGED);
        }

        String alice = DevOidc.token("alice", "interviewer");
        TestSessions.Created session = TestSessions.create(alice, "revoked");
        try (WsTestClient erin = join(session.boardId(), DevOidc.token("erin", "admin"), "erin-tab")) {
            erin.send(Map.of("t", "auth", "token", DevOidc.token("erin")));
            assertThat(erin.closeCode.get(15, TimeUnit.SECONDS)).as("an admin who is no longer one has no place in the session")
                    .isEqualTo(CloseCodes.UNAUTHORIZED);
        }
    }

    private WsTestClient join(String board, String token, String clientId) {
        WsTestClient client = WsTestClient.connect(URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + board + "/sync"), token);
        client.send(hello(clientId, 0));
        client.await("welcome");
        return client;
    }
}
