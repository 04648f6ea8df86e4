package io.mockboard.sync.store;

/**
 * What the PostgreSQL store tells about its work, for metrics: group commits (their size and how long they
 * took), failed ones, boards taken from another node, appends fenced because another node took the board.
 * Called on the store's threads; implementations must be cheap and thread-safe.
 */
public interface StoreObserver {
    StoreObserver NONE = new StoreObserver() {
    };

    /** A group commit stored {@code ops} ops of {@code boards} boards in {@code nanos}. */
    default void committed(int boards, int ops, long nanos) {
    }

    /** A group commit of {@code ops} ops failed (held and retried by the rooms). */
    default void failed(int ops) {
    }

    /** A board was taken from another node (its owner was gone or had stopped), not just opened. */
    default void tookOver() {
    }

    /** An append was refused by the fence: another node owns the board now. */
    default void fenced() {
    }
}
