package io.mockboard.replay;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "self_review_note")
class SelfReviewNoteEntity extends PanacheEntityBase {
    @Id
    UUID id;

    @Column(name = "session_id", nullable = false)
    UUID sessionId;

    @Column(name = "author_id", nullable = false)
    String authorId;

    @Column(name = "author_name", nullable = false)
    String authorName;

    @Column(nullable = false)
    Instant moment;

    @Column(nullable = false)
    String body;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
