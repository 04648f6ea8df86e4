package io.mockboard.sync.ws;

import io.mockboard.core.Jdbc;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.BoardRoster;
import io.mockboard.sync.owner.NodeIdentity;
import io.mockboard.sync.room.Participant;
import io.mockboard.sync.room.RoomListener;
import io.mockboard.sync.room.SessionId;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The {@link BoardRoster} of every node, in {@code board_presence}: a room listener writes a row when a session
 * becomes live on this node and deletes it when it leaves (off the room's thread, in order); the roster reads the
 * rows of live nodes. A node clears its old rows when it starts and its own when it stops.
 */
@ApplicationScoped
class PostgresBoardRoster implements BoardRoster, RoomListener {
    private static final Logger LOG = Logger.getLogger(PostgresBoardRoster.class);

    private final DataSource dataSource;
    private final NodeIdentity node;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("mockboard-roster").daemon(true).factory());

    PostgresBoardRoster(DataSource dataSource, NodeIdentity node) {
        this.dataSource = dataSource;
        this.node = node;
    }

    @Override
    public List<Present> online(BoardId board) {
        try {
            return Jdbc.statement(dataSource, """
                    select p.display_name, p.role from board_presence p
                    join sync_node n on n.node_id = p.node_id and n.instance = p.instance and n.lease_until > now()
                    where p.board_id = ? order by p.joined_at""", s -> {
                s.setObject(1, board.value());
                List<Present> present = new ArrayList<>();
                try (var row = s.executeQuery()) {
                    while (row.next()) {
                        present.add(new Present(row.getString(1), row.getString(2)));
                    }
                }
                return present;
            });
        } catch (SQLException e) {
            LOG.warnf("who is on board %s could not be read: %s", board, e.getMessage());
            return List.of();
        }
    }

    @Override
    public void joined(BoardId board, SessionId session, Participant who) {
        write("insert into board_presence (board_id, session_id, node_id, instance, display_name, role) values (?, ?, ?, ?, ?, ?) "
                + "on conflict (board_id, session_id) do update set node_id = excluded.node_id, instance = excluded.instance", s -> {
            s.setObject(1, board.value());
            s.setString(2, session.value());
            s.setString(3, node.nodeId());
            s.setObject(4, node.instance());
            s.setString(5, who.displayName());
            s.setString(6, who.role().wire());
            return s.executeUpdate();
        });
    }

    @Override
    public void left(BoardId board, SessionId session, Participant who) {
        write("delete from board_presence where board_id = ? and session_id = ?", s -> {
            s.setObject(1, board.value());
            s.setString(2, session.value());
            return s.executeUpdate();
        });
    }

    void start(@Observes StartupEvent event) {
        write("delete from board_presence where node_id = ? and instance <> ?", s -> {
            s.setString(1, node.nodeId());
            s.setObject(2, node.instance());
            return s.executeUpdate();
        });
    }

    void stop(@Observes ShutdownEvent event) {
        write("delete from board_presence where node_id = ? and instance = ?", s -> {
            s.setString(1, node.nodeId());
            s.setObject(2, node.instance());
            return s.executeUpdate();
        });
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(String sql, Jdbc.StatementWork<Integer> work) {
        try {
            writer.execute(() -> {
                try {
                    Jdbc.statement(dataSource, sql, work);
                } catch (SQLException e) {
                    LOG.debugf("board presence not written: %s", e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("shutting down: board presence not written");
        }
    }
}
