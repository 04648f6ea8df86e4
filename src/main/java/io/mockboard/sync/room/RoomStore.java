package io.mockboard.sync.room;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.BoardId;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The op log port. Implementations: the PostgreSQL store and the tests' {@code InMemoryRoomStore}; both must pass
 * {@code RoomStoreContract}. Client cursors are scoped per board. Stages may complete on any thread.
 */
public interface RoomStore {

    /** Snapshot (may be empty at seq 0) + every op after it in seq order + highest applied clientSeq per clientId. */
    CompletionStage<StoredBoard> load(BoardId board);

    /**
     * Atomically appends the ops (consecutive seqs) and raises each op's client cursor to max(clientSeq) — one
     * transaction. Idempotent: re-appending ops already stored with the same (seq, clientId, clientSeq) succeeds
     * without duplicating. Fails with {@link StoreConflictException} if a seq is taken by a different op (or the
     * first new seq would leave a gap); with {@link StoreUnavailableException} (retryable) on I/O failure.
     */
    CompletionStage<Void> append(BoardId board, List<StoredOp> ops);

    /**
     * Stores the materialized scene as of {@code seq} (≤ the log's head). A snapshot older than the newest
     * stored one is ignored. Failure is not fatal to the caller: ops are durable without it.
     */
    CompletionStage<Void> saveSnapshot(BoardId board, long seq, List<ObjectNode> elements);
}
