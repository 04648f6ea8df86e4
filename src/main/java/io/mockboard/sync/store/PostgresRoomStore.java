package io.mockboard.sync.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.board.BoardId;
import io.mockboard.sync.room.RoomStore;
import io.mockboard.sync.room.StoreConflictException;
import io.mockboard.sync.room.StoreUnavailableException;
import io.mockboard.sync.room.StoredBoard;
import io.mockboard.sync.room.StoredOp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * {@link RoomStore} on PostgreSQL. Every call runs on the given executor (never on an event loop)
 * in one transaction. An append inserts the batch with one JDBC batch, raises the client cursors
 * in the same transaction, and is idempotent: ops already stored with the same (seq, clientId,
 * clientSeq) count as stored, any other op at a taken seq is a conflict.
 */
public final class PostgresRoomStore implements RoomStore {
    private static final String INSERT_OP = """
            insert into board_op (board_id, seq, author, client_id, client_seq, at, elements)
            values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
            on conflict (board_id, seq) do nothing""";
    private static final String RAISE_CURSOR = """
            insert into client_cursor (board_id, client_id, last_client_seq) values (?, ?, ?)
            on conflict (board_id, client_id)
            do update set last_client_seq = greatest(client_cursor.last_client_seq, excluded.last_client_seq)""";

    private final DataSource dataSource;
    private final Executor executor;
    private final ObjectMapper json;

    public PostgresRoomStore(DataSource dataSource, Executor executor, ObjectMapper json) {
        this.dataSource = dataSource;
        this.executor = executor;
        this.json = json;
    }

    @Override
    public CompletionStage<StoredBoard> load(BoardId board) {
        return inTransaction(connection -> {
            long snapshotSeq = 0;
            List<ObjectNode> snapshot = List.of();
            try (PreparedStatement s = connection.prepareStatement(
                    "select seq, elements::text from board_snapshot where board_id = ? order by seq desc limit 1")) {
                s.setObject(1, board.value());
                try (ResultSet row = s.executeQuery()) {
                    if (row.next()) {
                        snapshotSeq = row.getLong(1);
                        snapshot = elements(row.getString(2));
                    }
                }
            }
            return new StoredBoard(snapshotSeq, snapshot, opsAfter(connection, board, snapshotSeq, Integer.MAX_VALUE),
                    cursors(connection, board));
        });
    }

    @Override
    public CompletionStage<Void> append(BoardId board, List<StoredOp> ops) {
        if (ops.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return inTransaction(connection -> {
            requireNoGap(connection, board, ops.getFirst().seq());
            int[] inserted;
            try (PreparedStatement insert = connection.prepareStatement(INSERT_OP)) {
                for (StoredOp op : ops) {
                    insert.setObject(1, board.value());
                    insert.setLong(2, op.seq());
                    insert.setString(3, op.author());
                    insert.setString(4, op.clientId());
                    insert.setLong(5, op.clientSeq());
                    insert.setTimestamp(6, Timestamp.from(op.at()));
                    insert.setString(7, text(op.elements()));
                    insert.addBatch();
                }
                inserted = insert.executeBatch();
            }
            for (int i = 0; i < ops.size(); i++) {
                if (inserted[i] == 0) {
                    requireSameOp(connection, board, ops.get(i));
                }
            }
            Map<String, Long> highest = new HashMap<>();
            for (StoredOp op : ops) {
                highest.merge(op.clientId(), op.clientSeq(), Math::max);
            }
            try (PreparedStatement cursor = connection.prepareStatement(RAISE_CURSOR)) {
                for (var entry : highest.entrySet()) {
                    cursor.setObject(1, board.value());
                    cursor.setString(2, entry.getKey());
                    cursor.setLong(3, entry.getValue());
                    cursor.addBatch();
                }
                cursor.executeBatch();
            }
            return null;
        });
    }

    @Override
    public CompletionStage<Void> saveSnapshot(BoardId board, long seq, List<ObjectNode> elements) {
        return inTransaction(connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "insert into board_snapshot (board_id, seq, elements) values (?, ?, cast(? as jsonb)) on conflict do nothing")) {
                s.setObject(1, board.value());
                s.setLong(2, seq);
                s.setString(3, text(elements));
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Ops after {@code afterSeq} in seq order, at most {@code limit}: for replay and catch-up readers. */
    public CompletionStage<List<StoredOp>> readOps(BoardId board, long afterSeq, int limit) {
        return inTransaction(connection -> opsAfter(connection, board, afterSeq, limit));
    }

    /** Seqs are dense: a batch starts at most one past the stored head. */
    private static void requireNoGap(Connection connection, BoardId board, long firstSeq) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select coalesce(max(seq), 0) from board_op where board_id = ?")) {
            s.setObject(1, board.value());
            try (ResultSet row = s.executeQuery()) {
                row.next();
                long head = row.getLong(1);
                if (firstSeq > head + 1) {
                    throw new StoreConflictException("seq " + firstSeq + " would leave a gap after " + head + " on board " + board);
                }
            }
        }
    }

    private void requireSameOp(Connection connection, BoardId board, StoredOp op) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select client_id, client_seq from board_op where board_id = ? and seq = ?")) {
            s.setObject(1, board.value());
            s.setLong(2, op.seq());
            try (ResultSet row = s.executeQuery()) {
                if (!row.next() || !row.getString(1).equals(op.clientId()) || row.getLong(2) != op.clientSeq()) {
                    throw new StoreConflictException("seq " + op.seq() + " of board " + board + " holds another op");
                }
            }
        }
    }

    private List<StoredOp> opsAfter(Connection connection, BoardId board, long afterSeq, int limit) throws SQLException {
        List<StoredOp> ops = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("""
                select seq, author, client_id, client_seq, at, elements::text from board_op
                where board_id = ? and seq > ? order by seq limit ?""")) {
            s.setObject(1, board.value());
            s.setLong(2, afterSeq);
            s.setInt(3, limit);
            s.setFetchSize(1000);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    ops.add(new StoredOp(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                            row.getTimestamp(5).toInstant(), elements(row.getString(6))));
                }
            }
        }
        return ops;
    }

    private static Map<String, Long> cursors(Connection connection, BoardId board) throws SQLException {
        Map<String, Long> cursors = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "select client_id, last_client_seq from client_cursor where board_id = ?")) {
            s.setObject(1, board.value());
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    cursors.put(row.getString(1), row.getLong(2));
                }
            }
        }
        return cursors;
    }

    private String text(List<ObjectNode> elements) {
        ArrayNode array = json.createArrayNode();
        elements.forEach(array::add);
        return array.toString();
    }

    private List<ObjectNode> elements(String text) {
        try {
            List<ObjectNode> elements = new ArrayList<>();
            for (var node : json.readTree(text)) {
                elements.add((ObjectNode) node);
            }
            return elements;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable elements in the op log", e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> CompletionStage<T> inTransaction(Work<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new StoreUnavailableException("PostgreSQL: " + e.getMessage(), e);
            }
        }, executor);
    }
}
