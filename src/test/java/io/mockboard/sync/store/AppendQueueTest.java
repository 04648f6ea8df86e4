package io.mockboard.sync.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.room.StoredOp;
import io.mockboard.sync.protocol.ElementList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How appends are handed out in groups: across boards, one per board, and lingering only under concurrent load. */
class AppendQueueTest {
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final List<List<BoardId>> groups = new ArrayList<>();
    private final List<Long> pauses = new ArrayList<>();
    private final List<Runnable> duringPause = new ArrayList<>();
    private final AppendQueue queue = new AppendQueue(tasks::add, 1, Duration.ofMillis(1), nanos -> {
        pauses.add(nanos);
        duringPause.forEach(Runnable::run);
        duringPause.clear();
    }, group -> {
        groups.add(group.stream().map(AppendQueue.Pending::board).toList());
        group.forEach(pending -> pending.done().complete(null));
    });

    @Test
    @DisplayName("a lone append is committed at once, without lingering")
    void aLoneAppendDoesNotWait() {
        BoardId a = BoardId.random();
        queue.add(a, ops(1));
        runWriters();
        assertThat(groups).containsExactly(List.of(a));
        assertThat(pauses).isEmpty();
    }

    @Test
    @DisplayName("after a group of several boards, the writer lingers and appends arriving meanwhile share the next group")
    void underConcurrentLoadTheWriterLingersForMore() {
        BoardId a = BoardId.random();
        BoardId b = BoardId.random();
        BoardId c = BoardId.random();
        queue.add(a, ops(1));
        queue.add(b, ops(1));
        runWriters();
        assertThat(groups).containsExactly(List.of(a, b));

        queue.add(a, ops(2)); // starts a writer; while it lingers, two more boards' appends arrive
        duringPause.add(() -> queue.add(b, ops(2)));
        duringPause.add(() -> queue.add(c, ops(1)));
        runWriters();

        assertThat(groups).containsExactly(List.of(a, b), List.of(a, b, c));
        assertThat(pauses).containsExactly(Duration.ofMillis(1).toNanos());
    }

    @Test
    @DisplayName("a board's second append waits for the next group, whatever the linger")
    void oneAppendPerBoardPerGroup() {
        BoardId a = BoardId.random();
        queue.add(a, ops(1));
        queue.add(a, ops(2));
        runWriters();
        assertThat(groups).containsExactly(List.of(a), List.of(a));
    }

    private void runWriters() {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }
    }

    private static List<StoredOp> ops(long seq) {
        return List.of(new StoredOp(seq, "ada", "tab", seq, Instant.EPOCH, ElementList.ofJson("[]")));
    }
}
