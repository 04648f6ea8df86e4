package io.mockboard.rubric;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "scorecard")
class ScorecardEntity extends PanacheEntityBase {
    @Id
    UUID id;

    @Column(name = "session_id", nullable = false)
    UUID sessionId;

    @Column(name = "rubric_version_id", nullable = false)
    UUID rubricVersionId;

    @Column(name = "author_id", nullable = false)
    String authorId;

    @Column(name = "author_name", nullable = false)
    String authorName;

    @Column(nullable = false)
    String status;

    String recommendation;

    @Column(nullable = false)
    String summary;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "submitted_at")
    Instant submittedAt;
}
