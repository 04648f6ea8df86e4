package io.mockboard.sync.store;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.owner.NodeIdentity;
import io.mockboard.sync.owner.Ownership;
import io.mockboard.sync.room.BoardMovedException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The statements of board ownership: taking a board in a transaction, and the fence every append passes. */
final class OwnershipSql {
    private OwnershipSql() {}

    /**
     * Takes (or keeps) the board for {@code me} in the caller's transaction and returns its epoch; the owner row
     * stays locked until the transaction ends, so appends of a former owner that are still running finish first
     * (they hold the row for share) and whatever they stored is read after this. Throws {@link BoardMovedException}
     * when another live node owns it.
     */
    /** The epoch a board was taken (or kept) with, and whether another node owned it until now. */
    record Taken(long epoch, boolean fromAnotherNode) {
    }

    static Taken acquire(Connection connection, BoardId board, NodeIdentity me) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "insert into board_owner (board_id, epoch) values (?, 0) on conflict do nothing")) {
            s.setObject(1, board.value());
            s.executeUpdate();
        }
        Ownership.Owner owner;
        Ownership.Lease lease = null;
        java.time.Instant now;
        try (PreparedStatement s = connection.prepareStatement("""
                select o.node_id, o.instance, o.epoch, n.instance, n.lease_until, n.address, now()
                from board_owner o left join sync_node n on n.node_id = o.node_id
                where o.board_id = ? for update of o""")) {
            s.setObject(1, board.value());
            try (ResultSet row = s.executeQuery()) {
                row.next();
                owner = new Ownership.Owner(row.getString(1), row.getObject(2, UUID.class), row.getLong(3));
                if (row.getObject(4) != null) {
                    lease = new Ownership.Lease(row.getObject(4, UUID.class), row.getTimestamp(5).toInstant(), row.getString(6));
                }
                now = row.getTimestamp(7).toInstant();
            }
        }
        return switch (Ownership.decide(owner, lease, me, now)) {
            case Ownership.Keep keep -> new Taken(keep.epoch(), false);
            case Ownership.Take take -> {
                try (PreparedStatement s = connection.prepareStatement(
                        "update board_owner set node_id = ?, instance = ?, epoch = ?, since = now() where board_id = ?")) {
                    s.setString(1, me.nodeId());
                    s.setObject(2, me.instance());
                    s.setLong(3, take.epoch());
                    s.setObject(4, board.value());
                    s.executeUpdate();
                }
                yield new Taken(take.epoch(), owner.nodeId() != null && !owner.nodeId().equals(me.nodeId()));
            }
            case Ownership.Refuse refuse -> throw new BoardMovedException(
                    "board " + board + " is owned by node " + refuse.nodeId(), refuse.nodeId());
        };
    }

    /**
     * The fence of a group commit: of the given (board, epoch) pairs, those {@code me} still owns at that epoch,
     * their owner rows locked for share until the transaction ends (a takeover waits for this append).
     */
    static Set<UUID> fence(Connection connection, Map<BoardId, Long> epochs, NodeIdentity me) throws SQLException {
        UUID[] boards = new UUID[epochs.size()];
        long[] values = new long[epochs.size()];
        int i = 0;
        for (Map.Entry<BoardId, Long> entry : epochs.entrySet()) {
            boards[i] = entry.getKey().value();
            values[i++] = entry.getValue();
        }
        Set<UUID> owned = new HashSet<>();
        try (PreparedStatement s = connection.prepareStatement("""
                select o.board_id from board_owner o
                join unnest(?::uuid[], ?::bigint[]) as f(board_id, epoch) on f.board_id = o.board_id and f.epoch = o.epoch
                where o.node_id = ? and o.instance = ?
                for share of o""")) {
            s.setArray(1, connection.createArrayOf("uuid", boards));
            s.setObject(2, values);
            s.setString(3, me.nodeId());
            s.setObject(4, me.instance());
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    owned.add(row.getObject(1, UUID.class));
                }
            }
        }
        return owned;
    }
}
