package io.mockboard.rubric;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A hint card; {@code revealedAt} is null while it is on the interviewer's hidden layer. */
public record Hint(UUID id, int position, String title, String body, Instant revealedAt, String revealedBy, List<String> elementIds) {}
