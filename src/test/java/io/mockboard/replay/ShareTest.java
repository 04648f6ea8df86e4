package io.mockboard.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.mockboard.session.TestSessions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A read-only review shared with the candidate: what the link shows, self-review notes, withdrawal, progress. */
@QuarkusTest
class ShareTest {
    static final OidcTestClient oidc = new OidcTestClient();

    @AfterAll
    static void close() {
        oidc.close();
    }

    private static String startedSession(String token, String title) {
        String id = given().auth().oauth2(token).contentType("application/json").body(Map.of("title", title)).when().post("/api/sessions")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).when().post("/api/sessions/" + id + "/start").then().statusCode(200);
        return id;
    }

    /** Scores every criterion at this level (the first one at {@code first}), submits, and returns the scorecard's id. */
    private static String submit(String token, String sessionId, int first, int level, String summary) {
        String card = "/api/sessions/" + sessionId + "/scorecard";
        List<String> criteria = given().auth().oauth2(token).when().get(card).then().extract().path("rubric.content.criteria.id");
        List<Map<String, Object>> scores = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            scores.add(Map.of("criterion", criteria.get(i), "level", i == 0 ? first : level));
        }
        given().auth().oauth2(token).contentType("application/json").body(Map.of("scores", scores, "recommendation", "hire", "summary", summary))
                .when().put(card).then().statusCode(200);
        return given().auth().oauth2(token).when().post(card + "/submit").then().statusCode(200).extract().path("id");
    }

    private static String share(String token, String sessionId, String scorecardId, boolean levels, boolean summary) {
        return share(token, sessionId, scorecardId, levels, summary, false);
    }

    private static String share(String token, String sessionId, String scorecardId, boolean levels, boolean summary, boolean audio) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("levels", levels, "summary", summary, "audio", audio));
        if (scorecardId != null) {
            body.put("scorecardId", scorecardId);
        }
        String link = given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/sessions/" + sessionId + "/shares").then().statusCode(201).extract().path("link");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void aSharedReviewIncludesTheRecordedConversationOnlyWhenTheInterviewerTickedIt() {
        String alice = oidc.getAccessToken("alice", "alice");
        String id = startedSession(alice, "Shared conversation");
        String track = given().auth().oauth2(alice).contentType("application/json").body(Map.of("mimeType", "audio/webm"))
                .when().post("/api/sessions/" + id + "/recordings").then().statusCode(201).extract().path("id");
        given().auth().oauth2(alice).contentType("audio/webm").queryParam("startMs", 0).queryParam("endMs", 5_000)
                .queryParam("speech", "0-4000").body(new byte[] {1, 2}).when().put("/api/recordings/" + track + "/chunks/0").then()
                .statusCode(201);

        String without = share(alice, id, null, false, false, false);
        given().when().get("/api/shared/" + without + "/recordings").then().statusCode(403)
                .body("detail", containsString("without the recorded conversation"));
        given().when().get("/api/shared/" + without + "/recordings/" + track + "/media").then().statusCode(403);
        given().when().get("/shared/" + without).then().statusCode(200).body(containsString("without the recorded conversation"));

        String with = share(alice, id, null, false, false, true);
        given().when().get("/api/shared/" + with + "/recordings").then().statusCode(200)
                .body("[0].id", org.hamcrest.Matchers.equalTo(track)).body("[0].speech[0].endMs", org.hamcrest.Matchers.equalTo(4000));
        byte[] media = given().when().get("/api/shared/" + with + "/recordings/" + track + "/media").then().statusCode(200).extract()
                .asByteArray();
        assertThat(media).containsExactly(1, 2);
        // a track of another session is not reachable through this link
        String other = startedSession(alice, "Another session");
        String foreign = given().auth().oauth2(alice).contentType("application/json").body(Map.of("mimeType", "audio/webm"))
                .when().post("/api/sessions/" + other + "/recordings").then().statusCode(201).extract().path("id");
        given().when().get("/api/shared/" + with + "/recordings/" + foreign + "/media").then().statusCode(404);
        // the interviewers' list says what each link shows
        given().auth().oauth2(alice).when().get("/sessions/" + id + "/review").then().statusCode(200)
                .body(containsString("replay, conversation"));
    }

    @Test
    void theLinkShowsOnlyWhatWasSharedAndTheCandidateAddsSelfReviewNotes() {
        String alice = oidc.getAccessToken("alice", "alice");
        String id = startedSession(alice, "Shared review");
        String cam = TestSessions.joinAsGuest(TestSessions.link(alice, id, "candidate", false), "Cam");
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("body", "PRIVATE-NOTE weak on metrics"))
                .when().post("/api/sessions/" + id + "/notes").then().statusCode(201);
        String card = submit(alice, id, 1, 3, "SECRET-SUMMARY hire with reservations");
        String token = share(alice, id, card, true, false);

        // anyone with the link, no account: levels yes, summary no, private notes nowhere
        given().when().get("/shared/" + token).then().statusCode(200)
                .body(containsString("Clarify requirements"), containsString("Very weak"), containsString("Strong"),
                        not(containsString("SECRET-SUMMARY")), not(containsString("PRIVATE-NOTE")));
        List<String> kinds = given().when().get("/api/shared/" + token + "/replay").then().statusCode(200).extract().path("markers.kind");
        assertThat(kinds).contains("start").doesNotContain("note", "hint", "scorecard");
        List<String> own = given().auth().oauth2(alice).when().get("/api/sessions/" + id + "/replay").then().statusCode(200)
                .extract().path("markers.kind");
        assertThat(own).as("the interviewer's replay marks the note and the submitted scorecard").contains("start", "note", "scorecard");
        given().when().get("/api/shared/" + token + "/replay/scene").then().statusCode(200);
        given().when().get("/api/shared/" + token + "/replay/ops").then().statusCode(200);
        given().when().get("/api/shared/" + token + "/replay/presence").then().statusCode(200);
        given().when().get("/api/shared/not-a-token/replay").then().statusCode(404);

        // the candidate's self-review notes: only the candidate, inside the recording, 1–2000 characters
        String now = Instant.now().toString();
        given().cookie("mockboard_guest", cam).contentType("application/json").body(Map.of("moment", now, "body", "Ask about latency first"))
                .when().post("/api/shared/" + token + "/notes").then().statusCode(201);
        given().contentType("application/json").body(Map.of("moment", now, "body", "anonymous"))
                .when().post("/api/shared/" + token + "/notes").then().statusCode(403);
        given().cookie("mockboard_guest", cam).contentType("application/json").body(Map.of("moment", "2001-01-01T00:00:00Z", "body", "x"))
                .when().post("/api/shared/" + token + "/notes").then().statusCode(400);
        given().cookie("mockboard_guest", cam).contentType("application/json").body(Map.of("moment", now, "body", "y".repeat(2_001)))
                .when().post("/api/shared/" + token + "/notes").then().statusCode(400);
        given().cookie("mockboard_guest", cam).redirects().follow(false).formParam("at", "0:00").formParam("body", "Draw the data flow earlier")
                .when().post("/shared/" + token + "/notes").then().statusCode(303);
        given().cookie("mockboard_guest", cam).when().get("/shared/" + token).then().statusCode(200)
                .body(containsString("Ask about latency first"), containsString("Draw the data flow earlier"), containsString("data-testid=\"self-note-form\""));
        given().when().get("/shared/" + token).then().body(not(containsString("data-testid=\"self-note-form\"")));
        given().auth().oauth2(alice).when().get("/sessions/" + id + "/review").then().statusCode(200)
                .body(containsString("Ask about latency first"), containsString("data-testid=\"shares\""));

        // the summary only when chosen; withdrawn links stop at once
        String withSummary = share(alice, id, card, false, true);
        given().when().get("/shared/" + withSummary).then().statusCode(200).body(containsString("SECRET-SUMMARY"), not(containsString("Very weak")));
        String shareId = given().auth().oauth2(alice).when().get("/api/sessions/" + id + "/shares").then().statusCode(200)
                .extract().path("find { it.summary == true }.id");
        given().auth().oauth2(alice).when().delete("/api/sessions/" + id + "/shares/" + shareId).then().statusCode(200);
        given().when().get("/shared/" + withSummary).then().statusCode(410);
        given().when().get("/api/shared/" + withSummary + "/replay").then().statusCode(410);
    }

    @Test
    void sharingIsForTheSessionsInterviewersAndTheirOwnSubmittedScorecards() {
        String alice = oidc.getAccessToken("alice", "alice");
        String dave = oidc.getAccessToken("dave", "dave");
        String id = startedSession(alice, "Who shares");
        given().auth().oauth2(dave).redirects().follow(false).formParam("name", "")
                .when().post("/join/" + TestSessions.tokenOf(TestSessions.link(alice, id, "co_interviewer", false))).then().statusCode(303);
        String daves = submit(dave, id, 2, 2, "dave's");
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("scorecardId", daves, "levels", true, "summary", false))
                .when().post("/api/sessions/" + id + "/shares").then().statusCode(403);
        given().auth().oauth2(alice).contentType("application/json").body(Map.of("levels", true, "summary", false))
                .when().post("/api/sessions/" + id + "/shares").then().statusCode(400);
        String cam = TestSessions.joinAsGuest(TestSessions.link(alice, id, "candidate", false), "Cam");
        given().cookie("mockboard_guest", cam).contentType("application/json").body(Map.of("levels", false, "summary", false))
                .when().post("/api/sessions/" + id + "/shares").then().statusCode(403);
        share(alice, id, null, false, false); // the replay alone
    }

    @Test
    void aSignedInCandidateSeesTheirLevelsAcrossSessions() {
        String alice = oidc.getAccessToken("alice", "alice");
        String bob = oidc.getAccessToken("bob", "bob");
        List<String> sessions = new ArrayList<>();
        for (int level : new int[] {2, 4}) {
            String id = startedSession(alice, "Progress " + level);
            given().auth().oauth2(bob).redirects().follow(false).formParam("name", "")
                    .when().post("/join/" + TestSessions.tokenOf(TestSessions.link(alice, id, "candidate", false))).then().statusCode(303);
            share(alice, id, submit(alice, id, level, 3, "ok"), true, false);
            sessions.add(id);
        }
        String unshared = startedSession(alice, "Progress unshared");
        given().auth().oauth2(bob).redirects().follow(false).formParam("name", "")
                .when().post("/join/" + TestSessions.tokenOf(TestSessions.link(alice, unshared, "candidate", false))).then().statusCode(303);
        String page = given().auth().oauth2(bob).when().get("/me/progress").then().statusCode(200).extract().asString();
        String table = page.substring(page.indexOf("data-testid=\"progress\""), page.indexOf("</table>"));
        assertThat(table).contains("Progress 2", "Progress 4", "Progress unshared", "Clarify requirements", "level-2\">2<", "level-4\">4<")
                .contains("<polyline points=\"0,");
        assertThat(page).contains("not shared yet");
        given().auth().oauth2(oidc.getAccessToken("dave", "dave")).when().get("/me/progress").then().statusCode(200)
                .body(containsString("You have not joined a mock interview"));
    }
}
