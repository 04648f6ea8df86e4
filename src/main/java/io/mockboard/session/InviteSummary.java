package io.mockboard.session;

import java.time.Instant;
import java.util.UUID;

/** An invite as its interviewer sees it; the token itself is shown once, at creation. */
public record InviteSummary(UUID id, UUID sessionId, InviteRole role, Instant expiresAt, boolean singleUse, Instant usedAt,
        Instant revokedAt, Instant createdAt) {}
