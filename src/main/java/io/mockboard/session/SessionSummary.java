package io.mockboard.session;

import io.mockboard.sync.BoardId;
import java.time.Instant;
import java.util.UUID;

/** What the API and other domains see of a session; {@code practice} when one person practises alone in it. */
public record SessionSummary(UUID id, String title, BoardId boardId, SessionState state, Instant scheduledAt,
        TargetLevel targetLevel, String createdBy, Instant createdAt, Instant startedAt, Instant endedAt, UUID templateId,
        UUID rubricId, boolean practice) {}
