package io.mockboard.board;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "board_file")
@IdClass(BoardFileEntity.Key.class)
class BoardFileEntity extends PanacheEntityBase {
    /** Composite key (board, file id). */
    static class Key implements Serializable {
        UUID boardId;
        String fileId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(boardId, key.boardId) && java.util.Objects.equals(fileId, key.fileId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(boardId, fileId);
        }
    }

    @Id
    @Column(name = "board_id")
    UUID boardId;

    @Id
    @Column(name = "file_id")
    String fileId;

    @Column(name = "mime_type", nullable = false)
    String mimeType;

    @Column(nullable = false)
    byte[] data;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
