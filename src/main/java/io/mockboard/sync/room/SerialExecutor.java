package io.mockboard.sync.room;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks one at a time, in submission order, on a shared {@link Executor} (a trampoline): a task that
 * submits another never runs it nested; it runs after the current one. After a bounded number of tasks the
 * drain yields the thread and re-schedules itself so one busy room cannot starve the others.
 *
 * <p>On {@link RoomThreads} a task submitted while the room is idle runs at once on the submitting thread (an
 * event loop with a frame, the store's thread with a commit) instead of waking a pool thread for it: one
 * thread hand-off less per message. Tasks submitted meanwhile, from anywhere, queue behind it as before.
 */
final class SerialExecutor implements Executor {
    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());
    private static final int TASKS_PER_DRAIN = 64;

    private final Executor delegate;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final boolean runOnCaller;

    SerialExecutor(Executor delegate) {
        this.delegate = delegate;
        this.runOnCaller = delegate instanceof RoomThreads;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (runOnCaller && scheduled.compareAndSet(false, true)) {
            drain(true); // idle: run here; what is left after a full drain, or a long task, goes to the pool
            return;
        }
        schedule();
    }

    /** Like {@link #execute}, but never on the submitting thread: for a task that may take long. */
    void dispatch(Runnable task) {
        tasks.add(new PoolOnly(task));
        schedule();
    }

    /** A task that runs on the pool only. */
    private record PoolOnly(Runnable task) implements Runnable {
        @Override
        public void run() {
            task.run();
        }
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                delegate.execute(() -> drain(false));
            } catch (RuntimeException e) {
                scheduled.set(false);
                throw e;
            }
        }
    }

    private void drain(boolean onCaller) {
        try {
            for (int i = 0; i < TASKS_PER_DRAIN; i++) {
                if (onCaller && tasks.peek() instanceof PoolOnly) {
                    break; // the pool runs it
                }
                Runnable task = tasks.poll();
                if (task == null) {
                    break;
                }
                try {
                    task.run();
                } catch (RuntimeException | StackOverflowError e) {
                    LOG.log(System.Logger.Level.ERROR, "room task failed", e);
                }
            }
        } finally {
            scheduled.set(false);
            if (!tasks.isEmpty()) {
                schedule();
            }
        }
    }
}
