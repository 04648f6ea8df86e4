package io.mockboard.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "interview_session")
class SessionEntity extends PanacheEntityBase {
    @Id
    UUID id;

    @Column(nullable = false)
    String title;

    @Column(name = "board_id", nullable = false)
    UUID boardId;

    @Column(nullable = false)
    String state;

    @Column(name = "scheduled_at")
    Instant scheduledAt;

    @Column(name = "target_level")
    String targetLevel;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "started_at")
    Instant startedAt;

    @Column(name = "ended_at")
    Instant endedAt;

    @Column(name = "template_id")
    UUID templateId;

    @Column(name = "rubric_id")
    UUID rubricId;

    @Column(nullable = false)
    boolean practice;

    SessionSummary toSummary() {
        return new SessionSummary(id, title, new io.mockboard.sync.BoardId(boardId), SessionState.fromWire(state), scheduledAt,
                targetLevel == null ? null : TargetLevel.fromWire(targetLevel), createdBy, createdAt, startedAt, endedAt, templateId, rubricId,
                practice);
    }
}
