package io.mockboard.board;

import io.mockboard.sync.BoardId;
import java.time.Instant;

/** What other domains and the API see of a board. */
/**
 * A board's metadata. {@code privateToOwner}: only its creator (and admins) may open it, as for a board
 * restored from a recording; other boards outside a session are open to every signed-in account by link.
 */
public record BoardSummary(BoardId id, String title, String createdBy, Instant createdAt, boolean privateToOwner) {}
