package io.mockboard.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "invite")
class InviteEntity extends PanacheEntityBase {
    @Id
    UUID id;

    @Column(name = "session_id", nullable = false)
    UUID sessionId;

    @Column(nullable = false)
    String role;

    @Column(name = "token_hash", nullable = false)
    byte[] tokenHash;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    @Column(name = "single_use", nullable = false)
    boolean singleUse;

    @Column(name = "used_at")
    Instant usedAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    InviteSummary toSummary() {
        return new InviteSummary(id, sessionId, InviteRole.fromWire(role), expiresAt, singleUse, usedAt, revokedAt, createdAt);
    }
}
