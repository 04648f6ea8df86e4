package io.mockboard.sync.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.BoardId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/**
 * Writes a new board's first ops (seq 1..n, one element each) in the caller's transaction, so a board
 * created from a template starts with the template in its log and a replay starts from it. The ops come
 * from the client id {@value #CLIENT_ID}, which no real client can use (the protocol forbids ':').
 */
@ApplicationScoped
public class OpLogSeeder {
    public static final String CLIENT_ID = "mockboard:template";

    private final EntityManager entities;
    private final ObjectMapper json;

    OpLogSeeder(EntityManager entities, ObjectMapper json) {
        this.entities = entities;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void seed(BoardId board, String author, Instant at, List<ObjectNode> elements) {
        if (elements.isEmpty()) {
            return;
        }
        entities.flush();
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into board_op (board_id, seq, author, client_id, client_seq, at, elements)
                    values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""")) {
                for (int i = 0; i < elements.size(); i++) {
                    insert.setObject(1, board.value());
                    insert.setLong(2, i + 1);
                    insert.setString(3, author);
                    insert.setString(4, CLIENT_ID);
                    insert.setLong(5, i + 1);
                    insert.setTimestamp(6, Timestamp.from(at));
                    insert.setString(7, text(List.of(elements.get(i))));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement cursor = connection.prepareStatement(
                    "insert into client_cursor (board_id, client_id, last_client_seq, user_id) values (?, ?, ?, ?)")) {
                cursor.setObject(1, board.value());
                cursor.setString(2, CLIENT_ID);
                cursor.setLong(3, elements.size());
                cursor.setString(4, author);
                cursor.executeUpdate();
            }
        });
    }

    private String text(List<ObjectNode> elements) {
        try {
            return json.writeValueAsString(elements);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
