package io.mockboard.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockboard.session.RecordedVoices.Span;
import io.mockboard.session.RecordedVoices.Track;
import io.mockboard.session.flow.Flow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Talk time from the stretches of speech each browser measured: per person and step, the longest monologue, silences. */
class TalkTimeTest {
    static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    static Track track(String user, String name, long startOffsetMs, long durationMs, Span... speech) {
        return new Track(UUID.randomUUID(), user, name, "audio/webm", T0.plusMillis(startOffsetMs), 1, durationMs, 1_000, List.of(speech));
    }

    static Flow flow(Instant... moves) {
        List<Flow.Step> steps = List.of(new Flow.Step("clarify", 1, "Clarify", 5), new Flow.Step("design", 2, "Design", 20));
        List<Flow.Move> list = new java.util.ArrayList<>();
        for (int i = 0; i < moves.length; i++) {
            list.add(new Flow.Move(i % 2 == 0 ? "clarify" : "design", moves[i], "Ada"));
        }
        return new Flow(UUID.randomUUID(), "ml", steps, null, null, list, T0, null);
    }

    static Span s(long fromSeconds, long toSeconds) {
        return new Span(fromSeconds * 1000, toSeconds * 1000);
    }

    @Test
    void aScriptedConversationGivesTalkTimePerPersonAndStep() {
        // the interviewer asks for 10 s, the candidate answers for 30 s; the step changes at 20 s
        Track ada = track("ada", "Ada", 0, 60_000, s(0, 10), s(45, 50));
        Track cam = track("cam", "Cam", 2_000, 58_000, new Span(8_000, 38_000));
        TalkTime talk = TalkTime.of(List.of(ada, cam), flow(T0, T0.plusSeconds(20)), T0, T0.plusSeconds(60));

        assertThat(talk.people()).extracting(TalkTime.Person::name, TalkTime.Person::talkMs, TalkTime.Person::percent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ada", 15_000L, 33), org.assertj.core.groups.Tuple.tuple("Cam", 30_000L, 67));
        assertThat(talk.steps()).extracting(TalkTime.StepTalk::title).containsExactly("1 · Clarify", "2 · Design");
        // Clarify (0–20 s): Ada 0–10, Cam 10–20; Design (20–60 s): Ada 45–50, Cam 20–40
        assertThat(talk.steps().get(0).talkMs()).containsExactly(10_000L, 10_000L);
        assertThat(talk.steps().get(1).talkMs()).containsExactly(5_000L, 20_000L);
        assertThat(talk.longestStepMs()).isEqualTo(25_000);
        assertThat(talk.steps().get(1).percentOf(1, talk.longestStepMs())).isEqualTo(80.0);
    }

    @Test
    void theLongestMonologueIsOnePersonWithShortPausesAndNobodyElse() {
        // Cam: 0–20, pause 2 s, 22–40 (one monologue of 40 s); Ada interrupts Cam's later talk at 61 s
        Track cam = track("cam", "Cam", 0, 120_000, s(0, 20), s(22, 40), s(50, 60), s(62, 100));
        Track ada = track("ada", "Ada", 0, 120_000, s(61, 62));
        TalkTime talk = TalkTime.of(List.of(cam, ada), flow(T0), T0.minusSeconds(5), T0.plusSeconds(120));

        assertThat(talk.longest().name()).isEqualTo("Cam");
        assertThat(talk.longest().durationMs()).isEqualTo(40_000);
        assertThat(talk.longest().at()).isEqualTo(T0);
        assertThat(talk.longest().seconds()).as("seconds into the replay, which starts 5 s earlier").isEqualTo(5);
        assertThat(talk.longest().duration()).isEqualTo("0:40");
    }

    @Test
    void theMomentsNobodySpokeAreTheLongestQuietStretchesOfTenSecondsOrMoreInTimeOrder() {
        Track cam = track("cam", "Cam", 0, 200_000, s(0, 10), s(15, 20), s(60, 70), s(90, 95));
        Track ada = track("ada", "Ada", 0, 200_000, s(18, 30), s(150, 160));
        TalkTime talk = TalkTime.of(List.of(cam, ada), flow(T0), T0, T0.plusSeconds(200));

        // quiet: 10–15 (5 s, too short), 30–60 (30), 70–90 (20), 95–150 (55), 160–200 (40)
        assertThat(talk.silences()).extracting(TalkTime.Silence::seconds, TalkTime.Silence::durationMs).containsExactly(
                org.assertj.core.groups.Tuple.tuple(30L, 30_000L), org.assertj.core.groups.Tuple.tuple(70L, 20_000L),
                org.assertj.core.groups.Tuple.tuple(95L, 55_000L), org.assertj.core.groups.Tuple.tuple(160L, 40_000L));
    }

    @Test
    void speechPastTheSessionsEndAndOverlappingTracksOfOnePersonCountOnce() {
        // a reload started a second track for Cam that overlaps the first by a second
        Track first = track("cam", "Cam", 0, 30_000, s(0, 30));
        Track second = track("cam", "Cam", 29_000, 60_000, new Span(0, 40_000));
        TalkTime talk = TalkTime.of(List.of(first, second), flow(T0), T0, T0.plusSeconds(50));

        assertThat(talk.people()).hasSize(1);
        assertThat(talk.people().getFirst().talkMs()).as("0–50 s: the overlap once, nothing after the end").isEqualTo(50_000);
    }

    @Test
    void withoutRecordedVoicesThereIsNoTalk() {
        TalkTime talk = TalkTime.of(List.of(), flow(T0), T0, T0.plusSeconds(60));
        assertThat(talk.isEmpty()).isTrue();
        assertThat(talk.longest()).isNull();
        assertThat(talk.silences()).isEmpty();
        assertThat(talk.steps()).allSatisfy(step -> assertThat(step.talkMs()).isEmpty());
    }
}
