package io.mockboard.rubric;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One interviewer's scorecard for a session, with the rubric version it is scored against, the weighted score
 * (1–4, null until a level is set) and the recommendation that score suggests.
 */
public record Scorecard(UUID id, UUID sessionId, String author, String authorId, String status, Rubric rubric, List<Score> scores,
        Recommendation recommendation, String summary, Double weightedScore, Recommendation suggested, Instant updatedAt,
        Instant submittedAt) {

    public record Score(String criterion, Integer level, String evidence, List<UUID> noteIds) {}

    public boolean submitted() {
        return "submitted".equals(status);
    }
}
