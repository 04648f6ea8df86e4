package io.mockboard.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.BoardId;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads a board's recording from PostgreSQL without the live room: ops by seq or time, the nearest snapshot,
 * and quiet stretches. An op whose stored elements are not a list of element objects (it should never happen)
 * is returned as {@link RecordedOp#corrupt()} so readers can skip it visibly.
 */
@ApplicationScoped
public class OpLog {
    private final DataSource dataSource;
    private final ObjectMapper json;

    OpLog(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** One stored op; {@code elements} is empty and {@code corrupt} true when it could not be read. */
    public record RecordedOp(long seq, String author, Instant at, List<ObjectNode> elements, boolean corrupt) {}

    /** A stored snapshot. */
    public record Snapshot(long seq, List<ObjectNode> elements) {}

    /** A stretch with no board change. */
    public record Quiet(Instant from, Instant to) {}

    /** Head seq, number of ops and the first/last op time. */
    public record Extent(long head, long count, Instant first, Instant last) {}

    public Extent extent(BoardId board) {
        // seqs are 1..n without gaps ([S2]), so the head is also the count; both ends come from the primary key's index
        return query("""
                select (select seq from board_op where board_id = ? order by seq desc limit 1),
                       (select at from board_op where board_id = ? order by seq limit 1),
                       (select at from board_op where board_id = ? order by seq desc limit 1)""", s -> {
            for (int i = 1; i <= 3; i++) {
                s.setObject(i, board.value());
            }
            try (ResultSet row = s.executeQuery()) {
                row.next();
                long head = row.getLong(1);
                return new Extent(head, head, instant(row.getTimestamp(2)), instant(row.getTimestamp(3)));
            }
        });
    }

    /** The highest seq ordered at or before this moment (0 if none). */
    public long seqAt(BoardId board, Instant at) {
        // ops are stamped in seq order, so the newest op by time is the highest seq; the (board_id, at) index finds it
        return query("select coalesce((select seq from board_op where board_id = ? and at <= ? order by at desc, seq desc limit 1), 0)", s -> {
            s.setObject(1, board.value());
            s.setTimestamp(2, Timestamp.from(at));
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** The newest snapshot at or before this seq. */
    public Optional<Snapshot> snapshotAtOrBefore(BoardId board, long seq) {
        return query("select seq, elements::text from board_snapshot where board_id = ? and seq <= ? order by seq desc limit 1", s -> {
            s.setObject(1, board.value());
            s.setLong(2, seq);
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                List<ObjectNode> elements = elements(row.getString(2));
                return Optional.of(new Snapshot(row.getLong(1), elements == null ? List.of() : elements));
            }
        });
    }

    /** Ops with afterSeq &lt; seq ≤ toSeq, in order, at most limit. */
    public List<RecordedOp> ops(BoardId board, long afterSeq, long toSeq, int limit) {
        return query("select seq, author, at, elements::text from board_op where board_id = ? and seq > ? and seq <= ? order by seq limit ?",
                s -> {
                    s.setObject(1, board.value());
                    s.setLong(2, afterSeq);
                    s.setLong(3, toSeq);
                    s.setInt(4, limit);
                    List<RecordedOp> ops = new ArrayList<>();
                    try (ResultSet row = s.executeQuery()) {
                        while (row.next()) {
                            List<ObjectNode> elements = elements(row.getString(4));
                            ops.add(new RecordedOp(row.getLong(1), row.getString(2), instant(row.getTimestamp(3)),
                                    elements == null ? List.of() : elements, elements == null));
                        }
                    }
                    return ops;
                });
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

    /** Who last changed each element in ops 1..seq (element id → author). */
    public java.util.Map<String, String> lastAuthors(BoardId board, long seq) {
        return query("""
                select distinct on (e ->> 'id') e ->> 'id', o.author
                from board_op o cross join lateral jsonb_array_elements(case when jsonb_typeof(o.elements) = 'array'
                    then o.elements else '[]'::jsonb end) e
                where o.board_id = ? and o.seq <= ? and jsonb_typeof(e) = 'object' and e ->> 'id' is not null
                order by e ->> 'id', o.seq desc""", s -> {
            s.setObject(1, board.value());
            s.setLong(2, seq);
            java.util.Map<String, String> authors = new java.util.HashMap<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    authors.put(row.getString(1), row.getString(2));
                }
            }
            return authors;
        });
    }

    /** How many ops each author made (template seeding included), most first. */
    public java.util.Map<String, Long> opsByAuthor(BoardId board) {
        return query("select author, count(*) from board_op where board_id = ? group by author order by count(*) desc", s -> {
            s.setObject(1, board.value());
            java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getString(1), row.getLong(2));
                }
            }
            return counts;
        });
    }

    /** Stretches of at least {@code min} between consecutive ops, oldest first, at most 500. */
    public List<Quiet> quietStretches(BoardId board, Duration min) {
        return query("""
                select at, next from (select at, lead(at) over (order by seq) as next from board_op where board_id = ?) gaps
                where next - at >= ? * interval '1 millisecond' order by at limit 500""", s -> {
            s.setObject(1, board.value());
            s.setLong(2, min.toMillis());
            List<Quiet> quiet = new ArrayList<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    quiet.add(new Quiet(instant(row.getTimestamp(1)), instant(row.getTimestamp(2))));
                }
            }
            return quiet;
        });
    }

    /** The elements of an op or snapshot, or null when they are not a list of objects with an id. */
    private List<ObjectNode> elements(String text) {
        try {
            JsonNode node = json.readTree(text);
            if (!node.isArray()) {
                return null;
            }
            List<ObjectNode> elements = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                if (!(element instanceof ObjectNode object) || !element.path("id").isTextual()) {
                    return null;
                }
                elements.add(object);
            }
            return elements;
        } catch (IOException e) {
            return null;
        }
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

    private interface Statement<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private <T> T query(String sql, Statement<T> work) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the recording failed: " + e.getMessage(), e);
        }
    }
}
