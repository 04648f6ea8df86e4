package io.mockboard.sync.room;

import io.mockboard.sync.BoardId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Group commit ([S3]) that never loses what it accepted ([S11]). Accepted pushes queue; a flush runs after the
 * tasks already queued on the room's executor, so pushes arriving together share a batch of at most
 * {@code maxBatchOps}, which gets the board's next seqs ([S2]). One append is in flight at a time. A failed
 * append keeps its batch ({@link Failed}) and re-sends the same batch once its retry is due (appends are
 * idempotent); a conflict hands back the batch and the queue. Each outcome goes to the room as a
 * {@link Result}. Confined to the room's executor; flushes only while {@linkplain #open() open}.
 */
final class CommitPipeline {

    /** The append slot: nothing in flight, one batch in flight, or one batch waiting for its retry. */
    sealed interface State permits Idle, InFlight, Failed {
    }

    record Idle() implements State {
    }

    record InFlight(List<StoredOp> batch) implements State {
    }

    record Failed(List<StoredOp> batch, Instant retryAt) implements State {
    }

    /** How an append ended. */
    sealed interface Result permits Stored, Held, Conflicted {
    }

    /**
     * Durable: apply, acknowledge and broadcast it, in seq order. {@code admittedNanos[i]}: when the push of
     * {@code batch[i]} was accepted ({@link System#nanoTime()}), for the ack latency.
     */
    record Stored(List<StoredOp> batch, long[] admittedNanos) implements Result {
    }

    /** Not stored (store unavailable or unknown failure): kept, retried at {@code retryAt}, never acknowledged. */
    record Held(List<StoredOp> batch, Instant retryAt, Throwable cause) implements Result {
        /** The lowest clientSeq of each sender in the batch: what its notice names. */
        Map<String, Long> firstPerClient() {
            return lowestClientSeqs(batch, List.of());
        }
    }

    /** Someone else wrote the log: the batch and the queue (now emptied) are refused. */
    record Conflicted(List<StoredOp> batch, List<ClientLedger.Accept> queued, Throwable cause) implements Result {
        /** The lowest clientSeq of each sender in the batch or the queue: what its refusal names. */
        Map<String, Long> firstPerClient() {
            return lowestClientSeqs(batch, queued);
        }
    }

    private static final State IDLE = new Idle();

    private final BoardId board;
    private final RoomStore store;
    private final Clock clock;
    private final int maxBatchOps;
    private final Duration retryBackoff;
    private final Executor serial;
    private final LongSupplier head;
    private final Consumer<Result> results;
    private final ArrayDeque<ClientLedger.Accept> queue = new ArrayDeque<>();
    private State state = IDLE;
    /** When each op of the batch in flight (or failed) was accepted. */
    private long[] admitted = new long[0];
    private boolean open;
    private boolean flushScheduled;

    /**
     * @param serial  the room's executor: flushes and completions run on it
     * @param head    the committed head: a batch's seqs follow it
     * @param results gets every append's outcome, on {@code serial}
     */
    CommitPipeline(BoardId board, RoomStore store, Clock clock, RoomConfig config, Executor serial, LongSupplier head,
            Consumer<Result> results) {
        this.board = board;
        this.store = store;
        this.clock = clock;
        this.maxBatchOps = config.maxBatchOps();
        this.retryBackoff = config.retryBackoff();
        this.serial = serial;
        this.head = head;
        this.results = results;
    }

    /** Appends may start (the board is loaded). */
    void open() {
        open = true;
    }

    /** No more appends; the queue is dropped and a late completion is ignored (the room is retired). */
    void close() {
        open = false;
        queue.clear();
        state = IDLE;
    }

    /** Queues an accepted push; the flush follows the tasks already queued on the executor. */
    void enqueue(ClientLedger.Accept accepted) {
        queue.add(accepted);
        if (!flushScheduled) {
            flushScheduled = true; // pushes already queued on the executor join this batch
            serial.execute(this::flush);
        }
    }

    /** Starts the next batch when nothing is in flight or failed. */
    void flush() {
        flushScheduled = false;
        if (!open || !(state instanceof Idle) || queue.isEmpty()) {
            return;
        }
        int size = Math.min(queue.size(), maxBatchOps);
        Instant at = clock.instant();
        List<StoredOp> batch = new ArrayList<>(size);
        admitted = new long[size];
        long seq = head.getAsLong();
        for (int i = 0; i < size; i++) {
            ClientLedger.Accept accepted = queue.poll();
            admitted[i] = accepted.admittedNanos();
            batch.add(new StoredOp(++seq, accepted.author(), accepted.clientId(), accepted.clientSeq(), at,
                    accepted.elements()));
        }
        append(List.copyOf(batch));
    }

    /** Re-sends a failed batch once its retry is due. */
    void retryIfDue(Instant now) {
        if (state instanceof Failed failed && !now.isBefore(failed.retryAt())) {
            append(failed.batch());
        }
    }

    /** Accepted pushes not stored yet: queued, in flight or failed. */
    int pending() {
        return queue.size() + switch (state) {
            case Idle idle -> 0;
            case InFlight inFlight -> inFlight.batch().size();
            case Failed failed -> failed.batch().size();
        };
    }

    /** The append slot now (tests observe it). */
    State state() {
        return state;
    }

    private void append(List<StoredOp> batch) {
        state = new InFlight(batch);
        Stages.call(() -> store.append(board, batch))
                .whenComplete((ignored, error) -> serial.execute(() -> appended(batch, error)));
    }

    private void appended(List<StoredOp> batch, Throwable error) {
        if (!open || !(state instanceof InFlight inFlight) || inFlight.batch() != batch) {
            return; // closed meanwhile
        }
        state = IDLE;
        if (error == null) {
            results.accept(new Stored(batch, admitted));
            return;
        }
        Throwable cause = Stages.unwrap(error);
        if (cause instanceof StoreConflictException) {
            List<ClientLedger.Accept> queued = List.copyOf(queue);
            queue.clear();
            results.accept(new Conflicted(batch, queued, cause));
            return;
        }
        Failed failed = new Failed(batch, clock.instant().plus(retryBackoff));
        state = failed;
        results.accept(new Held(batch, failed.retryAt(), cause));
    }

    private static Map<String, Long> lowestClientSeqs(List<StoredOp> ops, List<ClientLedger.Accept> queued) {
        Map<String, Long> lowest = new LinkedHashMap<>();
        for (StoredOp op : ops) {
            lowest.merge(op.clientId(), op.clientSeq(), Math::min);
        }
        for (ClientLedger.Accept accepted : queued) {
            lowest.merge(accepted.clientId(), accepted.clientSeq(), Math::min);
        }
        return lowest;
    }

    @Override
    public String toString() {
        String slot = switch (state) {
            case Idle idle -> "idle";
            case InFlight inFlight -> "inFlight=" + inFlight.batch().size();
            case Failed failed -> "failed=" + failed.batch().size() + " until " + failed.retryAt();
        };
        return "CommitPipeline[queue=" + queue.size() + " " + slot + (open ? "" : " closed") + "]";
    }
}
