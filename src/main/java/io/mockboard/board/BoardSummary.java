package io.mockboard.board;

import java.time.Instant;

/** What other domains and the API see of a board. */
public record BoardSummary(BoardId id, String title, String createdBy, Instant createdAt) {}
