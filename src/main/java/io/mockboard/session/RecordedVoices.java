package io.mockboard.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The conversation a session's call recorded, as the lobby, the review and the replay read it. The call domain
 * builds on sessions, so it answers this for them (it implements this port); no other domain reaches into the call.
 * Callers check access first: these methods answer for any session.
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
}
