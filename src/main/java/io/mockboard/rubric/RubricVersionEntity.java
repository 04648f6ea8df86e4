package io.mockboard.rubric;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "rubric_version")
class RubricVersionEntity extends PanacheEntityBase {
    @Id
    UUID id;

    @Column(name = "rubric_id", nullable = false)
    UUID rubricId;

    @Column(nullable = false)
    int version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    String content;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
