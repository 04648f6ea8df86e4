package io.mockboard.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain JDBC for the stores that bypass Hibernate: one statement on its own connection, or a transaction that
 * commits what the work did and rolls back on any failure. The {@link SQLException} goes to the caller, which says
 * in its own words what could not be done.
 */
public final class Jdbc {
    private Jdbc() {}

    /** Work on a prepared statement. */
    @FunctionalInterface
    public interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    /** Work on a connection. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work on a connection of its own (auto-commit). */
    public static <T> T connection(DataSource dataSource, ConnectionWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        }
    }

    /** Prepares {@code sql} on this connection and runs the work on the statement. */
    public static <T> T prepared(Connection connection, String sql, StatementWork<T> work) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        }
    }

    /** Prepares {@code sql} on a connection of its own (auto-commit) and runs the work on it. */
    public static <T> T statement(DataSource dataSource, String sql, StatementWork<T> work) throws SQLException {
        return connection(dataSource, connection -> prepared(connection, sql, work));
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public static <T> T transaction(DataSource dataSource, ConnectionWork<T> work) throws SQLException {
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
        }
    }
}
