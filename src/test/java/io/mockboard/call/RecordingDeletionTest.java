package io.mockboard.call;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mockboard.call.RecordingResourceTest.Started;
import io.mockboard.session.SessionAccess;
import io.mockboard.session.TestSessions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deleting recorded audio: by the session's owner and admins only, and by the retention policy; every deletion logged. */
@QuarkusTest
class RecordingDeletionTest {
    static final OidcTestClient oidc = new OidcTestClient();
    static String alice;

    @Inject
    DataSource db;
    @Inject
    CallConfig config;
    @Inject
    SessionAccess access;
    @Inject
    RecordingStore store;

    @BeforeAll
    static void tokens() {
        alice = oidc.getAccessToken("alice", "alice");
    }

    @AfterAll
    static void close() {
        oidc.close();
    }

    /** A live session where Cam (candidate guest, 1.5 MB) and Alice (its owner, 0.6 MB) each recorded a track of two chunks. */
    record Recorded(Started session, String cams, String alices) {}

    static Recorded recorded() {
        Started s = RecordingResourceTest.started(alice, "Recorded, then deleted");
        String cams = RecordingResourceTest.startTrack(RecordingResourceTest.guest(s.cam()), s.sessionId());
        RecordingResourceTest.put(RecordingResourceTest.guest(s.cam()), cams, 0, 0, new byte[1_000_000]).statusCode(201);
        RecordingResourceTest.put(RecordingResourceTest.guest(s.cam()), cams, 1, 5_000, new byte[500_000]).statusCode(201);
        String alices = RecordingResourceTest.startTrack(given().auth().oauth2(alice), s.sessionId());
        RecordingResourceTest.put(given().auth().oauth2(alice), alices, 0, 0, new byte[300_000]).statusCode(201);
        RecordingResourceTest.put(given().auth().oauth2(alice), alices, 1, 5_000, new byte[300_000]).statusCode(201);
        return new Recorded(s, cams, alices);
    }

    static void end(String sessionId) {
        given().auth().oauth2(alice).when().post("/api/sessions/" + sessionId + "/end").then().statusCode(200);
    }

    static String lobby(String token, String sessionId) {
        return given().auth().oauth2(token).when().get("/sessions/" + sessionId).then().statusCode(200).extract().asString();
    }

    @Test
    void theOwnerDeletesEveryVoiceOfTheSessionAndTheLogAndLobbySayWhenByWhomAndHowMuch() throws SQLException {
        Recorded r = recorded();
        String id = r.session().sessionId();
        end(id);
        assertThat(lobby(alice, id)).contains("1.5 MB", "0.6 MB", "2.1 MB stored in all.").doesNotContain("Recordings deleted")
                .contains("data-testid=\"delete-recordings\"").contains("action=\"/sessions/" + id + "/recordings/delete\"")
                .contains("data-confirm=\"Delete every recorded voice of this session");

        given().auth().oauth2(alice).when().delete("/api/sessions/" + id + "/recordings").then().statusCode(204);

        given().auth().oauth2(alice).when().get("/api/sessions/" + id + "/recordings").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(alice).when().get("/api/recordings/" + r.cams() + "/media").then().statusCode(404);
        assertThat(count("select count(*) from audio_track where session_id = ?", id)).isZero();
        assertThat(count("select count(*) from audio_chunk where track_id in (?, ?)", r.cams(), r.alices())).isZero();
        List<Map<String, Object>> log = deletions(id);
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).containsEntry("reason", "owner").containsEntry("name", "Alice").containsEntry("tracks", 2)
                .containsEntry("bytes", 2_100_000L).containsEntry("retention", null);
        assertThat((String) log.get(0).get("user_id")).isNotBlank();
        // the page sends a late chunk of a deleted track: it is gone, the page drops the chunk
        RecordingResourceTest.put(RecordingResourceTest.guest(r.session().cam()), r.cams(), 2, 10_000, new byte[] {1}).statusCode(404);

        String page = lobby(alice, id);
        assertThat(page).contains("No recorded voice is kept.").doesNotContain("data-testid=\"delete-recordings\"")
                .containsPattern("Recordings deleted <time datetime=\"[^\"]+\" data-local>\\d{1,2} \\w{3} \\d{4}</time> by Alice \\(owner\\): "
                        + "2 tracks, 2\\.1 MB");
        // deleting again changes nothing and logs nothing
        given().auth().oauth2(alice).when().delete("/api/sessions/" + id + "/recordings").then().statusCode(204);
        assertThat(deletions(id)).hasSize(1);
    }

    @Test
    void recordingsAreNotDeletedWhileTheSessionIsLive() throws SQLException {
        Recorded r = recorded();
        String id = r.session().sessionId();
        given().auth().oauth2(alice).when().delete("/api/sessions/" + id + "/recordings").then().statusCode(409)
                .contentType(containsString("application/problem+json")).body("type", containsString("conflict"))
                .body("detail", containsString("end it first"));
        given().auth().oauth2(alice).when().delete("/api/recordings/" + r.cams()).then().statusCode(409);
        assertThat(lobby(alice, id)).doesNotContain("data-testid=\"delete-recordings\"");
        assertThat(count("select count(*) from audio_track where session_id = ?", id)).isEqualTo(2);
        assertThat(deletions(id)).isEmpty();
    }

    @Test
    void onlyTheOwnerAndAdminsMayDeleteAndOthersGetAClearProblem() throws SQLException {
        Recorded r = recorded();
        String id = r.session().sessionId();
        String dave = oidc.getAccessToken("dave", "dave");
        given().auth().oauth2(dave).redirects().follow(false).formParam("name", "")
                .when().post("/join/" + TestSessions.tokenOf(TestSessions.link(alice, id, "co_interviewer", false))).then().statusCode(303);
        end(id);
        String path = "/api/sessions/" + id + "/recordings";

        given().auth().oauth2(dave).when().delete(path).then().statusCode(403).contentType(containsString("application/problem+json"))
                .body("type", containsString("forbidden")).body("detail", containsString("co_interviewer"));
        given().auth().oauth2(dave).when().delete("/api/recordings/" + r.cams()).then().statusCode(403);
        RecordingResourceTest.guest(r.session().cam()).when().delete(path).then().statusCode(403);
        RecordingResourceTest.guest(r.session().oli()).when().delete("/api/recordings/" + r.cams()).then().statusCode(403);
        // an account without a role in the session is told it does not exist, as everywhere
        String bob = oidc.getAccessToken("bob", "bob");
        given().auth().oauth2(bob).when().delete(path).then().statusCode(404).body("type", containsString("not-found"));
        given().auth().oauth2(bob).when().delete("/api/recordings/" + r.cams()).then().statusCode(404)
                .body("detail", containsString("Recording"));
        given().when().delete(path).then().statusCode(401);
        // the co-interviewer sees the lobby, without the button
        assertThat(lobby(dave, id)).contains("Voices recorded").doesNotContain("data-testid=\"delete-recordings\"");
        assertThat(count("select count(*) from audio_track where session_id = ?", id)).isEqualTo(2);
        assertThat(deletions(id)).isEmpty();

        String carol = oidc.getAccessToken("carol", "carol");
        assertThat(lobby(carol, id)).contains("data-testid=\"delete-recordings\"");
        given().auth().oauth2(carol).when().delete(path).then().statusCode(204);
        assertThat(count("select count(*) from audio_track where session_id = ?", id)).isZero();
        assertThat(deletions(id)).singleElement().satisfies(d -> assertThat(d).containsEntry("reason", "admin")
                .containsEntry("name", "Carol").containsEntry("tracks", 2));
        assertThat(lobby(alice, id)).contains("by Carol (admin): 2 tracks, 2.1 MB");
    }

    @Test
    void oneTrackIsDeletedAloneAndTheOthersStay() throws SQLException {
        Recorded r = recorded();
        String id = r.session().sessionId();
        end(id);
        given().auth().oauth2(alice).when().delete("/api/recordings/" + r.cams()).then().statusCode(204);
        given().auth().oauth2(alice).when().get("/api/sessions/" + id + "/recordings").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].id", equalTo(r.alices()));
        given().auth().oauth2(alice).when().delete("/api/recordings/" + r.cams()).then().statusCode(404);
        assertThat(deletions(id)).singleElement().satisfies(d -> assertThat(d).containsEntry("tracks", 1).containsEntry("bytes", 1_500_000L));
        assertThat(lobby(alice, id)).contains("by Alice (owner): 1 track, 1.5 MB").contains("data-testid=\"delete-recordings\"");
    }

    @Test
    void theLobbyFormDeletesAndShowsTheLobbyAgain() throws SQLException {
        Recorded r = recorded();
        String id = r.session().sessionId();
        end(id);
        given().auth().oauth2(alice).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .when().post("/sessions/" + id + "/recordings/delete").then().statusCode(303)
                .header("Location", containsString("/sessions/" + id + "#people"));
        assertThat(count("select count(*) from audio_track where session_id = ?", id)).isZero();
        given().auth().oauth2(oidc.getAccessToken("dave", "dave")).contentType("application/x-www-form-urlencoded")
                .when().post("/sessions/" + id + "/recordings/delete").then().statusCode(404);
    }

    @Test
    void theRetentionPolicyDeletesOnlyTheAudioOfSessionsThatEndedLongerAgo() throws SQLException {
        assertThat(config.retention()).isEqualTo(Duration.ofDays(180));
        Recorded old = recorded();
        end(old.session().sessionId());
        Recorded recent = recorded();
        end(recent.session().sessionId());
        Recorded live = recorded();
        Instant oldEnd = endedAt(old.session().sessionId());
        Instant recentEnd = endedAt(recent.session().sessionId());
        assertThat(oldEnd).isBefore(recentEnd);
        // 180 days on, halfway between the two ends: the first ended longer ago than the retention, the second not
        Instant now = oldEnd.plus(Duration.between(oldEnd, recentEnd).dividedBy(2)).plus(config.retention());
        RecordingRetention retention = new RecordingRetention(config, access, store, Clock.fixed(now, ZoneOffset.UTC));

        assertThat(retention.sweep()).isPositive();

        assertThat(count("select count(*) from audio_track where session_id = ?", old.session().sessionId())).isZero();
        assertThat(count("select count(*) from audio_chunk where track_id in (?, ?)", old.cams(), old.alices())).isZero();
        assertThat(count("select count(*) from audio_track where session_id = ?", recent.session().sessionId())).isEqualTo(2);
        assertThat(count("select count(*) from audio_track where session_id = ?", live.session().sessionId())).isEqualTo(2);
        assertThat(deletions(old.session().sessionId())).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("reason", "retention").containsEntry("user_id", null).containsEntry("name", null)
                .containsEntry("retention", Duration.ofDays(180).toSeconds()).containsEntry("tracks", 2).containsEntry("bytes", 2_100_000L));
        assertThat(deletions(recent.session().sessionId())).isEmpty();
        assertThat(deletions(live.session().sessionId())).isEmpty();
        assertThat(lobby(alice, old.session().sessionId())).contains("by the retention policy (180 days): 2 tracks, 2.1 MB");
        // nothing more is due: a second sweep deletes nothing
        assertThat(retention.sweep()).isZero();
        // years later, the session that never ended still keeps its audio
        RecordingRetention later = new RecordingRetention(config, access, store, Clock.fixed(now.plus(Duration.ofDays(3650)), ZoneOffset.UTC));
        later.sweep();
        assertThat(count("select count(*) from audio_track where session_id = ?", recent.session().sessionId())).isZero();
        assertThat(count("select count(*) from audio_track where session_id = ?", live.session().sessionId())).isEqualTo(2);
    }

    @Test
    void aRetentionBeyondTheStartOfTimeKeepsEverything() {
        assertThat(RecordingRetention.cutoff(Instant.parse("2026-12-04T10:00:00Z"), Duration.ofDays(36500)))
                .isEqualTo(Instant.parse("1926-12-29T10:00:00Z"));
        assertThat(RecordingRetention.cutoff(Instant.parse("2026-12-04T10:00:00Z"), Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Instant.MIN);
    }

    private static Instant endedAt(String sessionId) {
        return Instant.parse(given().auth().oauth2(alice).when().get("/api/sessions/" + sessionId).then().statusCode(200)
                .extract().path("endedAt"));
    }

    private long count(String sql, String... ids) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.length; i++) {
                s.setObject(i + 1, UUID.fromString(ids[i]));
            }
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private List<Map<String, Object>> deletions(String sessionId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                select user_id, name, reason, extract(epoch from retention)::bigint, tracks, bytes from audio_deletion
                where session_id = ? order by id""")) {
            s.setObject(1, UUID.fromString(sessionId));
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    Map<String, Object> d = new HashMap<>();
                    d.put("user_id", row.getString(1));
                    d.put("name", row.getString(2));
                    d.put("reason", row.getString(3));
                    d.put("retention", row.getObject(4) == null ? null : row.getLong(4));
                    d.put("tracks", row.getInt(5));
                    d.put("bytes", row.getLong(6));
                    rows.add(d);
                }
            }
            return rows;
        }
    }
}
