package io.mockboard.session;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The conversation a session's call recorded, and when recorded audio was deleted, as the lobby, the review and
 * the replay read it. The call domain builds on sessions, so it answers this for them (it implements this port);
 * no other domain reaches into the call. Callers check access first: these methods answer for any session.
 */
public interface RecordedVoices {

    /** One person's recorded voice in the session: all their tracks together. */
    record Voice(String name, long durationMs, long bytes) {
        /** Minutes and seconds, as "12:05". */
        public String duration() {
            long seconds = durationMs / 1000;
            return seconds / 60 + ":" + String.format("%02d", seconds % 60);
        }

        /** Megabytes with one decimal, as "2.1 MB". */
        public String size() {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
        }
    }

    /** A stretch of one track, in milliseconds from the track's start. */
    record Span(long startMs, long endMs) {
        public long length() {
            return endMs - startMs;
        }
    }

    /**
     * One recorded track: whose, its format, when it started (server time), how many chunks, how long and large it is, and when its
     * speaker spoke (as their browser measured it), in order.
     */
    record Track(UUID id, String userId, String name, String mimeType, Instant startedAt, int chunks, long durationMs, long bytes,
            List<Span> speech) {}

    /** A track's bytes (its chunks one after the other) and their type. */
    record Media(String mimeType, byte[] data) {}

    /** The session's recorded voices, by person, in the order they started. */
    List<Voice> of(UUID sessionId);

    /** The session's tracks with their speech, in the order they started. */
    List<Track> tracks(UUID sessionId);

    /** A track of this session as one file; empty when the session has no such track. */
    Optional<Media> media(UUID sessionId, UUID trackId);

    /** Why recorded audio was deleted: by the session's owner, by an admin, or by the retention policy. */
    enum Reason {
        OWNER, ADMIN, RETENTION;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One deletion of the session's recorded audio.
     *
     * @param by the name of who deleted it; null when the retention policy did
     * @param retention the retention in force when the policy deleted it; null otherwise
     */
    record Deletion(Instant at, String by, Reason reason, Duration retention, int tracks, long bytes) {
        /** The day, as "4 Dec 2026" (UTC). */
        public String day() {
            return DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC).format(at);
        }

        /** Who deleted it, as "Ada (owner)" or "the retention policy (180 days)". */
        public String who() {
            return reason == Reason.RETENTION ? "the retention policy (" + span(retention) + ")" : by + " (" + reason.wire() + ")";
        }

        /** How much, as "2 tracks, 3.1 MB". */
        public String amount() {
            return tracks + (tracks == 1 ? " track, " : " tracks, ") + megabytes(bytes);
        }
    }

    /** What the lobby shows of a session's recorded audio: the voices, what they take together, what was deleted. */
    record Audio(List<Voice> voices, List<Deletion> deletions) {
        /** The stored audio of all voices together, as "3.1 MB". */
        public String size() {
            return megabytes(voices.stream().mapToLong(Voice::bytes).sum());
        }
    }

    /** Every deletion of the session's recorded audio, oldest first. */
    List<Deletion> deletionsOf(UUID sessionId);

    /** The session's recorded voices and deletions together. */
    default Audio audioOf(UUID sessionId) {
        return new Audio(of(sessionId), deletionsOf(sessionId));
    }

    /** Megabytes with one decimal, as "2.1 MB" (as {@link Voice#size()}). */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    /** A retention as people say it: "180 days", "36 hours", "90 minutes". */
    static String span(Duration retention) {
        if (retention.toDays() > 0 && retention.equals(Duration.ofDays(retention.toDays()))) {
            return retention.toDays() == 1 ? "1 day" : retention.toDays() + " days";
        }
        if (retention.toHours() > 0 && retention.equals(Duration.ofHours(retention.toHours()))) {
            return retention.toHours() == 1 ? "1 hour" : retention.toHours() + " hours";
        }
        long minutes = Math.max(1, retention.toMinutes());
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
