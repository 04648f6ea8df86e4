package io.mockboard.sync.store;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.owner.NodeIdentity;
import io.mockboard.sync.owner.Ownership;
import io.mockboard.sync.room.BoardMovedException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Taking a board in a transaction, and logging each change of owner ({@code board_owner_log}). The fence every append
 * passes is part of the append's statement ({@link OpLogSql#INSERT_OWNED_OPS}).
 */
final class OwnershipSql {
    private OwnershipSql() {}

    /** The epoch a board was taken (or kept) with, and whether another node owned it until now. */
    record Taken(long epoch, boolean fromAnotherNode) {
    }

    /**
     * Takes (or keeps) the board for {@code me} in the caller's transaction and returns its epoch; the owner row
     * stays locked until the transaction ends, so appends of a former owner that are still running finish first
     * (they hold the row for share) and whatever they stored is read after this. Throws {@link BoardMovedException}
     * when another live node owns it.
     */
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
                try (PreparedStatement s = connection.prepareStatement("""
                        insert into board_owner_log (board_id, epoch, node_id, instance, head_seq)
                        select ?, ?, ?, ?, coalesce(max(seq), 0) from board_op where board_id = ?""")) {
                    s.setObject(1, board.value());
                    s.setLong(2, take.epoch());
                    s.setString(3, me.nodeId());
                    s.setObject(4, me.instance());
                    s.setObject(5, board.value());
                    s.executeUpdate();
                }
                yield new Taken(take.epoch(), owner.nodeId() != null && !owner.nodeId().equals(me.nodeId()));
            }
            case Ownership.Refuse refuse -> throw new BoardMovedException(
                    "board " + board + " is owned by node " + refuse.nodeId(), refuse.nodeId());
        };
    }
}
