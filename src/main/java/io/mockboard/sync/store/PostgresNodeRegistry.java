package io.mockboard.sync.store;

import io.mockboard.core.Jdbc;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.owner.NodeIdentity;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * This node's lease in {@code sync_node} (docs/scaling.md): registered at start, renewed well before it runs out,
 * and released at shutdown together with the boards the node owns, so other nodes take them at once instead of
 * waiting for the lease to end. Times are PostgreSQL's, so the nodes' clocks need not agree.
 */
public final class PostgresNodeRegistry {
    private final DataSource dataSource;
    private final NodeIdentity node;
    private final Duration lease;

    public PostgresNodeRegistry(DataSource dataSource, NodeIdentity node, Duration lease) {
        if (lease.toMillis() < 100) {
            throw new IllegalArgumentException("a node lease is at least 100 ms");
        }
        this.dataSource = dataSource;
        this.node = node;
        this.lease = lease;
    }

    public NodeIdentity node() {
        return node;
    }

    /** Registers this instance (a restart replaces the node's previous instance, whose boards are then free). */
    public void register() throws SQLException {
        Jdbc.statement(dataSource, """
                insert into sync_node (node_id, instance, address, lease_until, draining, started_at)
                values (?, ?, ?, now() + ? * interval '1 millisecond', false, now())
                on conflict (node_id) do update set instance = excluded.instance, address = excluded.address,
                    lease_until = excluded.lease_until, draining = false, started_at = excluded.started_at""", s -> {
            s.setString(1, node.nodeId());
            s.setObject(2, node.instance());
            s.setString(3, node.address());
            s.setLong(4, lease.toMillis());
            return s.executeUpdate();
        });
    }

    /**
     * Extends the lease (registering the instance if it is not yet) and returns the boards this instance owns now.
     * A lease that another instance of the same node replaced is not extended (the set is then empty: this process
     * owns nothing any more).
     */
    public Set<BoardId> renew() throws SQLException {
        return Jdbc.transaction(dataSource, connection -> {
            // registers the instance if it is not yet (the database was down at start); never takes the node id
            // back from a newer instance
            int renewed = Jdbc.prepared(connection, """
                    insert into sync_node (node_id, instance, address, lease_until)
                    values (?, ?, ?, now() + ? * interval '1 millisecond')
                    on conflict (node_id) do update set lease_until = excluded.lease_until
                    where sync_node.instance = excluded.instance""", s -> {
                s.setString(1, node.nodeId());
                s.setObject(2, node.instance());
                s.setString(3, node.address());
                s.setLong(4, lease.toMillis());
                return s.executeUpdate();
            });
            Set<BoardId> owned = new HashSet<>();
            if (renewed == 0) {
                return owned;
            }
            Jdbc.prepared(connection, "select board_id from board_owner where node_id = ? and instance = ?", s -> {
                s.setString(1, node.nodeId());
                s.setObject(2, node.instance());
                try (var row = s.executeQuery()) {
                    while (row.next()) {
                        owned.add(new BoardId(row.getObject(1, UUID.class)));
                    }
                }
                return null;
            });
            return owned;
        });
    }

    /**
     * Where to forward a socket of this board: the address of the node that owns it, when that is another live
     * node with an address. Empty when this node owns it, nobody does, or the owner is gone (the board is then
     * taken here).
     */
    public Optional<String> ownerElsewhere(BoardId board) throws SQLException {
        return Jdbc.statement(dataSource, """
                select n.address from board_owner o join sync_node n on n.node_id = o.node_id and n.instance = o.instance
                where o.board_id = ? and n.lease_until > now() and n.address is not null
                  and not (o.node_id = ? and o.instance = ?)""", s -> {
            s.setObject(1, board.value());
            s.setString(2, node.nodeId());
            s.setObject(3, node.instance());
            try (var row = s.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /**
     * Ends the lease of the live node at this address at once: another node found nothing listening there (its
     * process is gone), so its boards may be taken without waiting for the lease to run out. Safe whatever the
     * truth: a node that still runs loses only its boards (the epoch fences its appends), and takes them back
     * when asked. Returns whether a lease ended.
     */
    public boolean endLeaseAt(String address) throws SQLException {
        return Jdbc.statement(dataSource, """
                update sync_node set lease_until = now() where address = ? and lease_until > now()
                  and not (node_id = ? and instance = ?)""", s -> {
            s.setString(1, address);
            s.setString(2, node.nodeId());
            s.setObject(3, node.instance());
            return s.executeUpdate() > 0;
        });
    }

    /** Marks the node draining: it takes no new boards' sockets (its readiness is down). */
    public void draining() throws SQLException {
        Jdbc.statement(dataSource, "update sync_node set draining = true where node_id = ? and instance = ?", s -> {
            s.setString(1, node.nodeId());
            s.setObject(2, node.instance());
            return s.executeUpdate();
        });
    }

    /** Frees every board this instance owns (their epochs stay) and ends its lease: call after storing everything. */
    public void release() throws SQLException {
        Jdbc.transaction(dataSource, connection -> {
            Jdbc.prepared(connection, "update board_owner set node_id = null, instance = null, since = now() where node_id = ? and instance = ?", s -> {
                s.setString(1, node.nodeId());
                s.setObject(2, node.instance());
                return s.executeUpdate();
            });
            return Jdbc.prepared(connection, "update sync_node set lease_until = now(), draining = true where node_id = ? and instance = ?", s -> {
                s.setString(1, node.nodeId());
                s.setObject(2, node.instance());
                return s.executeUpdate();
            });
        });
    }
}
