package io.mockboard.session.flow;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "step_event")
class StepEventEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "session_id", nullable = false)
    UUID sessionId;

    @Column(nullable = false)
    Instant at;

    @Column(nullable = false)
    String step;

    @Column(name = "actor_id", nullable = false)
    String actorId;

    @Column(name = "actor_name", nullable = false)
    String actorName;
}
