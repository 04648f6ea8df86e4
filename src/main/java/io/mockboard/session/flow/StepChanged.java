package io.mockboard.session.flow;

import io.mockboard.sync.BoardId;
import java.time.Instant;
import java.util.UUID;

/** Fired after a step change is stored; both participants' boards show it at once. */
public record StepChanged(UUID sessionId, BoardId boardId, String step, Instant at, String by) {}
