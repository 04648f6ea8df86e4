package io.mockboard.board;

import io.mockboard.sync.BoardId;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "board")
class BoardEntity extends PanacheEntityBase {
    @Id
    UUID id;

    @Column(nullable = false)
    String title;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "private_to_owner", nullable = false)
    boolean privateToOwner;

    BoardSummary toSummary() {
        return new BoardSummary(new BoardId(id), title, createdBy, createdAt, privateToOwner);
    }
}
