package io.mockboard.session;

import java.util.UUID;

/** An invite link was revoked: everyone who came in through it loses access, open sockets included. */
public record InviteRevoked(UUID sessionId, UUID inviteId) {}
