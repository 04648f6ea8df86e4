package io.mockboard.sync.store;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.BoardLog;
import io.mockboard.sync.owner.NodeIdentity;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The op log's statements, shared by the room's store and the recording's reader: one place writes and reads ops. */
final class OpLogSql {
    private OpLogSql() {}

    /** The ops of an insert, as seven parallel arrays. */
    private static final String OPS = """
            (?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[])
                    as t(board_id, seq, author, client_id, client_seq, at_micros, elements)""";

    /**
     * Any number of ops, of any boards, and their clients' cursors in one statement: the ops come as seven
     * parallel arrays (one statement to parse, plan and run for a whole group commit, not one per op). A
     * cursor is raised only by an op that was inserted; the statement returns (board, seq) of each inserted op,
     * so an op it does not return found its seq taken. For ops no owner appended: a new board's template.
     */
    static final String INSERT_OPS = insertStatement("", "null", "from unnest" + OPS, "");

    /**
     * {@link #INSERT_OPS} behind the fence of board ownership, in the same statement: only the ops of boards that
     * the given node still owns at the given epochs are inserted (with that epoch), and their owner rows stay
     * locked for share until the transaction ends, so a takeover waits for this append. Returns, besides
     * (board, seq) of each inserted op, (board, 0) for each board that passed the fence.
     */
    static final String INSERT_OWNED_OPS = insertStatement("""
            fence as (
                select o.board_id, o.epoch from board_owner o
                join unnest(?::uuid[], ?::bigint[]) as f(board_id, epoch) on f.board_id = o.board_id and f.epoch = o.epoch
                where o.node_id = ? and o.instance = ?
                for share of o),
            """, "fence.epoch", "from unnest" + OPS + " join fence using (board_id)", " union all select board_id, 0 from fence");

    private static String insertStatement(String fence, String epoch, String from, String alsoReturn) {
        return """
                with %sop as (
                    insert into board_op (board_id, seq, author, client_id, client_seq, at, elements, epoch)
                    select board_id, seq, author, client_id, client_seq,
                           timestamptz 'epoch' + at_micros * interval '1 microsecond', elements::json, %s
                    %s
                    on conflict (board_id, seq) do nothing
                    returning board_id, seq, client_id, client_seq, author),
                cursor as (
                    insert into client_cursor (board_id, client_id, last_client_seq, user_id)
                    select board_id, client_id, max(client_seq), min(author) from op group by board_id, client_id
                    on conflict (board_id, client_id)
                    do update set last_client_seq = greatest(client_cursor.last_client_seq, excluded.last_client_seq))
                select board_id, seq from op%s""".formatted(fence, epoch, from, alsoReturn);
    }

    /** The fence of a group commit: the epoch this node took each board with, and who this node is. */
    record Fence(Map<BoardId, Long> epochs, NodeIdentity node) {
    }

    /** What an insert did: the boards that passed the fence, and the ops whose seq was already taken. */
    record Inserted(Set<UUID> owned, List<BoardOps> taken) {
    }

    /** One board's ops, in the order given. */
    record BoardOps(BoardId board, List<StoredOp> ops) {
    }

    /**
     * Inserts the ops with {@link #INSERT_OPS} and returns the ones whose seq was already taken (by the same op
     * or another: the caller tells which), in the order given.
     */
    static List<BoardOps> insertOps(Connection connection, List<BoardOps> batches) throws SQLException {
        return insert(connection, batches, null).taken();
    }

    /**
     * Inserts the ops of the boards that pass the fence with {@link #INSERT_OWNED_OPS}; of those boards, returns
     * the ops whose seq was already taken, in the order given.
     */
    static Inserted insertOwnedOps(Connection connection, List<BoardOps> batches, Fence fence) throws SQLException {
        return insert(connection, batches, fence);
    }

    private static Inserted insert(Connection connection, List<BoardOps> batches, Fence fence) throws SQLException {
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
        Set<UUID> owned = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(fence == null ? INSERT_OPS : INSERT_OWNED_OPS)) {
            int p = 1;
            if (fence != null) {
                p = setFence(connection, insert, fence);
            }
            insert.setArray(p, connection.createArrayOf("uuid", boards));
            insert.setObject(p + 1, seqs);
            insert.setArray(p + 2, connection.createArrayOf("text", authors));
            insert.setArray(p + 3, connection.createArrayOf("text", clientIds));
            insert.setObject(p + 4, clientSeqs);
            insert.setObject(p + 5, atMicros);
            insert.setArray(p + 6, connection.createArrayOf("text", elements));
            try (ResultSet row = insert.executeQuery()) {
                while (row.next()) {
                    if (row.getLong(2) == 0) {
                        owned.add(row.getObject(1, UUID.class));
                    } else {
                        inserted.add(row.getString(1) + "/" + row.getLong(2));
                    }
                }
            }
        }
        List<BoardOps> taken = new ArrayList<>();
        if (inserted.size() < count) {
            for (BoardOps batch : batches) {
                if (fence != null && !owned.contains(batch.board().value())) {
                    continue;
                }
                List<StoredOp> missing = batch.ops().stream()
                        .filter(op -> !inserted.contains(batch.board().value() + "/" + op.seq()))
                        .toList();
                if (!missing.isEmpty()) {
                    taken.add(new BoardOps(batch.board(), missing));
                }
            }
        }
        return new Inserted(owned, taken);
    }

    /** Sets the fence's four parameters; returns the index of the next one. */
    private static int setFence(Connection connection, PreparedStatement insert, Fence fence) throws SQLException {
        UUID[] boards = new UUID[fence.epochs().size()];
        long[] epochs = new long[fence.epochs().size()];
        int i = 0;
        for (Map.Entry<BoardId, Long> entry : fence.epochs().entrySet()) {
            boards[i] = entry.getKey().value();
            epochs[i++] = entry.getValue();
        }
        insert.setArray(1, connection.createArrayOf("uuid", boards));
        insert.setObject(2, epochs);
        insert.setString(3, fence.node().nodeId());
        insert.setObject(4, fence.node().instance());
        return 5;
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
