package io.mockboard.rubric;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "score")
@IdClass(ScoreEntity.Key.class)
class ScoreEntity extends PanacheEntityBase {
    /** Composite key (scorecard, criterion). */
    static class Key implements Serializable {
        UUID scorecardId;
        String criterionId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(scorecardId, key.scorecardId) && Objects.equals(criterionId, key.criterionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scorecardId, criterionId);
        }
    }

    @Id
    @Column(name = "scorecard_id")
    UUID scorecardId;

    @Id
    @Column(name = "criterion_id")
    String criterionId;

    Integer level;

    @Column(nullable = false)
    String evidence;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "note_ids", nullable = false)
    UUID[] noteIds;
}
