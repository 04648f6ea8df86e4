package io.mockboard.sync.room;

import static io.mockboard.sync.room.TestElements.rect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.ElementList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pipeline alone over the in-memory store: group commit, one append at a time, retries, conflicts. */
class CommitPipelineTest {

    final MutableClock clock = new MutableClock();
    final ManualExecutor serial = new ManualExecutor();
    final InMemoryRoomStore store = new InMemoryRoomStore();
    final BoardId board = BoardId.random();
    final List<CommitPipeline.Result> results = new ArrayList<>();
    long head;
    CommitPipeline pipeline;

    @BeforeEach
    void setUp() {
        RoomConfig config = new RoomConfig(1_000, Duration.ofSeconds(60), 1_000, 2, 100, Duration.ofSeconds(1));
        pipeline = new CommitPipeline(board, store, clock, config, serial, () -> head, result -> {
            results.add(result);
            if (result instanceof CommitPipeline.Stored stored) {
                head = stored.batch().getLast().seq(); // what the room's board does
            }
        });
        pipeline.open();
        store.setManual(true);
    }

    static ClientLedger.Accept accepted(String clientId, long clientSeq) {
        return new ClientLedger.Accept(clientId, clientSeq, "u-" + clientId, ElementList.of(List.of(rect(clientId + clientSeq, 1, 1))), System.nanoTime());
    }

    List<Long> seqs(List<StoredOp> batch) {
        return batch.stream().map(StoredOp::seq).toList();
    }

    @Test
    @DisplayName("[S2][S3] pushes queued together form one batch after the tasks already queued, with the seqs after the head")
    void groupCommit() {
        pipeline.enqueue(accepted("a", 1));
        pipeline.enqueue(accepted("b", 1));
        assertEquals(1, serial.size(), "one flush for both");
        assertEquals(2, pipeline.pending());
        serial.runAll();
        List<StoredOp> batch = assertInstanceOf(CommitPipeline.InFlight.class, pipeline.state()).batch();
        assertEquals(List.of(1L, 2L), seqs(batch));
        assertEquals(List.of("a", "b"), batch.stream().map(StoredOp::clientId).toList());
        assertEquals(clock.instant(), batch.getFirst().at());
        assertTrue(results.isEmpty(), "[S3] nothing is stored yet");

        store.completeAll();
        serial.runAll();
        assertSame(batch, assertInstanceOf(CommitPipeline.Stored.class, results.getFirst()).batch());
        assertInstanceOf(CommitPipeline.Idle.class, pipeline.state());
        assertEquals(0, pipeline.pending());
        assertEquals(2, store.head(board));
    }

    @Test
    @DisplayName("[S3] one append is in flight at a time, and a batch holds at most maxBatchOps")
    void oneAtATime() {
        for (int i = 1; i <= 5; i++) {
            pipeline.enqueue(accepted("a", i));
        }
        serial.runAll();
        assertEquals(1, store.parked().size());
        assertEquals(5, pipeline.pending());
        pipeline.flush(); // nothing: one is in flight
        assertEquals(1, store.parked().size());
        List<List<Long>> batches = new ArrayList<>();
        while (!store.parked().isEmpty()) {
            store.parked().getFirst().complete();
            serial.runAll();
            batches.add(seqs(((CommitPipeline.Stored) results.getLast()).batch()));
            pipeline.flush(); // the room flushes after applying a stored batch
        }
        assertEquals(List.of(List.of(1L, 2L), List.of(3L, 4L), List.of(5L)), batches, "each batch follows the head");
    }

    @Test
    @DisplayName("[S11] a failed append is held, counts as pending, and the same batch is re-sent once its retry is due")
    void failedIsRetried() {
        pipeline.enqueue(accepted("a", 1));
        pipeline.enqueue(accepted("b", 4));
        serial.runAll();
        List<StoredOp> batch = ((CommitPipeline.InFlight) pipeline.state()).batch();
        store.parked().getFirst().fail();
        serial.runAll();
        CommitPipeline.Held held = assertInstanceOf(CommitPipeline.Held.class, results.getFirst());
        assertEquals(Map.of("a", 1L, "b", 4L), held.firstPerClient());
        CommitPipeline.Failed failed = assertInstanceOf(CommitPipeline.Failed.class, pipeline.state());
        assertEquals(clock.instant().plus(Duration.ofSeconds(1)), failed.retryAt());
        assertEquals(2, pipeline.pending());

        pipeline.enqueue(accepted("a", 2));
        serial.runAll();
        assertTrue(store.parked().isEmpty(), "nothing new starts while a batch waits for its retry");
        pipeline.retryIfDue(clock.instant().plusMillis(999));
        assertTrue(store.parked().isEmpty());
        clock.advance(Duration.ofSeconds(1));
        pipeline.retryIfDue(clock.instant());
        assertSame(batch, ((CommitPipeline.InFlight) pipeline.state()).batch(), "the same batch, the same seqs");
        store.completeAll();
        serial.runAll();
        assertSame(batch, ((CommitPipeline.Stored) results.getLast()).batch());
        assertEquals(1, pipeline.pending(), "the push queued meanwhile waits for the room's flush");
    }

    @Test
    @DisplayName("[S11] a conflict hands back the batch and the queue (now empty), each sender named by its lowest clientSeq")
    void conflict() {
        pipeline.enqueue(accepted("a", 3));
        serial.runAll();
        pipeline.enqueue(accepted("a", 4));
        pipeline.enqueue(accepted("b", 2));
        serial.runAll();
        store.setManual(false);
        store.append(board, List.of(new StoredOp(1, "u-zed", "zed", 1, clock.instant(), List.of(rect("z", 1, 1)))));
        store.parked().getFirst().complete();
        serial.runAll();
        CommitPipeline.Conflicted conflict = assertInstanceOf(CommitPipeline.Conflicted.class, results.getFirst());
        assertEquals(List.of(1L), seqs(conflict.batch()));
        assertEquals(2, conflict.queued().size());
        assertEquals(Map.of("a", 3L, "b", 2L), conflict.firstPerClient());
        assertInstanceOf(StoreConflictException.class, conflict.cause());
        assertEquals(0, pipeline.pending());
    }

    @Test
    @DisplayName("[S1] a closed pipeline drops its queue, ignores a late completion and starts nothing")
    void closed() {
        pipeline.enqueue(accepted("a", 1));
        serial.runAll();
        pipeline.enqueue(accepted("a", 2));
        pipeline.close();
        store.completeAll();
        serial.runAll();
        assertTrue(results.isEmpty());
        assertEquals(0, pipeline.pending());
        pipeline.enqueue(accepted("a", 3));
        serial.runAll();
        assertTrue(store.parked().isEmpty());
    }

    @Test
    @DisplayName("[S1] nothing is appended before the board is loaded (the pipeline is opened)")
    void notBeforeOpen() {
        CommitPipeline closed = new CommitPipeline(board, store, clock,
                new RoomConfig(1_000, Duration.ofSeconds(60), 1_000, 2, 100, Duration.ofSeconds(1)), serial, () -> 0, results::add);
        closed.enqueue(accepted("a", 1));
        serial.runAll();
        assertTrue(store.parked().isEmpty());
        closed.open();
        closed.flush();
        assertEquals(1, store.parked().size());
    }
}
