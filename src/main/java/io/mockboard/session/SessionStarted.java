package io.mockboard.session;

import java.util.UUID;

/** Fired inside the transaction that starts a session (observers record what starting means to them). */
public record SessionStarted(UUID sessionId, String actorId, String actorName) {}
