package io.mockboard.replay;

import io.mockboard.session.RecordedVoices.Span;
import io.mockboard.session.RecordedVoices.Track;
import io.mockboard.session.flow.Flow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who talked how much, from the stretches of speech each browser measured on its own microphone: talk time per
 * person and framework step, the longest monologue, and the longest moments nobody spoke. Only recorded voices
 * count: a person who declined the recording has no speech here.
 *
 * @param people the recorded speakers, in the order their recording started
 * @param steps talk time per step, one entry per person in {@code people} order
 * @param longest the longest monologue, or null when nobody spoke
 * @param silences the longest quiet moments (at least {@link #MIN_SILENCE}), in time order
 */
public record TalkTime(List<Person> people, List<StepTalk> steps, Monologue longest, List<Silence> silences) {
    /** A pause shorter than this does not end a monologue (nobody else spoke in it). */
    static final Duration PAUSE = Duration.ofSeconds(3);
    /** Quiet moments shorter than this are not listed. */
    static final Duration MIN_SILENCE = Duration.ofSeconds(10);
    /** How many quiet moments are listed (the longest). */
    static final int SILENCES = 5;

    /** One recorded speaker: their total talk time and their share of all talk. */
    public record Person(String userId, String name, long talkMs, int percent) {
        public String talk() {
            return clock(talkMs);
        }
    }

    /** Talk time in one step, per person ({@code people} order). */
    public record StepTalk(String title, List<Long> talkMs) {
        public long totalMs() {
            return talkMs.stream().mapToLong(Long::longValue).sum();
        }

        public String total() {
            return clock(totalMs());
        }

        /** Person {@code i}'s talk in this step, as m:ss. */
        public String talkOf(int i) {
            return clock(talkMs.get(i));
        }

        /** Width of person {@code i}'s segment, in percent of {@code longestMs}. */
        public double percentOf(int i, long longestMs) {
            return longestMs <= 0 ? 0 : Math.round(talkMs.get(i) * 1000.0 / longestMs) / 10.0;
        }
    }

    /** One person speaking with no one else, pauses under {@link #PAUSE} included; {@code seconds} into the replay. */
    public record Monologue(String name, Instant at, long durationMs, long seconds) {
        public String duration() {
            return clock(durationMs);
        }

        public String when() {
            return clock(seconds * 1000);
        }
    }

    /** A moment nobody spoke; {@code seconds} into the replay. */
    public record Silence(Instant at, long durationMs, long seconds) {
        public String duration() {
            return clock(durationMs);
        }

        public String when() {
            return clock(seconds * 1000);
        }
    }

    public boolean isEmpty() {
        return people.isEmpty();
    }

    /** The longest step's talk, the chart's full width. */
    public long longestStepMs() {
        return steps.stream().mapToLong(StepTalk::totalMs).max().orElse(0);
    }

    /**
     * Computes the talk from a session's tracks, its steps and moves, and its end (or now, while it runs);
     * {@code origin} is where the replay's clock starts.
     */
    public static TalkTime of(List<Track> tracks, Flow flow, Instant origin, Instant end) {
        Map<String, List<Stretch>> byPerson = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Track track : tracks) {
            names.putIfAbsent(track.userId(), track.name());
            List<Stretch> stretches = byPerson.computeIfAbsent(track.userId(), id -> new ArrayList<>());
            for (Span span : track.speech()) {
                Instant from = track.startedAt().plusMillis(span.startMs());
                Instant to = min(track.startedAt().plusMillis(span.endMs()), end);
                if (from.isBefore(to)) {
                    stretches.add(new Stretch(track.userId(), from, to));
                }
            }
        }
        byPerson.replaceAll((id, list) -> joined(list));
        List<String> ids = List.copyOf(names.keySet());
        long total = byPerson.values().stream().flatMap(List::stream).mapToLong(Stretch::millis).sum();
        List<Person> people = ids.stream().map(id -> {
            long talk = byPerson.get(id).stream().mapToLong(Stretch::millis).sum();
            return new Person(id, names.get(id), talk, total == 0 ? 0 : (int) Math.round(talk * 100.0 / total));
        }).toList();
        List<Stretch> all = byPerson.values().stream().flatMap(List::stream).sorted(Comparator.comparing(Stretch::from)).toList();
        Instant recordedFrom = tracks.stream().map(Track::startedAt).min(Comparator.naturalOrder()).orElse(end);
        Instant recordedTo = min(end, tracks.stream().map(t -> t.startedAt().plusMillis(t.durationMs())).max(Comparator.naturalOrder())
                .orElse(end));
        return new TalkTime(people, steps(flow, end, ids, byPerson), longest(all, names, origin),
                silences(all, recordedFrom, recordedTo, origin));
    }

    private record Stretch(String who, Instant from, Instant to) {
        long millis() {
            return Duration.between(from, to).toMillis();
        }
    }

    private static List<StepTalk> steps(Flow flow, Instant end, List<String> ids, Map<String, List<Stretch>> byPerson) {
        Map<String, long[]> perStep = new LinkedHashMap<>();
        flow.steps().forEach(s -> perStep.put(s.id(), new long[ids.size()]));
        for (int i = 0; i < flow.moves().size(); i++) {
            Flow.Move move = flow.moves().get(i);
            Instant until = i + 1 < flow.moves().size() ? flow.moves().get(i + 1).at() : end;
            long[] talk = perStep.get(move.step());
            for (int p = 0; talk != null && p < ids.size(); p++) {
                for (Stretch s : byPerson.get(ids.get(p))) {
                    Instant from = max(s.from(), move.at());
                    Instant to = min(s.to(), until);
                    talk[p] += from.isBefore(to) ? Duration.between(from, to).toMillis() : 0;
                }
            }
        }
        return flow.steps().stream().map(s -> new StepTalk(s.number() + " · " + s.title(),
                java.util.Arrays.stream(perStep.get(s.id())).boxed().toList())).toList();
    }

    /** The longest stretch of one person's speech with pauses under {@link #PAUSE} in which nobody else spoke. */
    private static Monologue longest(List<Stretch> all, Map<String, String> names, Instant origin) {
        Monologue best = null;
        Stretch current = null;
        for (Stretch s : all) {
            if (current != null && s.who().equals(current.who()) && Duration.between(current.to(), s.from()).compareTo(PAUSE) < 0) {
                current = new Stretch(s.who(), current.from(), max(current.to(), s.to()));
            } else {
                best = better(best, current, names, origin);
                current = s;
            }
        }
        return better(best, current, names, origin);
    }

    private static Monologue better(Monologue best, Stretch candidate, Map<String, String> names, Instant origin) {
        if (candidate == null || best != null && best.durationMs() >= candidate.millis()) {
            return best;
        }
        return new Monologue(names.get(candidate.who()), candidate.from(), candidate.millis(), seconds(origin, candidate.from()));
    }

    private static List<Silence> silences(List<Stretch> all, Instant from, Instant to, Instant origin) {
        List<Silence> quiet = new ArrayList<>();
        Instant cursor = from;
        for (Stretch s : all) {
            add(quiet, cursor, min(s.from(), to), origin);
            cursor = max(cursor, s.to());
        }
        add(quiet, cursor, to, origin);
        return quiet.stream().sorted(Comparator.comparingLong(Silence::durationMs).reversed()).limit(SILENCES)
                .sorted(Comparator.comparing(Silence::at)).toList();
    }

    private static void add(List<Silence> quiet, Instant from, Instant to, Instant origin) {
        if (Duration.between(from, to).compareTo(MIN_SILENCE) >= 0) {
            quiet.add(new Silence(from, Duration.between(from, to).toMillis(), seconds(origin, from)));
        }
    }

    private static long seconds(Instant origin, Instant at) {
        return Math.max(0, Duration.between(origin, at).toSeconds());
    }

    private static List<Stretch> joined(List<Stretch> stretches) {
        List<Stretch> sorted = stretches.stream().sorted(Comparator.comparing(Stretch::from)).toList();
        List<Stretch> joined = new ArrayList<>();
        for (Stretch s : sorted) {
            Stretch last = joined.isEmpty() ? null : joined.getLast();
            if (last != null && !s.from().isAfter(last.to())) {
                joined.set(joined.size() - 1, new Stretch(s.who(), last.from(), max(last.to(), s.to())));
            } else {
                joined.add(s);
            }
        }
        return joined;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** "m:ss". */
    static String clock(long millis) {
        long seconds = Math.round(millis / 1000.0);
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }
}
