package io.mockboard.sync.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.core.Jdbc;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.BoardLog;
import io.mockboard.sync.protocol.ElementList;
import io.mockboard.sync.room.StoredOp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.hibernate.Session;

/** {@link BoardLog} on PostgreSQL: the op log and snapshots the room's store writes, read with plain queries. */
@ApplicationScoped
class PostgresBoardLog implements BoardLog {
    private final DataSource dataSource;
    private final EntityManager entities;

    PostgresBoardLog(DataSource dataSource, EntityManager entities) {
        this.dataSource = dataSource;
        this.entities = entities;
    }

    @Override
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

    @Override
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

    @Override
    public Optional<Snapshot> snapshotAtOrBefore(BoardId board, long seq) {
        return connected(connection -> OpLogSql.snapshotAtOrBefore(connection, board, seq));
    }

    @Override
    public List<StoredOp> ops(BoardId board, long afterSeq, long toSeq, int limit) {
        return connected(connection -> OpLogSql.ops(connection, board, afterSeq, toSeq, limit));
    }

    @Override
    public Map<String, String> lastAuthors(BoardId board, long seq) {
        return query("""
                select distinct on (e ->> 'id') e ->> 'id', o.author
                from board_op o cross join lateral json_array_elements(case when json_typeof(o.elements) = 'array'
                    then o.elements else '[]'::json end) e
                where o.board_id = ? and o.seq <= ? and json_typeof(e) = 'object' and e ->> 'id' is not null
                order by e ->> 'id', o.seq desc""", s -> {
            s.setObject(1, board.value());
            s.setLong(2, seq);
            Map<String, String> authors = new HashMap<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    authors.put(row.getString(1), row.getString(2));
                }
            }
            return authors;
        });
    }

    @Override
    public Map<String, Long> opsByAuthor(BoardId board) {
        return query("select author, count(*) from board_op where board_id = ? group by author order by count(*) desc", s -> {
            s.setObject(1, board.value());
            Map<String, Long> counts = new LinkedHashMap<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getString(1), row.getLong(2));
                }
            }
            return counts;
        });
    }

    @Override
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

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void seed(BoardId board, String author, Instant at, List<ObjectNode> elements) {
        if (elements.isEmpty()) {
            return;
        }
        entities.flush(); // the board's row first: the ops refer to it
        entities.unwrap(Session.class).doWork(connection -> {
            List<StoredOp> ops = new ArrayList<>(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                ops.add(new StoredOp(i + 1, author, SEED_CLIENT_ID, i + 1, at, ElementList.of(List.of(elements.get(i)))));
            }
            if (!OpLogSql.insertOps(connection, List.of(new OpLogSql.BoardOps(board, ops))).isEmpty()) {
                throw new SQLException("board " + board + " already has ops; a new board is seeded once");
            }
        });
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private <T> T query(String sql, Jdbc.StatementWork<T> work) {
        return connected(connection -> Jdbc.prepared(connection, sql, work));
    }

    private <T> T connected(Jdbc.ConnectionWork<T> work) {
        try {
            return Jdbc.connection(dataSource, work);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the recording failed: " + e.getMessage(), e);
        }
    }
}
