package io.mockboard.sync.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.core.Jdbc;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.BoardLog;
import io.mockboard.sync.owner.NodeIdentity;
import io.mockboard.sync.protocol.ElementList;
import io.mockboard.sync.room.BoardMovedException;
import io.mockboard.sync.room.RoomStore;
import io.mockboard.sync.room.StoreConflictException;
import io.mockboard.sync.room.StoreUnavailableException;
import io.mockboard.sync.room.StoredBoard;
import io.mockboard.sync.room.StoredOp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * {@link RoomStore} on PostgreSQL. Every call runs on the given executor (never on an event loop)
 * in one transaction. Appends are group-committed: those that arrive while a commit runs are stored
 * together, across boards, in one transaction (one fsync) that inserts their ops and raises the client
 * cursors in one statement. An append is idempotent: ops already stored with the same (seq,
 * clientId, clientSeq) count as stored, any other op at a taken seq is a conflict, and a conflict
 * fails only the append that caused it.
 *
 * <p>Loading a board takes its ownership for this node ({@link OwnershipSql#acquire}) in the same transaction, and
 * every group commit passes the fence ({@link OpLogSql#INSERT_OWNED_OPS}): the ops of a board this node no longer owns at
 * the epoch it loaded it with are not stored, and their append fails with {@link BoardMovedException}.
 */
public final class PostgresRoomStore implements RoomStore {
    /**
     * One group commit at a time: appends arriving while it runs form the next group. A second concurrent writer
     * made the groups smaller and PostgreSQL busier (more transactions for the same ops, and the two contending);
     * see docs/benchmarks.md, "What an update costs".
     */
    public static final int DEFAULT_WRITERS = 1;
    private static final int MAX_REMEMBERED_HEADS = 100_000;

    private final DataSource dataSource;
    private final Executor executor;
    private final AppendQueue appends;
    /** The last seq this store committed per board (see {@link #requireNoGaps}). */
    private final Map<BoardId, Long> storedHeads = new ConcurrentHashMap<>();
    private final BoardEpochs epochs;
    private final StoreObserver observer;

    public PostgresRoomStore(DataSource dataSource, Executor executor) {
        this(dataSource, executor, DEFAULT_WRITERS);
    }

    /**
     * @param maxWriters how many group commits may run at once; appends that arrive meanwhile wait and are
     *                   committed together, whatever their board, in one transaction
     */
    public PostgresRoomStore(DataSource dataSource, Executor executor, int maxWriters) {
        this(dataSource, executor, maxWriters, Duration.ZERO);
    }

    /**
     * @param linger how long a writer waits for more appends before a group commit while others are writing too
     *               (never when the last group held a single append)
     */
    public PostgresRoomStore(DataSource dataSource, Executor executor, int maxWriters, Duration linger) {
        this(dataSource, executor, maxWriters, linger, NodeIdentity.local());
    }

    /** @param node who this process is among the nodes sharing the database: boards are taken in its name */
    public PostgresRoomStore(DataSource dataSource, Executor executor, int maxWriters, Duration linger, NodeIdentity node) {
        this(dataSource, executor, maxWriters, linger, node, StoreObserver.NONE);
    }

    /** @param observer told about every group commit, failure, takeover and fenced append (metrics) */
    public PostgresRoomStore(DataSource dataSource, Executor executor, int maxWriters, Duration linger, NodeIdentity node,
            StoreObserver observer) {
        this.observer = observer;
        this.epochs = new BoardEpochs(node, observer);
        this.dataSource = dataSource;
        this.executor = executor;
        this.appends = new AppendQueue(executor, maxWriters, linger, this::commit);
    }

    @Override
    public CompletionStage<StoredBoard> load(BoardId board) {
        return inTransaction(connection -> {
            epochs.take(connection, board);
            BoardLog.Snapshot snapshot = OpLogSql.snapshotAtOrBefore(connection, board, Long.MAX_VALUE)
                    .orElse(new BoardLog.Snapshot(0, ElementList.of(List.of())));
            Map<String, Long> cursors = new HashMap<>();
            Map<String, String> owners = new HashMap<>();
            readCursors(connection, board, cursors, owners);
            return new StoredBoard(snapshot.seq(), snapshot.elements(),
                    OpLogSql.ops(connection, board, snapshot.seq(), Long.MAX_VALUE, Integer.MAX_VALUE), cursors, owners);
        });
    }

    @Override
    public CompletionStage<Void> append(BoardId board, List<StoredOp> ops) {
        if (ops.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return appends.add(board, ops);
    }

    /**
     * One transaction and one fsync for the whole group. If it conflicts, nobody's ops were stored, and each
     * append is tried again on its own so that only the conflicting one fails.
     */
    private void commit(List<AppendQueue.Pending> all) {
        Map<BoardId, Long> fence = epochs.of(all, board -> transact(connection -> epochs.take(connection, board)));
        List<AppendQueue.Pending> group = all.stream().filter(pending -> fence.containsKey(pending.board())).toList();
        if (group.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            Set<UUID> owned = transact(connection -> appendAll(connection, group, fence));
            List<AppendQueue.Pending> stored = new ArrayList<>();
            for (AppendQueue.Pending pending : group) {
                if (owned.contains(pending.board().value())) {
                    stored.add(pending);
                } else {
                    epochs.lost(pending.board());
                    storedHeads.remove(pending.board());
                    observer.fenced();
                    pending.done().completeExceptionally(new BoardMovedException(
                            "board " + pending.board() + " was taken by another node; nothing of this append was stored", null));
                }
            }
            rememberHeads(stored, true);
            observer.committed(stored.size(), stored.stream().mapToInt(pending -> pending.ops().size()).sum(), System.nanoTime() - started);
            stored.forEach(pending -> pending.done().complete(null));
        } catch (StoreConflictException e) {
            rememberHeads(group, false);
            if (group.size() == 1) {
                group.getFirst().done().completeExceptionally(e);
                return;
            }
            for (AppendQueue.Pending pending : group) {
                commit(List.of(pending));
            }
        } catch (RuntimeException e) {
            rememberHeads(group, false);
            observer.failed(group.stream().mapToInt(pending -> pending.ops().size()).sum());
            group.forEach(pending -> pending.done().completeExceptionally(e));
        }
    }

    /**
     * Stores the group's ops of the boards this node still owns at their epoch, behind the fence in the same
     * statement; returns those boards.
     */
    private Set<UUID> appendAll(Connection connection, List<AppendQueue.Pending> group, Map<BoardId, Long> fence)
            throws SQLException {
        requireNoGaps(connection, group);
        List<OpLogSql.BoardOps> batches = group.stream().map(pending -> new OpLogSql.BoardOps(pending.board(), pending.ops())).toList();
        OpLogSql.Inserted inserted = OpLogSql.insertOwnedOps(connection, batches, epochs.fence(fence));
        for (OpLogSql.BoardOps taken : inserted.taken()) {
            for (StoredOp op : taken.ops()) {
                requireSameOp(connection, taken.board(), op);
            }
        }
        return inserted.owned();
    }

    @Override
    public CompletionStage<Void> saveSnapshot(BoardId board, long seq, List<ObjectNode> elements) {
        return inTransaction(connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "insert into board_snapshot (board_id, seq, elements) values (?, ?, cast(? as json)) on conflict do nothing")) {
                s.setObject(1, board.value());
                s.setLong(2, seq);
                s.setString(3, ElementList.of(elements).json());
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Seqs are dense: each batch starts at most one past its board's stored head. A batch that continues the
     * head this store last wrote needs no query: the log is insert-only, so the head can only have moved if
     * another writer took that seq, which the insert reports as a conflict. Other boards are read in one query.
     */
    private void requireNoGaps(Connection connection, List<AppendQueue.Pending> group) throws SQLException {
        List<AppendQueue.Pending> unknown = new ArrayList<>();
        for (AppendQueue.Pending pending : group) {
            Long head = storedHeads.get(pending.board());
            if (head == null || head != pending.ops().getFirst().seq() - 1) {
                unknown.add(pending);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        UUID[] boards = unknown.stream().map(pending -> pending.board().value()).toArray(UUID[]::new);
        Map<UUID, Long> heads = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("""
                select b, coalesce((select max(seq) from board_op where board_id = b), 0)
                from unnest(?::uuid[]) as t(b)""")) {
            s.setArray(1, connection.createArrayOf("uuid", boards));
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    heads.put(row.getObject(1, UUID.class), row.getLong(2));
                }
            }
        }
        for (AppendQueue.Pending pending : unknown) {
            long head = heads.getOrDefault(pending.board().value(), 0L);
            long firstSeq = pending.ops().getFirst().seq();
            if (firstSeq > head + 1) {
                throw new StoreConflictException("seq " + firstSeq + " would leave a gap after " + head + " on board "
                        + pending.board());
            }
        }
    }

    /** Remembers (or, after a failure, forgets) the heads this store wrote; bounded by clearing now and then. */
    private void rememberHeads(List<AppendQueue.Pending> group, boolean stored) {
        if (storedHeads.size() > MAX_REMEMBERED_HEADS) {
            storedHeads.clear();
        }
        for (AppendQueue.Pending pending : group) {
            if (stored) {
                storedHeads.put(pending.board(), pending.ops().getLast().seq());
            } else {
                storedHeads.remove(pending.board());
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

    private static void readCursors(Connection connection, BoardId board, Map<String, Long> cursors, Map<String, String> owners)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select client_id, last_client_seq, user_id from client_cursor where board_id = ?")) {
            s.setObject(1, board.value());
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    cursors.put(row.getString(1), row.getLong(2));
                    if (row.getString(3) != null) {
                        owners.put(row.getString(1), row.getString(3));
                    }
                }
            }
        }
    }

    private <T> CompletionStage<T> inTransaction(Jdbc.ConnectionWork<T> work) {
        return CompletableFuture.supplyAsync(() -> transact(work), executor);
    }

    private <T> T transact(Jdbc.ConnectionWork<T> work) {
        try {
            return Jdbc.transaction(dataSource, work);
        } catch (SQLException e) {
            throw new StoreUnavailableException("PostgreSQL: " + e.getMessage(), e);
        }
    }

}
