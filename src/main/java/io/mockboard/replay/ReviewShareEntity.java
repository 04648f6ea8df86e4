package io.mockboard.replay;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "review_share")
class ReviewShareEntity extends PanacheEntityBase {
    @Id
    UUID id;

    @Column(name = "session_id", nullable = false)
    UUID sessionId;

    @Column(name = "token_hash", nullable = false)
    byte[] tokenHash;

    @Column(name = "scorecard_id")
    UUID scorecardId;

    @Column(name = "include_levels", nullable = false)
    boolean includeLevels;

    @Column(name = "include_summary", nullable = false)
    boolean includeSummary;

    @Column(name = "include_audio", nullable = false)
    boolean includeAudio;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "revoked_at")
    Instant revokedAt;
}
