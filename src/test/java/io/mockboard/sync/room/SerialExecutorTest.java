package io.mockboard.sync.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Where a room's tasks run: in order, never nested, on the caller only when the room is idle and the task is short. */
class SerialExecutorTest {
    private final Queue<Runnable> pool = new ArrayDeque<>();
    private final List<String> ran = new ArrayList<>();

    @Test
    @DisplayName("on the rooms' threads, a task for an idle room runs at once on the submitting thread")
    void anIdleRoomRunsATaskOnTheCaller() {
        SerialExecutor serial = new SerialExecutor(new RoomThreads(pool::add));
        serial.execute(() -> ran.add("frame"));
        assertThat(ran).containsExactly("frame");
        assertThat(pool).isEmpty();
    }

    @Test
    @DisplayName("a task submitted by a running task runs after it, never nested")
    void aTaskFromATaskRunsAfterIt() {
        SerialExecutor serial = new SerialExecutor(new RoomThreads(pool::add));
        serial.execute(() -> {
            serial.execute(() -> ran.add("flush"));
            ran.add("push");
        });
        assertThat(ran).containsExactly("push", "flush");
        assertThat(pool).isEmpty();
    }

    @Test
    @DisplayName("a long task (a join) goes to the pool, and so does everything queued behind it")
    void aLongTaskNeverRunsOnTheCaller() {
        SerialExecutor serial = new SerialExecutor(new RoomThreads(pool::add));
        serial.dispatch(() -> ran.add("hello"));
        serial.execute(() -> ran.add("push"));
        assertThat(ran).isEmpty();
        runPool();
        assertThat(ran).containsExactly("hello", "push");

        serial.execute(() -> {
            serial.dispatch(() -> ran.add("second hello"));
            serial.execute(() -> ran.add("after it"));
        });
        assertThat(ran).containsExactly("hello", "push");
        runPool();
        assertThat(ran).containsExactly("hello", "push", "second hello", "after it");
    }

    @Test
    @DisplayName("on any other executor every task goes to it, as before")
    void otherExecutorsRunEverything() {
        SerialExecutor serial = new SerialExecutor(pool::add);
        serial.execute(() -> ran.add("frame"));
        assertThat(ran).isEmpty();
        runPool();
        assertThat(ran).containsExactly("frame");
    }

    private void runPool() {
        for (Runnable task = pool.poll(); task != null; task = pool.poll()) {
            task.run();
        }
    }
}
