package io.mockboard.sync.store;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.owner.NodeIdentity;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The epoch with which this node took each board ({@link OwnershipSql}), for the fence of its appends. Thread-safe. */
final class BoardEpochs {
    private static final int MAX_REMEMBERED = 100_000;

    private final NodeIdentity node;
    private final StoreObserver observer;
    private final Map<BoardId, Long> epochs = new ConcurrentHashMap<>();

    BoardEpochs(NodeIdentity node, StoreObserver observer) {
        this.node = node;
        this.observer = observer;
    }

    /** Takes (or keeps) the board for this node in the caller's transaction, and remembers its epoch. */
    long take(Connection connection, BoardId board) throws SQLException {
        OwnershipSql.Taken taken = OwnershipSql.acquire(connection, board, node);
        if (taken.fromAnotherNode()) {
            observer.tookOver();
        }
        long epoch = taken.epoch();
        if (epochs.size() > MAX_REMEMBERED) {
            epochs.clear(); // a board appended to again is taken again (kept at the same epoch while this node owns it)
        }
        epochs.put(board, epoch);
        return epoch;
    }

    /**
     * The epoch of each of the group's boards; a board this node has not taken yet is taken with
     * {@code takeAlone} (its own transaction). A board that cannot be taken is left out, and its append fails with
     * the reason.
     */
    Map<BoardId, Long> of(List<AppendQueue.Pending> group, Function<BoardId, Long> takeAlone) {
        Map<BoardId, Long> fence = new HashMap<>();
        for (AppendQueue.Pending pending : group) {
            Long epoch = epochs.get(pending.board());
            if (epoch == null) {
                try {
                    epoch = takeAlone.apply(pending.board());
                } catch (RuntimeException e) {
                    pending.done().completeExceptionally(e);
                    continue;
                }
            }
            fence.put(pending.board(), epoch);
        }
        return fence;
    }

    /** The fence of a group commit of these boards, taken at these epochs. */
    OpLogSql.Fence fence(Map<BoardId, Long> epochs) {
        return new OpLogSql.Fence(epochs, node);
    }

    /** Another node took the board. */
    void lost(BoardId board) {
        epochs.remove(board);
    }
}
