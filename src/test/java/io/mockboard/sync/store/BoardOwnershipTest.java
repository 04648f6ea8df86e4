package io.mockboard.sync.store;

import static org.assertj.core.api.Assertions.assertThat;
import org.awaitility.Awaitility;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.core.Jdbc;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.owner.NodeIdentity;
import io.mockboard.sync.room.BoardMovedException;
import io.mockboard.sync.room.StoredBoard;
import io.mockboard.sync.room.StoredOp;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Board ownership against PostgreSQL: two nodes (two stores with their own identity and lease on one database)
 * racing for boards, a former owner's append fenced by the epoch, and a takeover during an append.
 */
@QuarkusTest
class BoardOwnershipTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final ExecutorService racers = Executors.newFixedThreadPool(40);
    private NodeIdentity a;
    private NodeIdentity b;
    private PostgresRoomStore storeA;
    private PostgresRoomStore storeB;
    private PostgresNodeRegistry nodeA;
    private PostgresNodeRegistry nodeB;

    @BeforeEach
    void twoNodes() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        a = NodeIdentity.start("test-a-" + run, "http://127.0.0.1:1");
        b = NodeIdentity.start("test-b-" + run, "http://127.0.0.1:2");
        nodeA = new PostgresNodeRegistry(dataSource, a, LEASE);
        nodeB = new PostgresNodeRegistry(dataSource, b, LEASE);
        nodeA.register();
        nodeB.register();
        storeA = new PostgresRoomStore(dataSource, threads, 1, Duration.ZERO, a);
        storeB = new PostgresRoomStore(dataSource, threads, 1, Duration.ZERO, b);
    }

    @AfterEach
    void stop() throws Exception {
        nodeA.release();
        nodeB.release();
        threads.shutdownNow();
        racers.shutdownNow();
    }

    @Test
    @DisplayName("[N4] two nodes racing to open the same boards: each board gets exactly one owner")
    void twoNodesRacingGiveEachBoardOneOwner() throws Exception {
        List<BoardId> boards = new ArrayList<>();
        List<CompletableFuture<Boolean>> byA = new ArrayList<>();
        List<CompletableFuture<Boolean>> byB = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 20; i++) {
            BoardId board = BoardId.random();
            boards.add(board);
            byA.add(opened(storeA, board, start));
            byB.add(opened(storeB, board, start));
        }
        start.countDown();
        for (int i = 0; i < boards.size(); i++) {
            boolean openedByA = byA.get(i).get(10, TimeUnit.SECONDS);
            boolean openedByB = byB.get(i).get(10, TimeUnit.SECONDS);
            assertThat(openedByA ^ openedByB).as("board %d opened by exactly one node", i).isTrue();
            assertThat(owner(boards.get(i))).isEqualTo(openedByA ? a.nodeId() : b.nodeId());
        }
    }

    private CompletableFuture<Boolean> opened(PostgresRoomStore store, BoardId board, CountDownLatch start) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
                store.load(board).toCompletableFuture().get(10, TimeUnit.SECONDS);
                return true;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(BoardMovedException.class);
                return false;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, racers);
    }

    @Test
    @DisplayName("[N4] after a takeover, the former owner's append is refused whole and the log stays gapless")
    void aStaleEpochsAppendIsRefused() throws Exception {
        BoardId board = BoardId.random();
        done(storeA.load(board));
        done(storeA.append(board, List.of(op(1, "alice", 1))));
        expireLease(a); // node A pauses past its lease

        StoredBoard takenOver = done(storeB.load(board));
        assertThat(takenOver.opsAfterSnapshot()).extracting(StoredOp::clientId).containsExactly("alice");
        Throwable refused = failure(storeA.append(board, List.of(op(2, "alice", 2), op(3, "alice", 3))));
        assertThat(refused).isInstanceOf(BoardMovedException.class);
        done(storeB.append(board, List.of(op(2, "bob", 1))));

        StoredBoard log = done(storeB.load(board));
        assertThat(log.opsAfterSnapshot()).extracting(StoredOp::seq).containsExactly(1L, 2L);
        assertThat(log.opsAfterSnapshot()).extracting(StoredOp::clientId).containsExactly("alice", "bob");
        assertThat(log.clientCursors()).isEqualTo(Map.of("alice", 1L, "bob", 1L));
        assertThat(nodeA.renew()).doesNotContain(board);
        assertThat(nodeB.renew()).contains(board);
    }

    @Test
    @DisplayName("[N4] every op names its owner's epoch, each owner's turn begins at the head it took, and no board had two writers")
    void everyOpIsAppendedInItsOwnersTurn() throws Exception {
        BoardId board = BoardId.random();
        done(storeA.load(board));
        done(storeA.append(board, List.of(op(1, "alice", 1), op(2, "alice", 2))));
        expireLease(a);
        done(storeB.load(board));
        done(storeB.append(board, List.of(op(3, "bob", 1))));
        assertThat(failure(storeA.append(board, List.of(op(4, "alice", 3))))).isInstanceOf(BoardMovedException.class);

        long first = epochOf(board) - 1;
        assertThat(rows("select seq, epoch from board_op where board_id = ? order by seq", board))
                .containsExactly(List.of(1L, first), List.of(2L, first), List.of(3L, first + 1));
        assertThat(rows("select epoch, head_seq from board_owner_log where board_id = ? order by epoch", board))
                .containsExactly(List.of(first, 0L), List.of(first + 1, 2L));
        assertThat(twoWriters(board)).isEmpty();

        // what the check finds when a former owner did write after the takeover
        Jdbc.statement(dataSource, "update board_op set epoch = ? where board_id = ? and seq = 3", s -> {
            s.setLong(1, first);
            s.setObject(2, board.value());
            return s.executeUpdate();
        });
        assertThat(twoWriters(board)).containsExactly(3L);
    }

    @Test
    @DisplayName("[N4] a live owner's board is refused to another node, and names the owner")
    void aLiveOwnersBoardIsRefused() throws Exception {
        BoardId board = BoardId.random();
        done(storeA.load(board));
        Throwable refused = failure(storeB.load(board));
        assertThat(refused).isInstanceOf(BoardMovedException.class);
        assertThat(((BoardMovedException) refused).ownerNode()).isEqualTo(a.nodeId());
        assertThat(failure(storeB.append(board, List.of(op(1, "bob", 1))))).isInstanceOf(BoardMovedException.class);
        assertThat(done(storeA.load(board)).head()).isZero();
    }

    @Test
    @DisplayName("[N4] a takeover during an append waits for it, and the new owner reads what it stored")
    void aTakeoverDuringAnAppendWaitsForIt() throws Exception {
        BoardId board = BoardId.random();
        done(storeA.load(board));
        long epoch = epochOf(board);
        try (Connection appending = dataSource.getConnection()) {
            appending.setAutoCommit(false);
            // node A's group commit, stopped between its fence and its commit
            OpLogSql.Inserted inserted = OpLogSql.insertOwnedOps(appending,
                    List.of(new OpLogSql.BoardOps(board, List.of(op(1, "alice", 1)))), new OpLogSql.Fence(Map.of(board, epoch), a));
            assertThat(inserted.owned()).containsExactly(board.value());
            expireLease(a);

            CompletionStage<StoredBoard> takeover = storeB.load(board);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waitsForALock(board));
            assertThat(takeover.toCompletableFuture()).isNotDone();
            appending.commit();

            StoredBoard loaded = done(takeover);
            assertThat(loaded.opsAfterSnapshot()).extracting(StoredOp::clientId).containsExactly("alice");
        }
        assertThat(failure(storeA.append(board, List.of(op(2, "alice", 2))))).isInstanceOf(BoardMovedException.class);
        assertThat(owner(board)).isEqualTo(b.nodeId());
    }

    @Test
    @DisplayName("[N3] [N1] a restarted node takes its boards back at once; released boards are free for any node")
    void restartsAndReleasesFreeBoardsAtOnce() throws Exception {
        BoardId board = BoardId.random();
        done(storeA.load(board));
        NodeIdentity restartedA = NodeIdentity.start(a.nodeId(), a.address());
        PostgresNodeRegistry restartedNode = new PostgresNodeRegistry(dataSource, restartedA, LEASE);
        restartedNode.register();
        PostgresRoomStore restarted = new PostgresRoomStore(dataSource, threads, 1, Duration.ZERO, restartedA);
        long before = epochOf(board);
        done(restarted.load(board));
        assertThat(epochOf(board)).isEqualTo(before + 1);
        assertThat(failure(storeA.append(board, List.of(op(1, "alice", 1))))).isInstanceOf(BoardMovedException.class);

        restartedNode.release();
        done(storeB.load(board));
        assertThat(owner(board)).isEqualTo(b.nodeId());
        assertThat(epochOf(board)).isEqualTo(before + 2);
    }

    private boolean waitsForALock(BoardId board) throws Exception {
        return Jdbc.statement(dataSource, """
                select count(*) from pg_stat_activity
                where wait_event_type = 'Lock' and query like '%board_owner%for update%'""", s -> {
            try (var row = s.executeQuery()) {
                row.next();
                return row.getInt(1) > 0;
            }
        });
    }

    /** The seqs of the board's ops that the shipped check (deploy/sql/two-writers.sql) finds outside their owner's turn. */
    private List<Long> twoWriters(BoardId board) throws Exception {
        String check = Files.readString(Path.of("deploy/sql/two-writers.sql"));
        return Jdbc.statement(dataSource, check, s -> {
            List<Long> seqs = new ArrayList<>();
            try (var row = s.executeQuery()) {
                while (row.next()) {
                    if (row.getObject(1, UUID.class).equals(board.value())) {
                        seqs.add(row.getLong(2));
                    }
                }
            }
            return seqs;
        });
    }

    /** The rows of a query about one board, each as a list of its (bigint) columns. */
    private List<List<Long>> rows(String sql, BoardId board) throws Exception {
        return Jdbc.statement(dataSource, sql, s -> {
            s.setObject(1, board.value());
            List<List<Long>> rows = new ArrayList<>();
            try (var row = s.executeQuery()) {
                while (row.next()) {
                    rows.add(List.of(row.getLong(1), row.getLong(2)));
                }
            }
            return rows;
        });
    }

    private void expireLease(NodeIdentity node) throws Exception {
        Jdbc.statement(dataSource, "update sync_node set lease_until = now() - interval '1 second' where node_id = ?", s -> {
            s.setString(1, node.nodeId());
            return s.executeUpdate();
        });
    }

    private String owner(BoardId board) throws Exception {
        return Jdbc.statement(dataSource, "select node_id from board_owner where board_id = ?", s -> {
            s.setObject(1, board.value());
            try (var row = s.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        });
    }

    private long epochOf(BoardId board) throws Exception {
        return Jdbc.statement(dataSource, "select epoch from board_owner where board_id = ?", s -> {
            s.setObject(1, board.value());
            try (var row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private static <T> T done(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletionStage<?> stage) {
        return assertThrows(ExecutionException.class, () -> stage.toCompletableFuture().get(10, TimeUnit.SECONDS)).getCause();
    }

    private static StoredOp op(long seq, String clientId, long clientSeq) {
        ObjectNode element = JSON.createObjectNode().put("id", clientId + "-" + clientSeq).put("type", "rectangle").put("version", 1);
        return new StoredOp(seq, "user-" + clientId, clientId, clientSeq, Instant.parse("2026-12-04T10:00:00Z").plusSeconds(seq),
                List.of(element));
    }
}
