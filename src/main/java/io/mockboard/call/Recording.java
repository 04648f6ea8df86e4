package io.mockboard.call;

import java.time.Instant;
import java.util.UUID;

/**
 * One participant's recorded microphone in a session: who, in what format, from when (server time), and how
 * much of it is stored.
 *
 * @param durationMs the end of the last stored chunk, from {@code startedAt}
 */
public record Recording(UUID id, UUID sessionId, String userId, String name, String mimeType, Instant startedAt, int chunks,
        long bytes, long durationMs) {}
