package io.mockboard.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mockboard.core.Jdbc;
import io.mockboard.sync.BoardId;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads the sampled presence the {@link PresenceRecorder} stored for a board: cursors, viewports, who was away. */
@ApplicationScoped
public class PresenceLog {
    private final DataSource dataSource;
    private final ObjectMapper json;

    PresenceLog(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** One sampled presence of a participant ({@code viewport}, {@code laser}: as sent, or null). */
    public record PresenceSample(long id, Instant at, String userId, String name, Double cursorX, Double cursorY,
            JsonNode viewport, JsonNode laser, JsonNode selection, String idle) {}

    /** Presence samples with id &gt; afterId, oldest first, at most limit. */
    public List<PresenceSample> presence(BoardId board, long afterId, int limit) {
        return query("""
                select id, at, user_id, name, cursor_x, cursor_y, viewport::text, laser::text, selection::text, idle
                from presence_sample where board_id = ? and id > ? order by id limit ?""", s -> {
            s.setObject(1, board.value());
            s.setLong(2, afterId);
            s.setInt(3, limit);
            List<PresenceSample> samples = new ArrayList<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    samples.add(new PresenceSample(row.getLong(1), instant(row.getTimestamp(2)), row.getString(3), row.getString(4),
                            row.getObject(5, Double.class), row.getObject(6, Double.class), tree(row.getString(7)), tree(row.getString(8)),
                            tree(row.getString(9)), row.getString(10)));
                }
            }
            return samples;
        });
    }

    /** How many presence samples the recording holds. */
    public long presenceCount(BoardId board) {
        return query("select count(*) from presence_sample where board_id = ?", s -> {
            s.setObject(1, board.value());
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private <T> T query(String sql, Jdbc.StatementWork<T> work) {
        try {
            return Jdbc.statement(dataSource, sql, work);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the recorded presence failed: " + e.getMessage(), e);
        }
    }
}
