package io.mockboard.session;

import java.time.Instant;
import java.util.UUID;

/** Someone who joined a session through an invite: a guest, or a signed-in account. */
public record ParticipantSummary(UUID id, InviteRole role, String name, boolean guest, Instant joinedAt, String userId) {}
