package io.mockboard.sync.room;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor whose tasks run only when the test says so, on the test's thread. */
final class ManualExecutor implements Executor {
    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    boolean runNext() {
        Runnable task = tasks.poll();
        if (task == null) {
            return false;
        }
        task.run();
        return true;
    }

    /** Runs tasks (including ones they submit) until none is left. */
    int runAll() {
        int ran = 0;
        while (runNext()) {
            if (++ran > 1_000_000) {
                throw new IllegalStateException("tasks keep submitting tasks");
            }
        }
        return ran;
    }

    int size() {
        return tasks.size();
    }

    void discard() {
        tasks.clear();
    }
}
