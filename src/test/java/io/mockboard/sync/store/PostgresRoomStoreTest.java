package io.mockboard.sync.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.room.RoomStore;
import io.mockboard.sync.room.RoomStoreContract;
import io.mockboard.sync.room.StoreConflictException;
import io.mockboard.sync.room.StoredBoard;
import io.mockboard.sync.room.StoredOp;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The room store contract against the real op log in PostgreSQL, and its group commit across boards. */
@QuarkusTest
class PostgresRoomStoreTest extends RoomStoreContract {
    @Inject
    PostgresRoomStore postgres;
    @Inject
    DataSource dataSource;

    @Override
    protected RoomStore newStore() {
        return postgres;
    }

    @Test
    @DisplayName("appends that wait together are committed together across boards; a conflicting one fails alone")
    void groupCommitIsolatesAConflict() throws Exception {
        BoardId calm = BoardId.random();
        BoardId taken = BoardId.random();
        BoardId other = BoardId.random();
        await(postgres.append(taken, List.of(op(1, "elsewhere", 1, element("x", 1)))));

        Queue<Runnable> tasks = new ArrayDeque<>();
        Executor manual = tasks::add;
        PostgresRoomStore grouped = new PostgresRoomStore(dataSource, manual, 1);
        CompletionStage<Void> first = grouped.append(calm, List.of(op(1, "c1", 1, element("a", 1))));
        CompletionStage<Void> conflicting = grouped.append(taken, List.of(op(1, "c2", 1, element("b", 1))));
        CompletionStage<Void> third = grouped.append(other, List.of(op(1, "c3", 1, element("c", 1)), op(2, "c3", 2, element("c", 2))));
        CompletionStage<Void> sameBoardAgain = grouped.append(calm, List.of(op(2, "c1", 2, element("a", 2))));

        assertEquals(1, tasks.size(), "one writer takes everything that waits");
        tasks.poll().run();
        assertTrue(tasks.isEmpty());

        await(first);
        await(third);
        await(sameBoardAgain);
        assertInstanceOf(StoreConflictException.class, failure(conflicting));
        StoredBoard calmBoard = await(postgres.load(calm));
        assertEquals(List.of(1L, 2L), calmBoard.opsAfterSnapshot().stream().map(StoredOp::seq).toList());
        assertEquals(Map.of("c1", 2L), calmBoard.clientCursors());
        assertEquals(Map.of("c3", 2L), await(postgres.load(other)).clientCursors());
        StoredBoard takenBoard = await(postgres.load(taken));
        assertEquals(List.of("elsewhere"), takenBoard.opsAfterSnapshot().stream().map(StoredOp::clientId).toList());
        assertEquals(Map.of("elsewhere", 1L), takenBoard.clientCursors());
    }

    @Test
    @DisplayName("a gap in one board's batch fails that append only, also inside a group")
    void groupCommitIsolatesAGap() throws Exception {
        BoardId gapped = BoardId.random();
        BoardId fine = BoardId.random();
        Queue<Runnable> tasks = new ArrayDeque<>();
        PostgresRoomStore grouped = new PostgresRoomStore(dataSource, tasks::add, 1);
        CompletionStage<Void> gap = grouped.append(gapped, List.of(op(2, "c1", 1, element("a", 1))));
        CompletionStage<Void> ok = grouped.append(fine, List.of(op(1, "c2", 1, element("b", 1))));
        tasks.poll().run();

        assertInstanceOf(StoreConflictException.class, failure(gap));
        await(ok);
        assertEquals(0, await(postgres.load(gapped)).head());
        assertEquals(1, await(postgres.load(fine)).head());
    }
}
