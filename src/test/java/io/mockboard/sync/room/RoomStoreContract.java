package io.mockboard.sync.room;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.BoardId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RoomStore} must do. Subclasses provide a fresh store (the PostgreSQL one may share a
 * database: every test uses its own random board). Uses only the {@link RoomStore} interface.
 */
public abstract class RoomStoreContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2025-03-01T09:00:00.123456Z");

    protected RoomStore store;
    protected BoardId board;

    /** A store to test; called before each test. */
    protected abstract RoomStore newStore();

    @BeforeEach
    void setUpStore() {
        store = newStore();
        board = BoardId.random();
    }

    protected static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, SECONDS);
    }

    protected static Throwable failure(CompletionStage<?> stage) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> stage.toCompletableFuture().get(10, SECONDS));
        return e.getCause();
    }

    protected static ObjectNode element(String id, int version) {
        ObjectNode e = JSON.createObjectNode();
        e.put("id", id).put("type", "rectangle").put("x", 1.5).put("y", -2).put("width", 10).put("height", 20)
                .put("angle", 0).put("version", version).put("versionNonce", 12345).put("isDeleted", false)
                .put("index", "a0").put("text", "ü ✓ \"quoted\"");
        e.putArray("groupIds").add("g1");
        e.putObject("customData").putObject("nested").put("n", 1);
        e.putNull("link");
        return e;
    }

    protected static StoredOp op(long seq, String clientId, long clientSeq, ObjectNode... elements) {
        return new StoredOp(seq, "user-" + clientId, clientId, clientSeq, AT.plusSeconds(seq), List.of(elements));
    }

    @Test
    @DisplayName("[S3] loading an unknown board gives an empty board at seq 0")
    void unknownBoardIsEmpty() throws Exception {
        StoredBoard loaded = await(store.load(board));
        assertEquals(0, loaded.snapshotSeq());
        assertEquals(List.of(), loaded.snapshotElements());
        assertEquals(List.of(), loaded.opsAfterSnapshot());
        assertEquals(Map.of(), loaded.clientCursors());
    }

    @Test
    @DisplayName("[S2][S3] appended ops load back in seq order, with their fields and elements intact")
    void appendThenLoad() throws Exception {
        StoredOp first = op(1, "c1", 1, element("a", 1));
        StoredOp second = op(2, "c2", 1, element("b", 1), element("a", 2));
        StoredOp third = op(3, "c1", 2, element("a", 3));
        await(store.append(board, List.of(first, second)));
        await(store.append(board, List.of(third)));
        StoredBoard loaded = await(store.load(board));
        assertEquals(0, loaded.snapshotSeq());
        assertEquals(List.of(1L, 2L, 3L), loaded.opsAfterSnapshot().stream().map(StoredOp::seq).toList());
        StoredOp back = loaded.opsAfterSnapshot().get(1);
        assertEquals("user-c2", back.author());
        assertEquals("c2", back.clientId());
        assertEquals(1, back.clientSeq());
        assertEquals(AT.plusSeconds(2).truncatedTo(ChronoUnit.MICROS), back.at().truncatedTo(ChronoUnit.MICROS));
        assertEquals(List.of(element("b", 1), element("a", 2)), back.elements());
        assertEquals(3, loaded.head());
    }

    @Test
    @DisplayName("[S4] the highest clientSeq per client is stored with the ops")
    void cursors() throws Exception {
        await(store.append(board, List.of(op(1, "c1", 4, element("a", 1)), op(2, "c2", 1, element("b", 1)),
                op(3, "c1", 9, element("a", 2)))));
        assertEquals(Map.of("c1", 9L, "c2", 1L), await(store.load(board)).clientCursors());
    }

    @Test
    @DisplayName("[S4] a clientId belongs to the author of its first stored op, for good")
    void clientOwners() throws Exception {
        await(store.append(board, List.of(op(1, "c1", 1, element("a", 1)), op(2, "c2", 1, element("b", 1)))));
        await(store.append(board, List.of(op(3, "c1", 2, element("a", 2)))));
        assertEquals(Map.of("c1", "user-c1", "c2", "user-c2"), await(store.load(board)).clientOwners());
    }

    @Test
    @DisplayName("[S4] cursors are per board")
    void cursorsPerBoard() throws Exception {
        await(store.append(board, List.of(op(1, "c1", 4, element("a", 1)))));
        BoardId other = BoardId.random();
        await(store.append(other, List.of(op(1, "c1", 1, element("a", 1)))));
        assertEquals(Map.of("c1", 4L), await(store.load(board)).clientCursors());
        assertEquals(Map.of("c1", 1L), await(store.load(other)).clientCursors());
    }

    @Test
    @DisplayName("[S11] re-appending ops already stored (same seq, clientId, clientSeq) succeeds without duplicating")
    void idempotentAppend() throws Exception {
        List<StoredOp> batch = List.of(op(1, "c1", 1, element("a", 1)), op(2, "c1", 2, element("a", 2)));
        await(store.append(board, batch));
        await(store.append(board, batch));
        assertEquals(2, await(store.load(board)).opsAfterSnapshot().size());
    }

    @Test
    @DisplayName("[S11] a retried batch that was partly stored stores the rest")
    void partlyStoredBatch() throws Exception {
        await(store.append(board, List.of(op(1, "c1", 1, element("a", 1)))));
        await(store.append(board, List.of(op(1, "c1", 1, element("a", 1)), op(2, "c1", 2, element("a", 2)))));
        StoredBoard loaded = await(store.load(board));
        assertEquals(List.of(1L, 2L), loaded.opsAfterSnapshot().stream().map(StoredOp::seq).toList());
        assertEquals(Map.of("c1", 2L), loaded.clientCursors());
    }

    @Test
    @DisplayName("[S1] a seq taken by a different op is a conflict, and nothing of that batch is stored")
    void conflict() throws Exception {
        await(store.append(board, List.of(op(1, "c1", 1, element("a", 1)))));
        Throwable error = failure(store.append(board, List.of(op(1, "c2", 1, element("b", 1)), op(2, "c2", 2, element("b", 2)))));
        assertInstanceOf(StoreConflictException.class, error);
        StoredBoard loaded = await(store.load(board));
        assertEquals(1, loaded.opsAfterSnapshot().size());
        assertEquals("c1", loaded.opsAfterSnapshot().getFirst().clientId());
        assertEquals(Map.of("c1", 1L), loaded.clientCursors());
    }

    @Test
    @DisplayName("[S2] an append that would leave a seq gap is a conflict")
    void gapIsConflict() throws Exception {
        await(store.append(board, List.of(op(1, "c1", 1, element("a", 1)))));
        assertInstanceOf(StoreConflictException.class, failure(store.append(board, List.of(op(3, "c1", 2, element("a", 2))))));
        assertEquals(1, await(store.load(board)).head());
    }

    @Test
    @DisplayName("[S7] load returns the newest snapshot and only the ops after it")
    void snapshotThenOps() throws Exception {
        await(store.append(board, List.of(op(1, "c1", 1, element("a", 1)), op(2, "c1", 2, element("b", 1)))));
        await(store.saveSnapshot(board, 2, List.of(element("a", 1), element("b", 1))));
        await(store.append(board, List.of(op(3, "c2", 1, element("a", 2)))));
        StoredBoard loaded = await(store.load(board));
        assertEquals(2, loaded.snapshotSeq());
        assertEquals(List.of(element("a", 1), element("b", 1)), loaded.snapshotElements());
        assertEquals(List.of(3L), loaded.opsAfterSnapshot().stream().map(StoredOp::seq).toList());
        assertEquals(Map.of("c1", 2L, "c2", 1L), loaded.clientCursors());
        assertEquals(3, loaded.head());
    }

    @Test
    @DisplayName("[S7] a snapshot with no ops after it loads at its seq")
    void snapshotAtHead() throws Exception {
        await(store.append(board, List.of(op(1, "c1", 1, element("a", 1)))));
        await(store.saveSnapshot(board, 1, List.of(element("a", 1))));
        StoredBoard loaded = await(store.load(board));
        assertEquals(1, loaded.snapshotSeq());
        assertEquals(List.of(), loaded.opsAfterSnapshot());
        assertEquals(1, loaded.head());
    }

    @Test
    @DisplayName("[S7] an older snapshot does not replace a newer one")
    void olderSnapshotIgnored() throws Exception {
        await(store.append(board, List.of(op(1, "c1", 1, element("a", 1)), op(2, "c1", 2, element("a", 2)))));
        await(store.saveSnapshot(board, 2, List.of(element("a", 2))));
        await(store.saveSnapshot(board, 1, List.of(element("a", 1))));
        StoredBoard loaded = await(store.load(board));
        assertEquals(2, loaded.snapshotSeq());
        assertEquals(List.of(element("a", 2)), loaded.snapshotElements());
    }

    @Test
    @DisplayName("[S2] many appends keep every op once, in order")
    void manyAppends() throws Exception {
        List<StoredOp> all = new ArrayList<>();
        long seq = 0;
        for (int batch = 0; batch < 20; batch++) {
            List<StoredOp> ops = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                seq++;
                ops.add(op(seq, "c" + (seq % 3), seq, element("e" + (seq % 7), (int) seq)));
            }
            await(store.append(board, ops));
            all.addAll(ops);
        }
        StoredBoard loaded = await(store.load(board));
        assertEquals(all.stream().map(StoredOp::seq).toList(), loaded.opsAfterSnapshot().stream().map(StoredOp::seq).toList());
        assertTrue(loaded.opsAfterSnapshot().stream().allMatch(o -> o.elements().size() == 1));
    }
}
