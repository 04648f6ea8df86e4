package io.mockboard.sync.store;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.BoardLog;
import io.mockboard.sync.protocol.ElementList;
import io.mockboard.sync.room.StoredOp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The op log's statements, shared by the room's store and the recording's reader: one place writes and reads ops. */
final class OpLogSql {
    private OpLogSql() {}

    /**
     * Any number of ops, of any boards, and their clients' cursors in one statement: the ops come as seven
     * parallel arrays (one statement to parse, plan and run for a whole group commit, not one per op). A
     * cursor is raised only by an op that was inserted; the statement returns (board, seq) of each inserted op,
     * so an op it does not return found its seq taken.
     */
    static final String INSERT_OPS = """
            with op as (
                insert into board_op (board_id, seq, author, client_id, client_seq, at, elements)
                select board_id, seq, author, client_id, client_seq,
                       timestamptz 'epoch' + at_micros * interval '1 microsecond', elements::json
                from unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[])
                    as t(board_id, seq, author, client_id, client_seq, at_micros, elements)
                on conflict (board_id, seq) do nothing
                returning board_id, seq, client_id, client_seq, author),
            cursor as (
                insert into client_cursor (board_id, client_id, last_client_seq, user_id)
                select board_id, client_id, max(client_seq), min(author) from op group by board_id, client_id
                on conflict (board_id, client_id)
                do update set last_client_seq = greatest(client_cursor.last_client_seq, excluded.last_client_seq))
            select board_id, seq from op""";

    /** One board's ops, in the order given. */
    record BoardOps(BoardId board, List<StoredOp> ops) {
    }

    /**
     * Inserts the ops with {@link #INSERT_OPS} and returns the ones whose seq was already taken (by the same op
     * or another: the caller tells which), in the order given.
     */
    static List<BoardOps> insertOps(Connection connection, List<BoardOps> batches) throws SQLException {
        int count = batches.stream().mapToInt(batch -> batch.ops().size()).sum();
        UUID[] boards = new UUID[count];
        long[] seqs = new long[count];
        String[] authors = new String[count];
        String[] clientIds = new String[count];
        long[] clientSeqs = new long[count];
        long[] atMicros = new long[count];
        String[] elements = new String[count];
        int i = 0;
        for (BoardOps batch : batches) {
            for (StoredOp op : batch.ops()) {
                boards[i] = batch.board().value();
                seqs[i] = op.seq();
                authors[i] = op.author();
                clientIds[i] = op.clientId();
                clientSeqs[i] = op.clientSeq();
                atMicros[i] = ChronoUnit.MICROS.between(Instant.EPOCH, op.at());
                elements[i] = op.elementsJson();
                i++;
            }
        }
        Set<String> inserted = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_OPS)) {
            insert.setArray(1, connection.createArrayOf("uuid", boards));
            insert.setObject(2, seqs);
            insert.setArray(3, connection.createArrayOf("text", authors));
            insert.setArray(4, connection.createArrayOf("text", clientIds));
            insert.setObject(5, clientSeqs);
            insert.setObject(6, atMicros);
            insert.setArray(7, connection.createArrayOf("text", elements));
            try (ResultSet row = insert.executeQuery()) {
                while (row.next()) {
                    inserted.add(row.getString(1) + "/" + row.getLong(2));
                }
            }
        }
        if (inserted.size() == count) {
            return List.of();
        }
        List<BoardOps> taken = new ArrayList<>();
        for (BoardOps batch : batches) {
            List<StoredOp> missing = batch.ops().stream()
                    .filter(op -> !inserted.contains(batch.board().value() + "/" + op.seq()))
                    .toList();
            if (!missing.isEmpty()) {
                taken.add(new BoardOps(batch.board(), missing));
            }
        }
        return taken;
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
