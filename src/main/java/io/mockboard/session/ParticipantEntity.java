package io.mockboard.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "participant")
class ParticipantEntity extends PanacheEntityBase {
    @Id
    UUID id;

    @Column(name = "session_id", nullable = false)
    UUID sessionId;

    @Column(nullable = false)
    String role;

    @Column(name = "user_id")
    String userId;

    @Column(name = "display_name", nullable = false)
    String displayName;

    @Column(name = "invite_id")
    UUID inviteId;

    @Column(name = "guest_token_hash")
    byte[] guestTokenHash;

    @Column(name = "joined_at", nullable = false)
    Instant joinedAt;

    ParticipantSummary toSummary() {
        return new ParticipantSummary(id, InviteRole.fromWire(role), displayName, userId == null, joinedAt, userId);
    }
}
