package io.mockboard.session.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.mockboard.session.TestSessions;
import io.mockboard.sync.store.PostgresNodeBus;
import io.mockboard.sync.ws.Frames;
import io.mockboard.sync.ws.WsTestClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the REST side sends to a board reaches its sockets whatever node the call landed on: this node's sockets get
 * another node's messages (a private note only to the interviewer, a step to everyone, a revoked invite's close),
 * and what happens here reaches the other nodes. The other node is a {@link PostgresNodeBus} of its own on the same
 * database, as a second process would have.
 */
@QuarkusTest
class CrossNodeEventsTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    String alice;
    TestSessions.Created session;
    PostgresNodeBus otherNode;
    final List<String> heardByOtherNode = new CopyOnWriteArrayList<>();

    @AfterAll
    static void close() {
        oidc.close();
    }

    @BeforeEach
    void newSessionAndAnotherNode() {
        alice = oidc.getAccessToken("alice", "alice");
        session = TestSessions.create(alice, "Across nodes");
        otherNode = new PostgresNodeBus(dataSource, UUID.randomUUID(), heardByOtherNode::add);
        otherNode.start();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(otherNode::listening);
    }

    @AfterEach
    void stopOtherNode() {
        otherNode.close();
    }

    private URI ws() {
        return URI.create("ws://" + root.getHost() + ":" + root.getPort() + "/boards/" + session.boardId() + "/sync");
    }

    @Test
    void anotherNodesNoteReachesOnlyTheInterviewerAndItsStepReachesEveryone() throws Exception {
        String guest = TestSessions.joinAsGuest(TestSessions.link(alice, session.id(), "candidate", false), "Cam");
        try (WsTestClient cam = WsTestClient.connect(ws(), Map.of("Cookie", "mockboard_guest=" + guest));
                WsTestClient interviewer = WsTestClient.connect(ws(), alice)) {
            cam.send(Frames.hello("cam", 0));
            cam.await("welcome");
            interviewer.send(Frames.hello("alice", 0));
            interviewer.await("welcome");

            otherNode.publish("""
                    {"op":"send","board":"%s","type":"note","audience":"PRIVATE","body":{"text":"strong on metrics"}}"""
                    .formatted(session.boardId()));
            otherNode.publish("""
                    {"op":"send","board":"%s","type":"step","audience":"EVERYONE","body":{"step":"data"}}"""
                    .formatted(session.boardId()));

            assertThat(interviewer.await("note").path("text").asText()).isEqualTo("strong on metrics");
            assertThat(interviewer.await("step").path("step").asText()).isEqualTo("data");
            assertThat(cam.await("step").path("step").asText()).isEqualTo("data");
            assertThat(cam.seen).noneMatch(frame -> frame.path("t").asText().equals("note"));
        }
    }

    @Test
    void anInviteRevokedThroughAnotherNodeClosesItsSocketHere() throws Exception {
        String guest = TestSessions.joinAsGuest(TestSessions.link(alice, session.id(), "candidate", false), "Cam");
        String inviteId = given().auth().oauth2(alice).when().get("/api/sessions/" + session.id() + "/invites")
                .then().statusCode(200).extract().path("[0].id");
        try (WsTestClient cam = WsTestClient.connect(ws(), Map.of("Cookie", "mockboard_guest=" + guest))) {
            cam.send(Frames.hello("cam", 0));
            cam.await("welcome");
            otherNode.publish("""
                    {"op":"close-tagged","tag":"invite:%s","code":4001,"reason":"invite revoked"}""".formatted(inviteId));
            assertThat(cam.closeCode.get(15, TimeUnit.SECONDS)).isEqualTo(4001);
        }
    }

    @Test
    void whatTheRestSideDoesHereReachesTheOtherNodes() {
        TestSessions.link(alice, session.id(), "candidate", false);
        String inviteId = given().auth().oauth2(alice).when().get("/api/sessions/" + session.id() + "/invites")
                .then().statusCode(200).extract().path("[0].id");
        given().auth().oauth2(alice).when().post("/api/sessions/" + session.id() + "/invites/" + inviteId + "/revoke")
                .then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heardByOtherNode.stream()
                .anyMatch(m -> m.contains("\"op\":\"close-tagged\"") && m.contains("invite:" + inviteId)));
    }
}
