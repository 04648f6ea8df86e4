package io.mockboard.sync.store;

import io.mockboard.core.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Messages between the nodes sharing one database, on PostgreSQL alone: {@link #publish} stores a message in
 * {@code sync_message} and announces it with {@code NOTIFY} in the same transaction; every other node's listener
 * (one connection of its own, on a thread of its own) reads it and hands its payload to the receiver. A listener
 * that lost its connection reconnects and first reads what was published meanwhile, so a short outage loses
 * nothing younger than {@link #KEEP}. A node never receives its own messages.
 */
public final class PostgresNodeBus implements AutoCloseable {
    static final String CHANNEL = "mockboard_sync";
    /** Messages are kept this long, for listeners that reconnect. */
    static final Duration KEEP = Duration.ofMinutes(5);
    private static final System.Logger LOG = System.getLogger(PostgresNodeBus.class.getName());
    private static final int POLL_MILLIS = 500;

    private final DataSource dataSource;
    private final UUID origin;
    private final Consumer<String> receiver;
    private volatile boolean closed;
    private volatile boolean listening;
    private Thread listener;
    private long lastSeen = -1;

    /** @param origin this node's instance: its own messages are not handed back to it */
    public PostgresNodeBus(DataSource dataSource, UUID origin, Consumer<String> receiver) {
        this.dataSource = dataSource;
        this.origin = origin;
        this.receiver = receiver;
    }

    /** Starts listening (a daemon thread). */
    public synchronized void start() {
        if (listener == null) {
            listener = Thread.ofPlatform().daemon().name("mockboard-node-bus").start(this::listen);
        }
    }

    /** Whether the listener is connected and listening now. */
    public boolean listening() {
        return listening;
    }

    /** Stores the payload and tells the other nodes (one transaction). */
    public void publish(String payload) throws SQLException {
        Jdbc.transaction(dataSource, connection -> {
            long id = Jdbc.prepared(connection, "insert into sync_message (origin, payload) values (?, ?) returning id", s -> {
                s.setObject(1, origin);
                s.setString(2, payload);
                try (ResultSet row = s.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            });
            return Jdbc.prepared(connection, "select pg_notify(?, ?)", s -> {
                s.setString(1, CHANNEL);
                s.setString(2, origin + ":" + id);
                return s.execute();
            });
        });
    }

    /** Deletes messages older than {@link #KEEP}. */
    public int prune() throws SQLException {
        return Jdbc.statement(dataSource, "delete from sync_message where at < now() - ? * interval '1 millisecond'", s -> {
            s.setLong(1, KEEP.toMillis());
            return s.executeUpdate();
        });
    }

    private void listen() {
        long backoff = 100;
        while (!closed) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement s = connection.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                listening = true;
                backoff = 100;
                catchUp(connection);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        received(connection, notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (closed) {
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "the node bus lost PostgreSQL (" + e.getMessage() + "); listening again in "
                        + backoff + " ms");
                try {
                    Thread.sleep(backoff); // a reconnect's backoff, on the listener's own thread
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(5_000, backoff * 2);
            } finally {
                listening = false;
            }
        }
    }

    /** After (re)connecting: hands over what was published since the last message seen. */
    private void catchUp(Connection connection) throws SQLException {
        if (lastSeen < 0) {
            try (Statement s = connection.createStatement(); ResultSet row = s.executeQuery("select coalesce(max(id), 0) from sync_message")) {
                row.next();
                lastSeen = row.getLong(1);
            }
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "select id, origin, payload from sync_message where id > ? order by id")) {
            s.setLong(1, lastSeen);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    lastSeen = Math.max(lastSeen, row.getLong(1));
                    if (!origin.equals(row.getObject(2, UUID.class))) {
                        deliver(row.getString(3));
                    }
                }
            }
        }
    }

    private void received(Connection connection, String announcement) throws SQLException {
        int colon = announcement.indexOf(':');
        if (colon < 0 || announcement.substring(0, colon).equals(origin.toString())) {
            return;
        }
        long id = Long.parseLong(announcement.substring(colon + 1));
        try (PreparedStatement s = connection.prepareStatement("select payload from sync_message where id = ?")) {
            s.setLong(1, id);
            try (ResultSet row = s.executeQuery()) {
                if (row.next()) {
                    lastSeen = Math.max(lastSeen, id);
                    deliver(row.getString(1));
                }
            }
        }
    }

    private void deliver(String payload) {
        try {
            receiver.accept(payload);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "a node message could not be handled: " + payload, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread thread;
        synchronized (this) {
            thread = listener;
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
