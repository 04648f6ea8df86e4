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
@Table(name = "note")
class NoteEntity extends PanacheEntityBase {
    @Id
    UUID id;

    @Column(name = "session_id", nullable = false)
    UUID sessionId;

    @Column(name = "author_id", nullable = false)
    String authorId;

    @Column(name = "author_name", nullable = false)
    String authorName;

    @Column(nullable = false)
    Instant at;

    @Column(nullable = false)
    String body;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "element_ids", nullable = false)
    String[] elementIds;

    String criterion;

    @Column(name = "probe_id")
    String probeId;

    Note toNote() {
        return new Note(id, sessionId, authorName, at, body, List.of(elementIds), criterion, probeId);
    }
}
