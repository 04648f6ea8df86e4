package io.mockboard.session;

import java.util.List;
import java.util.UUID;

/**
 * Whose voice a session's call recorded, as the lobby shows it. The call domain builds on sessions, so it answers
 * this for them (it implements this port); the session domain never reaches into the call.
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

    /** The session's recorded voices, by person, in the order they started. */
    List<Voice> of(UUID sessionId);
}
