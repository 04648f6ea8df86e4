package io.mockboard.call;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mockboard.session.TestSessions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Recording the conversation: each person's own track, stored chunk by chunk, idempotently, behind the access policy. */
@QuarkusTest
class RecordingResourceTest {
    static final OidcTestClient oidc = new OidcTestClient();
    static String alice;

    @BeforeAll
    static void tokens() {
        alice = oidc.getAccessToken("alice", "alice");
    }

    @AfterAll
    static void close() {
        oidc.close();
    }

    record Started(String sessionId, String cam, String oli) {}

    static Started started() {
        return started(alice, "Recorded call");
    }

    /** A running session of the owner's ({@code token}), with Cam (candidate) and Oli (observer) joined as guests. */
    static Started started(String token, String title) {
        TestSessions.Created session = TestSessions.create(token, title);
        given().auth().oauth2(token).when().post("/api/sessions/" + session.id() + "/start").then().statusCode(200);
        String cam = TestSessions.joinAsGuest(TestSessions.link(token, session.id(), "candidate", false), "Cam");
        String oli = TestSessions.joinAsGuest(TestSessions.link(token, session.id(), "observer", false), "Oli");
        return new Started(session.id(), cam, oli);
    }

    static RequestSpecification guest(String cookie) {
        return given().cookie("mockboard_guest", cookie);
    }

    static String startTrack(RequestSpecification who, String sessionId) {
        return who.contentType("application/json").body(Map.of("mimeType", "audio/webm;codecs=opus"))
                .when().post("/api/sessions/" + sessionId + "/recordings").then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.ValidatableResponse put(RequestSpecification who, String track, int seq, long startMs, byte[] data) {
        return who.contentType("audio/webm;codecs=opus").queryParam("startMs", startMs).queryParam("endMs", startMs + 5_000).body(data)
                .when().put("/api/recordings/" + track + "/chunks/" + seq).then();
    }

    @Test
    void eachChunkIsStoredOnceAndTheTrackReadsBackInOrderWithItsServerStartTime() {
        Started s = started();
        Instant before = Instant.now();
        String track = startTrack(guest(s.cam()), s.sessionId());
        put(guest(s.cam()), track, 0, 0, new byte[] {1, 2, 3}).statusCode(201);
        put(guest(s.cam()), track, 1, 5_000, new byte[] {4, 5}).statusCode(201);
        // the page sends a chunk again after a reload: nothing changes
        put(guest(s.cam()), track, 0, 0, new byte[] {1, 2, 3}).statusCode(200);
        put(guest(s.cam()), track, 1, 5_000, new byte[] {9}).statusCode(409).body("detail", containsString("already stored"));

        given().auth().oauth2(alice).when().get("/api/sessions/" + s.sessionId() + "/recordings").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].name", equalTo("Cam")).body("[0].chunks", equalTo(2))
                .body("[0].bytes", equalTo(5)).body("[0].durationMs", equalTo(10_000));
        String startedAt = given().auth().oauth2(alice).when().get("/api/sessions/" + s.sessionId() + "/recordings").then()
                .extract().path("[0].startedAt");
        assertThat(Duration.between(before, Instant.parse(startedAt)).abs()).isLessThan(Duration.ofSeconds(5));
        byte[] media = given().auth().oauth2(alice).when().get("/api/recordings/" + track + "/media").then().statusCode(200)
                .contentType(containsString("audio/webm")).extract().asByteArray();
        assertThat(media).containsExactly(1, 2, 3, 4, 5);
        // the lobby says whose voice was recorded, how long and how much
        String lobby = given().auth().oauth2(alice).when().get("/sessions/" + s.sessionId()).then().statusCode(200).extract().asString();
        assertThat(lobby).contains("Voices recorded").containsPattern("Cam <span class=\"muted\">0:10 · 0\\.0 MB</span>");
    }

    static io.restassured.response.ValidatableResponse putSpeech(RequestSpecification who, String track, int seq, long startMs,
            String speech) {
        return who.contentType("audio/webm;codecs=opus").queryParam("startMs", startMs).queryParam("endMs", startMs + 5_000)
                .queryParam("speech", speech).body(new byte[] {(byte) seq}).when().put("/api/recordings/" + track + "/chunks/" + seq).then();
    }

    @Test
    void theSpeechEachChunkCarriesIsListedWithItsTrackAndAStretchSplitAtAChunksEndIsJoined() {
        Started s = started();
        String track = startTrack(guest(s.cam()), s.sessionId());
        putSpeech(guest(s.cam()), track, 0, 0, "1000-2000,4000-5000").statusCode(201);
        putSpeech(guest(s.cam()), track, 1, 5_000, "5000-6500").statusCode(201);
        putSpeech(guest(s.cam()), track, 2, 10_000, "").statusCode(201);

        given().auth().oauth2(alice).when().get("/api/sessions/" + s.sessionId() + "/recordings").then().statusCode(200)
                .body("[0].speech.startMs", org.hamcrest.Matchers.contains(1000, 4000))
                .body("[0].speech.endMs", org.hamcrest.Matchers.contains(2000, 6500));
    }

    @Test
    void speechThatIsMalformedOrOutsideItsChunkIsRefusedAndTheChunkNotStored() {
        Started s = started();
        String track = startTrack(guest(s.cam()), s.sessionId());
        putSpeech(guest(s.cam()), track, 0, 0, "3000-2000").statusCode(400).body("detail", containsString("in order"));
        putSpeech(guest(s.cam()), track, 0, 0, "4000-6000").statusCode(400).body("detail", containsString("inside the chunk"));
        putSpeech(guest(s.cam()), track, 0, 0, "2000-3000,1000-1500").statusCode(400);
        putSpeech(guest(s.cam()), track, 0, 0, "soon").statusCode(400).body("detail", containsString("1200-3400"));
        putSpeech(guest(s.cam()), track, 0, 0, String.join(",", java.util.Collections.nCopies(Speech.MAX_SPANS + 1, "1-2")))
                .statusCode(400).body("detail", containsString("at most"));
        given().auth().oauth2(alice).when().get("/api/sessions/" + s.sessionId() + "/recordings").then().body("[0].chunks", equalTo(0));
    }

    @Test
    void aLobbyWithoutRecordedVoicesSaysSo() {
        Started s = started();
        given().auth().oauth2(alice).when().get("/sessions/" + s.sessionId()).then().statusCode(200)
                .body(containsString("No voice recorded"));
    }

    @Test
    void badChunksGetAClearErrorAndChangeNothing() {
        Started s = started();
        String track = startTrack(guest(s.cam()), s.sessionId());
        guest(s.cam()).contentType("video/mp4").queryParam("startMs", 0).queryParam("endMs", 5_000).body(new byte[] {1})
                .when().put("/api/recordings/" + track + "/chunks/0").then().statusCode(415).body("type", containsString("unsupported-type"));
        put(guest(s.cam()), track, Recordings.MAX_SEQ, 0, new byte[] {1}).statusCode(400).body("detail", containsString("number"));
        put(guest(s.cam()), track, -1, 0, new byte[] {1}).statusCode(400);
        put(guest(s.cam()), track, 0, -5, new byte[] {1}).statusCode(400);
        put(guest(s.cam()), track, 0, 0, new byte[0]).statusCode(400);
        put(guest(s.cam()), track, 0, 0, new byte[Recordings.MAX_CHUNK_BYTES + 1]).statusCode(413);
        guest(s.cam()).contentType("audio/webm").body(new byte[] {1}).when().put("/api/recordings/" + track + "/chunks/0").then()
                .statusCode(400);
        // someone else's track
        put(given().auth().oauth2(alice), track, 0, 0, new byte[] {1}).statusCode(403).body("detail", containsString("another participant"));
        guest(s.cam()).contentType("application/json").body(Map.of("mimeType", "video/mp4"))
                .when().post("/api/sessions/" + s.sessionId() + "/recordings").then().statusCode(415);
        given().auth().oauth2(alice).when().get("/api/sessions/" + s.sessionId() + "/recordings").then().body("[0].chunks", equalTo(0));
    }

    @Test
    void whoMayRecordAndWhoMayListenFollowTheAccessPolicy() {
        Started s = started();
        // observers are heard by nobody: they record nothing
        guest(s.oli()).contentType("application/json").body(Map.of("mimeType", "audio/webm"))
                .when().post("/api/sessions/" + s.sessionId() + "/recordings").then().statusCode(403);
        String track = startTrack(given().auth().oauth2(alice), s.sessionId());
        put(given().auth().oauth2(alice), track, 0, 0, new byte[] {7}).statusCode(201);
        // listening is replaying: interviewers and admins; candidates, observers and other accounts do not
        guest(s.cam()).when().get("/api/sessions/" + s.sessionId() + "/recordings").then().statusCode(403);
        guest(s.oli()).when().get("/api/recordings/" + track + "/media").then().statusCode(403);
        given().auth().oauth2(oidc.getAccessToken("dave", "dave")).when().get("/api/recordings/" + track + "/media").then().statusCode(404);
        given().auth().oauth2(oidc.getAccessToken("carol", "carol")).when().get("/api/recordings/" + track + "/media").then().statusCode(200);
        given().when().get("/api/recordings/" + track + "/media").then().statusCode(401);
    }

    @Test
    void aRecordingStartsWithTheSessionAndTakesItsLastChunksAfterTheEnd() {
        TestSessions.Created scheduled = TestSessions.create(alice, "Not yet");
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("mimeType", "audio/webm"))
                .when().post("/api/sessions/" + scheduled.id() + "/recordings").then().statusCode(409);
        Started s = started();
        String track = startTrack(guest(s.cam()), s.sessionId());
        given().auth().oauth2(alice).when().post("/api/sessions/" + s.sessionId() + "/end").then().statusCode(200);
        // a chunk recorded before the end, sent after it (the page was reloaded): stored
        put(guest(s.cam()), track, 0, 0, new byte[] {1}).statusCode(201);
        guest(s.cam()).contentType("application/json").body(Map.of("mimeType", "audio/webm"))
                .when().post("/api/sessions/" + s.sessionId() + "/recordings").then().statusCode(403);
    }

    @Test
    void aFloodOfChunksIsSlowedDown() {
        Started s = started();
        String track = startTrack(guest(s.cam()), s.sessionId());
        int limited = 0;
        for (int seq = 0; seq < Recordings.BURST + 60 && limited == 0; seq++) {
            int status = put(guest(s.cam()), track, seq, seq * 100L, new byte[] {1}).extract().statusCode();
            if (status == 429) {
                limited++;
            } else {
                assertThat(status).isEqualTo(201);
            }
        }
        assertThat(limited).as("a chunk refused with 429").isEqualTo(1);
    }
}
