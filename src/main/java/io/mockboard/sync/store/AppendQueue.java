package io.mockboard.sync.store;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.room.StoreUnavailableException;
import io.mockboard.sync.room.StoredOp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Appends waiting for the store, handed out in groups: at most {@code maxWriters} writers run on the executor, and
 * each takes everything that waits (oldest first, at most {@link #MAX_GROUP_OPS} ops, at most one append per board)
 * and gives it to {@code commit} as one group. At low load every append is a group of its own; under load, appends
 * that arrive while a group commits form the next one. Under concurrent load (the last group held more than one
 * append) a writer lingers up to {@code linger} before taking a group, so that more appends share its
 * transaction: PostgreSQL's cost is mostly per transaction, and a few hundred microseconds of waiting buy
 * groups twice as large (docs/benchmarks.md). A lone writer never lingers.
 */
final class AppendQueue {
    /** A group holds at most this many ops (a room sends at most its batch limit at a time). */
    static final int MAX_GROUP_OPS = 2000;

    /** One board's batch and the future its room waits on; {@code commit} completes it. */
    record Pending(BoardId board, List<StoredOp> ops, CompletableFuture<Void> done) {
    }

    private final Executor executor;
    private final int maxWriters;
    private final long lingerNanos;
    private final LongConsumer pause;
    private int lastGroupSize;
    private final Consumer<List<Pending>> commit;
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger writers = new AtomicInteger();

    AppendQueue(Executor executor, int maxWriters, Consumer<List<Pending>> commit) {
        this(executor, maxWriters, Duration.ZERO, commit);
    }

    AppendQueue(Executor executor, int maxWriters, Duration linger, Consumer<List<Pending>> commit) {
        this(executor, maxWriters, linger, LockSupport::parkNanos, commit);
    }

    /** @param pause waits the given nanoseconds (tests pass one that lets appends arrive instead) */
    AppendQueue(Executor executor, int maxWriters, Duration linger, LongConsumer pause, Consumer<List<Pending>> commit) {
        if (maxWriters < 1) {
            throw new IllegalArgumentException("maxWriters must be >= 1");
        }
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative");
        }
        this.executor = executor;
        this.maxWriters = maxWriters;
        this.lingerNanos = linger.toNanos();
        this.pause = pause;
        this.commit = commit;
    }

    CompletableFuture<Void> add(BoardId board, List<StoredOp> ops) {
        Pending pending = new Pending(board, List.copyOf(ops), new CompletableFuture<>());
        waiting.add(pending);
        startWriter();
        return pending.done();
    }

    /** Starts a writer unless {@code maxWriters} already run (a running writer takes what waits after its group). */
    private void startWriter() {
        while (!waiting.isEmpty()) {
            int running = writers.get();
            if (running >= maxWriters) {
                return;
            }
            if (writers.compareAndSet(running, running + 1)) {
                try {
                    executor.execute(this::write);
                } catch (RejectedExecutionException e) {
                    writers.decrementAndGet();
                    failWaiting(new StoreUnavailableException("the store is shutting down", e));
                }
                return;
            }
        }
    }

    private void write() {
        try {
            while (!waiting.isEmpty()) {
                if (lingerNanos > 0 && lastGroupSize > 1) {
                    pause.accept(lingerNanos); // others are writing too: let their appends join this group
                }
                List<Pending> group = takeGroup();
                if (group.isEmpty()) {
                    break;
                }
                lastGroupSize = group.size();
                commit.accept(group);
            }
        } finally {
            writers.decrementAndGet();
            startWriter(); // an append may have arrived after the last take and before the decrement
        }
    }

    private synchronized List<Pending> takeGroup() {
        List<Pending> group = new ArrayList<>();
        Set<BoardId> boards = new HashSet<>();
        int size = 0;
        for (Pending next = waiting.peek(); next != null; next = waiting.peek()) {
            if (!group.isEmpty() && (size + next.ops().size() > MAX_GROUP_OPS || boards.contains(next.board()))) {
                break;
            }
            waiting.poll();
            group.add(next);
            boards.add(next.board());
            size += next.ops().size();
        }
        return group;
    }

    private void failWaiting(RuntimeException error) {
        for (Pending pending = waiting.poll(); pending != null; pending = waiting.poll()) {
            pending.done().completeExceptionally(error);
        }
    }
}
