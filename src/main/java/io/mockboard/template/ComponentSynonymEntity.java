package io.mockboard.template;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "component_synonym")
class ComponentSynonymEntity extends PanacheEntityBase {
    @Id
    String key;

    @Column(nullable = false)
    String label;

    @Column(nullable = false)
    String kind;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
