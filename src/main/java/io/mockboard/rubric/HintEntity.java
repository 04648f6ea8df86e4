package io.mockboard.rubric;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "hint")
class HintEntity extends PanacheEntityBase {
    @Id
    UUID id;

    @Column(name = "session_id", nullable = false)
    UUID sessionId;

    @Column(nullable = false)
    int position;

    @Column(nullable = false)
    String title;

    @Column(nullable = false)
    String body;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "revealed_at")
    Instant revealedAt;

    @Column(name = "revealed_by")
    String revealedBy;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "element_ids", nullable = false)
    String[] elementIds;

    Hint toHint() {
        return new Hint(id, position, title, body, revealedAt, revealedBy, List.of(elementIds));
    }
}
