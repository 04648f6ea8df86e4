package io.mockboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** An unreachable database answers 503 (retry shortly), not an unexpected 500. */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainMeanTheDatabaseIsUnavailable() {
        PSQLException refused = new PSQLException("Connection to 127.0.0.1:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        assertThat(ProblemMapper.databaseUnavailable(new IllegalStateException("wrapped", refused))).isTrue();
        assertThat(ProblemMapper.databaseUnavailable(new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("pool timeout")))).isTrue();
    }

    @Test
    void otherFailuresAreUnexpected() {
        assertThat(ProblemMapper.databaseUnavailable(new IllegalStateException("a bug"))).isFalse();
        assertThat(ProblemMapper.databaseUnavailable(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
