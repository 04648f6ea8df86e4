package io.mockboard.sync.store;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.BoardLog;
import io.mockboard.sync.protocol.ElementList;
import io.mockboard.sync.room.StoredOp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The op log's statements, shared by the room's store and the recording's reader: one place writes and reads ops. */
final class OpLogSql {
    private OpLogSql() {}

    /**
     * One op and its client's cursor in one statement (one row of a JDBC batch): the cursor is raised only if
     * the op was inserted, so the update count says whether the op was new (1) or its seq already taken (0).
     */
    static final String INSERT_OP = """
            with op as (
                insert into board_op (board_id, seq, author, client_id, client_seq, at, elements)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (board_id, seq) do nothing
                returning board_id, client_id, client_seq, author)
            insert into client_cursor (board_id, client_id, last_client_seq, user_id)
            select board_id, client_id, client_seq, author from op
            on conflict (board_id, client_id)
            do update set last_client_seq = greatest(client_cursor.last_client_seq, excluded.last_client_seq)""";

    /** Adds one op to a batch of {@link #INSERT_OP}. */
    static void addOp(PreparedStatement insert, BoardId board, StoredOp op) throws SQLException {
        insert.setObject(1, board.value());
        insert.setLong(2, op.seq());
        insert.setString(3, op.author());
        insert.setString(4, op.clientId());
        insert.setLong(5, op.clientSeq());
        insert.setTimestamp(6, Timestamp.from(op.at()));
        insert.setString(7, op.elementsJson());
        insert.addBatch();
    }

    /** Ops with afterSeq &lt; seq ≤ toSeq in seq order, at most limit; elements are kept as their JSON text. */
    static List<StoredOp> ops(Connection connection, BoardId board, long afterSeq, long toSeq, int limit) throws SQLException {
        List<StoredOp> ops = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("""
                select seq, author, client_id, client_seq, at, elements::text from board_op
                where board_id = ? and seq > ? and seq <= ? order by seq limit ?""")) {
            s.setObject(1, board.value());
            s.setLong(2, afterSeq);
            s.setLong(3, toSeq);
            s.setInt(4, limit);
            s.setFetchSize(1000);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    ops.add(new StoredOp(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                            row.getTimestamp(5).toInstant(), ElementList.ofJson(row.getString(6))));
                }
            }
        }
        return ops;
    }

    /** The newest snapshot at or before {@code seq}, its elements kept as their JSON text. */
    static Optional<BoardLog.Snapshot> snapshotAtOrBefore(Connection connection, BoardId board, long seq) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select seq, elements::text from board_snapshot where board_id = ? and seq <= ? order by seq desc limit 1")) {
            s.setObject(1, board.value());
            s.setLong(2, seq);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(new BoardLog.Snapshot(row.getLong(1), ElementList.ofJson(row.getString(2))))
                        : Optional.empty();
            }
        }
    }
}
