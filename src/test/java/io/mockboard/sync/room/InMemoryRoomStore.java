package io.mockboard.sync.room;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.BoardId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A {@link RoomStore} in memory, for tests. Stored elements are deep
 * copies, so nothing outside can change the log. By default every call completes at once; tests can inject
 * failures ({@link #failNextAppends}, {@link #failNextAppendsAfterCommit}, {@link #failNextLoads},
 * {@link #failNextSnapshots}) or switch to {@linkplain #setManual manual mode}, where every call waits as a
 * {@link PendingCall} until the test completes or fails it (its effect happens at completion). Thread-safe;
 * futures are completed outside the lock.
 */
public final class InMemoryRoomStore implements RoomStore {

    /** The kinds of store call. */
    public enum Kind { LOAD, APPEND, SNAPSHOT }

    /** One snapshot as stored. */
    public record Snapshot(long seq, List<ObjectNode> elements) {
    }

    private static final class BoardData {
        final List<StoredOp> ops = new ArrayList<>();
        final Map<String, Long> cursors = new LinkedHashMap<>();
        final Map<String, String> owners = new LinkedHashMap<>();
        Snapshot snapshot = new Snapshot(0, List.of());
        final List<Snapshot> snapshots = new ArrayList<>();
        int loads;
    }

    /** A call parked in manual mode. Complete it exactly once. */
    public final class PendingCall {
        private final Kind kind;
        private final BoardId board;
        private final Supplier<Object> effect;
        private final CompletableFuture<Object> future = new CompletableFuture<>();

        private PendingCall(Kind kind, BoardId board, Supplier<Object> effect) {
            this.kind = kind;
            this.board = board;
            this.effect = effect;
        }

        public Kind kind() {
            return kind;
        }

        public BoardId board() {
            return board;
        }

        /** Performs the call now (the write happens, or the read sees the store as it is now). */
        public void complete() {
            take();
            Object result;
            try {
                synchronized (InMemoryRoomStore.this) {
                    result = effect.get();
                }
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
                return;
            }
            future.complete(result);
        }

        /** Fails the call with {@link StoreUnavailableException}; nothing is written. */
        public void fail() {
            take();
            future.completeExceptionally(new StoreUnavailableException("injected failure"));
        }

        /** Fails the call with the given error; nothing is written. */
        public void failWith(RuntimeException error) {
            take();
            future.completeExceptionally(error);
        }

        /** Performs the call but reports {@link StoreUnavailableException} (an ambiguous commit). */
        public void commitThenFail() {
            take();
            try {
                synchronized (InMemoryRoomStore.this) {
                    effect.get();
                }
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
                return;
            }
            future.completeExceptionally(new StoreUnavailableException("injected failure after commit"));
        }

        private void take() {
            synchronized (InMemoryRoomStore.this) {
                if (!parked.remove(this)) {
                    throw new IllegalStateException("already completed: " + this);
                }
            }
        }

        @Override
        public String toString() {
            return kind + " " + board;
        }
    }

    private final Map<BoardId, BoardData> boards = new HashMap<>();
    private final List<PendingCall> parked = new ArrayList<>();
    private boolean manual;
    private int failAppends;
    private int failAppendsAfterCommit;
    private int failLoads;
    private int failSnapshots;
    private int appendCalls;

    // ---------------------------------------------------------------- RoomStore

    @Override
    public CompletionStage<StoredBoard> load(BoardId board) {
        synchronized (this) {
            data(board).loads++;
            if (failLoads > 0) {
                failLoads--;
                return CompletableFuture.failedFuture(new StoreUnavailableException("injected load failure"));
            }
        }
        return call(Kind.LOAD, board, () -> doLoad(board));
    }

    @Override
    public CompletionStage<Void> append(BoardId board, List<StoredOp> ops) {
        List<StoredOp> copies = ops.stream().map(InMemoryRoomStore::copy).toList();
        synchronized (this) {
            appendCalls++;
            if (failAppends > 0) {
                failAppends--;
                return CompletableFuture.failedFuture(new StoreUnavailableException("injected append failure"));
            }
            if (failAppendsAfterCommit > 0) {
                failAppendsAfterCommit--;
                try {
                    doAppend(board, copies);
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
                return CompletableFuture.failedFuture(new StoreUnavailableException("injected failure after commit"));
            }
        }
        return call(Kind.APPEND, board, () -> {
            doAppend(board, copies);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> saveSnapshot(BoardId board, long seq, List<ObjectNode> elements) {
        List<ObjectNode> copies = elements.stream().map(ObjectNode::deepCopy).toList();
        synchronized (this) {
            if (failSnapshots > 0) {
                failSnapshots--;
                return CompletableFuture.failedFuture(new StoreUnavailableException("injected snapshot failure"));
            }
        }
        return call(Kind.SNAPSHOT, board, () -> {
            doSaveSnapshot(board, seq, copies);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private <T> CompletionStage<T> call(Kind kind, BoardId board, Supplier<Object> effect) {
        synchronized (this) {
            if (manual) {
                PendingCall pending = new PendingCall(kind, board, effect);
                parked.add(pending);
                return (CompletionStage<T>) pending.future;
            }
        }
        Object result;
        try {
            synchronized (this) {
                result = effect.get();
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.completedFuture((T) result);
    }

    private StoredBoard doLoad(BoardId board) {
        BoardData data = boards.get(board);
        if (data == null) {
            return StoredBoard.empty();
        }
        List<StoredOp> after = data.ops.stream()
                .filter(op -> op.seq() > data.snapshot.seq())
                .map(InMemoryRoomStore::copy)
                .toList();
        return new StoredBoard(data.snapshot.seq(), copies(data.snapshot.elements()), after, data.cursors, data.owners);
    }

    private void doAppend(BoardId board, List<StoredOp> ops) {
        if (ops.isEmpty()) {
            return;
        }
        for (int i = 1; i < ops.size(); i++) {
            if (ops.get(i).seq() != ops.get(i - 1).seq() + 1) {
                throw new IllegalArgumentException("ops must have consecutive seqs");
            }
        }
        BoardData data = data(board);
        long head = data.ops.size();
        // check everything first: one transaction
        for (StoredOp op : ops) {
            if (op.seq() <= head) {
                StoredOp stored = data.ops.get((int) op.seq() - 1);
                if (!stored.sameIdentity(op)) {
                    throw new StoreConflictException("seq " + op.seq() + " of board " + board + " is taken");
                }
            } else if (op.seq() != head + 1 && op == ops.getFirst()) {
                throw new StoreConflictException("seq " + op.seq() + " would leave a gap after " + head);
            }
        }
        for (StoredOp op : ops) {
            if (op.seq() > data.ops.size()) {
                data.ops.add(op);
            }
            data.cursors.merge(op.clientId(), op.clientSeq(), Math::max);
            data.owners.putIfAbsent(op.clientId(), op.author());
        }
    }

    private void doSaveSnapshot(BoardId board, long seq, List<ObjectNode> elements) {
        BoardData data = data(board);
        if (seq < 0 || seq > data.ops.size()) {
            throw new IllegalArgumentException("snapshot seq " + seq + " is beyond the log head " + data.ops.size());
        }
        Snapshot snapshot = new Snapshot(seq, elements);
        data.snapshots.add(snapshot);
        if (seq >= data.snapshot.seq()) {
            data.snapshot = snapshot;
        }
    }

    private BoardData data(BoardId board) {
        return boards.computeIfAbsent(board, key -> new BoardData());
    }

    // ---------------------------------------------------------------- test controls

    /** In manual mode every later call parks as a {@link PendingCall} until completed. */
    public synchronized void setManual(boolean manual) {
        this.manual = manual;
    }

    /** Parked calls, oldest first. */
    public synchronized List<PendingCall> parked() {
        return List.copyOf(parked);
    }

    /** Completes every parked call, oldest first (including calls parked meanwhile). */
    public void completeAll() {
        while (true) {
            PendingCall next;
            synchronized (this) {
                if (parked.isEmpty()) {
                    return;
                }
                next = parked.getFirst();
            }
            next.complete();
        }
    }

    /** The next {@code n} appends fail with {@link StoreUnavailableException} and write nothing. */
    public synchronized void failNextAppends(int n) {
        failAppends = n;
    }

    /** The next {@code n} appends are written but report {@link StoreUnavailableException}. */
    public synchronized void failNextAppendsAfterCommit(int n) {
        failAppendsAfterCommit = n;
    }

    public synchronized void failNextLoads(int n) {
        failLoads = n;
    }

    public synchronized void failNextSnapshots(int n) {
        failSnapshots = n;
    }

    /** The whole op log of a board, in seq order (copies). */
    public synchronized List<StoredOp> ops(BoardId board) {
        BoardData data = boards.get(board);
        return data == null ? List.of() : data.ops.stream().map(InMemoryRoomStore::copy).toList();
    }

    /** The ops with seq > {@code afterSeq}, in seq order (copies). */
    public synchronized List<StoredOp> ops(BoardId board, long afterSeq) {
        BoardData data = boards.get(board);
        if (data == null || afterSeq >= data.ops.size()) {
            return List.of();
        }
        return data.ops.subList((int) Math.max(0, afterSeq), data.ops.size()).stream().map(InMemoryRoomStore::copy).toList();
    }

    public synchronized long head(BoardId board) {
        BoardData data = boards.get(board);
        return data == null ? 0 : data.ops.size();
    }

    public synchronized Map<String, Long> cursors(BoardId board) {
        BoardData data = boards.get(board);
        return data == null ? Map.of() : Map.copyOf(data.cursors);
    }

    /** The newest snapshot, if any was saved. */
    public synchronized Optional<Snapshot> snapshot(BoardId board) {
        BoardData data = boards.get(board);
        return data == null || data.snapshots.isEmpty() ? Optional.empty()
                : Optional.of(new Snapshot(data.snapshot.seq(), copies(data.snapshot.elements())));
    }

    /** Every snapshot ever saved for the board, in save order. */
    public synchronized List<Snapshot> snapshots(BoardId board) {
        BoardData data = boards.get(board);
        return data == null ? List.of() : List.copyOf(data.snapshots);
    }

    /** How many times the board was loaded. */
    public synchronized int loads(BoardId board) {
        BoardData data = boards.get(board);
        return data == null ? 0 : data.loads;
    }

    /** How many append calls were made (all boards). */
    public synchronized int appendCalls() {
        return appendCalls;
    }

    private static StoredOp copy(StoredOp op) {
        return new StoredOp(op.seq(), op.author(), op.clientId(), op.clientSeq(), op.at(), copies(op.elements()));
    }

    private static List<ObjectNode> copies(List<ObjectNode> elements) {
        return elements.stream().map(ObjectNode::deepCopy).toList();
    }
}
