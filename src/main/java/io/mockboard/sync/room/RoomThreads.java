package io.mockboard.sync.room;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The threads rooms run on, for rooms that may also run a task on the thread that submits it while the room is
 * idle (see {@link SerialExecutor}). Only for submitters that never block and never hold a lock a room task
 * could want: the sync engine's event loops, store threads and timers.
 */
public final class RoomThreads implements Executor {
    private final Executor pool;

    public RoomThreads(Executor pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }
}
