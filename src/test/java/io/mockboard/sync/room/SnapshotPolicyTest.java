package io.mockboard.sync.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** When a room stores snapshots ([S7]), as decisions over head and time. */
class SnapshotPolicyTest {

    static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    final SnapshotPolicy policy = new SnapshotPolicy(
            new RoomConfig(3, Duration.ofSeconds(60), 1_000, 100, 100, Duration.ofSeconds(1)), T0);

    @Test
    @DisplayName("[S7] due every snapshotEveryOps ops since the last snapshot, one at a time")
    void byCount() {
        policy.loaded(10, T0);
        assertFalse(policy.dueByCount(12, T0));
        assertTrue(policy.dueByCount(13, T0));
        policy.started();
        assertTrue(policy.inFlight());
        assertFalse(policy.dueByCount(20, T0), "not while one is in flight");
        policy.saved(13, T0);
        assertEquals(13, policy.seq());
        assertFalse(policy.dueByCount(15, T0));
        assertTrue(policy.dueByCount(16, T0));
    }

    @Test
    @DisplayName("[S7] due by time only with a new op, snapshotEvery after the last snapshot or the load")
    void byTime() {
        Instant later = T0.plusSeconds(61);
        assertFalse(policy.dueByTime(0, later), "no op, no snapshot");
        assertTrue(policy.dueByTime(1, later));
        assertFalse(policy.dueByTime(1, T0.plusSeconds(59)));
        policy.loaded(0, T0.plusSeconds(30));
        assertFalse(policy.dueByTime(1, later), "the load restarts the time");
        policy.started();
        assertFalse(policy.behind(1));
        policy.saved(1, later);
        assertFalse(policy.dueByTime(1, later.plusSeconds(120)), "nothing new since");
    }

    @Test
    @DisplayName("[S7] after a failed snapshot, count-based ones wait retryBackoff; an older save never lowers the seq")
    void failure() {
        policy.started();
        policy.failed(T0);
        assertFalse(policy.inFlight());
        assertFalse(policy.dueByCount(5, T0.plusMillis(999)));
        assertTrue(policy.dueByCount(5, T0.plusSeconds(1)));
        policy.saved(5, T0);
        policy.saved(4, T0);
        assertEquals(5, policy.seq());
    }

    @Test
    @DisplayName("[S11] a draining room takes one final snapshot, and only when the head is past the last one")
    void finalSnapshot() {
        policy.loaded(4, T0);
        assertFalse(policy.takeFinal(4));
        assertTrue(policy.takeFinal(5));
        assertFalse(policy.takeFinal(6), "tried once");
    }
}
