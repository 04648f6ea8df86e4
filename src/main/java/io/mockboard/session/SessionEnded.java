package io.mockboard.session;

import io.mockboard.sync.BoardId;
import java.util.UUID;

/** Fired (after commit) when a session ends: its board becomes read-only from then on. */
public record SessionEnded(UUID sessionId, BoardId boardId) {}
