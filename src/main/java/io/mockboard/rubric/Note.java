package io.mockboard.rubric;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A private, server-timestamped interviewer note, optionally pinned to board elements and a rubric criterion;
 * {@code probeId} names the probe bank's question when the note records that it was asked (else null).
 */
public record Note(UUID id, UUID sessionId, String author, Instant at, String body, List<String> elementIds, String criterion,
        String probeId) {}
