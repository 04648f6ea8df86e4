package io.mockboard.rubric;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "rubric")
class RubricEntity extends PanacheEntityBase {
    @Id
    UUID id;

    String slug;

    @Column(nullable = false)
    String title;

    @Column(nullable = false)
    String framework;

    @Column(nullable = false)
    String description;

    @Column(name = "created_by")
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "current_version", nullable = false)
    int currentVersion;
}
