package io.mockboard.sync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.BoardLog;
import io.mockboard.sync.protocol.ElementList;
import io.mockboard.sync.room.StoredOp;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The op log's change of column type (V20, jsonb to json) on a database that already holds boards: migrated in a
 * schema of its own from V19 with data in it, then read and written by the code of today.
 */
@QuarkusTest
class OpLogMigrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    private final String schema = "oplog_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Test
    @DisplayName("boards stored before the op log became json read back the same afterwards, and take new ops")
    void opsAndSnapshotsStoredAsJsonbReadBackAfterTheMigration() throws Exception {
        migrate("19");
        BoardId board = BoardId.random();
        String first = "[{\"id\":\"box\",\"type\":\"rectangle\",\"x\":1.5,\"version\":1,\"label\":\"Feature store — ü\"}]";
        String second = "[{\"id\":\"box\",\"type\":\"rectangle\",\"x\":20,\"version\":2,\"groupIds\":[],\"boundElements\":null}]";
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("insert into board (id, title, created_by) values ('" + board + "', 'Feed ranking', 'alice')");
            s.execute("insert into board_op (board_id, seq, author, client_id, client_seq, at, elements) values"
                    + " ('" + board + "', 1, 'alice', 'tab-a', 1, '2026-11-30T10:00:00Z', '" + first + "'::jsonb),"
                    + " ('" + board + "', 2, 'alice', 'tab-a', 2, '2026-11-30T10:00:05Z', '" + second + "'::jsonb)");
            s.execute("insert into board_snapshot (board_id, seq, elements) values ('" + board + "', 1, '" + first + "'::jsonb)");
            s.execute("insert into client_cursor (board_id, client_id, last_client_seq, user_id) values ('" + board + "', 'tab-a', 2, 'alice')");
            c.commit();
        }

        migrate(null);

        try (Connection c = connection()) {
            List<StoredOp> ops = OpLogSql.ops(c, board, 0, Long.MAX_VALUE, 100);
            assertThat(ops).extracting(StoredOp::seq).containsExactly(1L, 2L);
            assertThat(tree(ops.get(0).elementsJson())).isEqualTo(tree(first));
            assertThat(tree(ops.get(1).elementsJson())).isEqualTo(tree(second));
            assertThat(ops.get(1).at()).isEqualTo(Instant.parse("2026-11-30T10:00:05Z"));
            BoardLog.Snapshot snapshot = OpLogSql.snapshotAtOrBefore(c, board, 5).orElseThrow();
            assertThat(snapshot.seq()).isEqualTo(1);
            assertThat(tree(snapshot.elements().json())).isEqualTo(tree(first));

            String third = "[{\"id\":\"arrow\",\"type\":\"arrow\",\"x\":3,\"version\":1}]";
            StoredOp next = new StoredOp(3, "alice", "tab-a", 3, Instant.parse("2026-12-01T09:00:00.123456Z"), ElementList.ofJson(third));
            assertThat(OpLogSql.insertOps(c, List.of(new OpLogSql.BoardOps(board, List.of(next))))).isEmpty();
            StoredOp stored = OpLogSql.ops(c, board, 2, Long.MAX_VALUE, 100).getFirst();
            assertThat(stored.elementsJson()).isEqualTo(third);
            assertThat(stored.at()).isEqualTo(next.at());
            try (Statement s = c.createStatement();
                    ResultSet row = s.executeQuery("select last_client_seq, pg_typeof(elements)::text from client_cursor, board_op"
                            + " where client_cursor.board_id = '" + board + "' and board_op.board_id = '" + board + "' and seq = 3")) {
                row.next();
                assertThat(row.getLong(1)).isEqualTo(3);
                assertThat(row.getString(2)).isEqualTo("json");
            }
            c.rollback();
        }
    }

    private void migrate(String target) {
        var config = Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration");
        if (target != null) {
            config.target(MigrationVersion.fromVersion(target));
        }
        config.load().migrate();
    }

    private Connection connection() throws Exception {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set local search_path to " + schema); // for this transaction only: the pool's connection stays as it was
        }
        return c;
    }

    private static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }
}
