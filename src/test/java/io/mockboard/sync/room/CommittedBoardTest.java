package io.mockboard.sync.room;

import static io.mockboard.sync.room.TestElements.moved;
import static io.mockboard.sync.room.TestElements.rect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.ServerMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The committed board alone: load, apply, and what a welcome carries ([S5], [S6]). */
class CommittedBoardTest {

    static final Instant AT = Instant.parse("2025-03-01T09:00:00Z");

    static StoredOp op(long seq, ObjectNode... elements) {
        return new StoredOp(seq, "u-ada", "ada-tab", seq, AT, List.of(elements));
    }

    static CommittedBoard withOps(int maxCatchupOps, int ops) {
        CommittedBoard board = new CommittedBoard(BoardId.random(), maxCatchupOps);
        for (int seq = 1; seq <= ops; seq++) {
            board.apply(op(seq, rect("e" + seq, 1, 1, "a" + seq)));
        }
        return board;
    }

    static List<Long> seqs(CommittedBoard.CatchUp catchUp) {
        return catchUp.ops().stream().map(ServerMessage.Op::seq).toList();
    }

    @Test
    @DisplayName("[S6] a client behind by a bridgeable gap gets exactly the missing ops, as committed")
    void missingOps() {
        CommittedBoard board = withOps(3, 5);
        CommittedBoard.CatchUp catchUp = board.catchUp(2);
        assertEquals(List.of(3L, 4L, 5L), seqs(catchUp));
        assertNull(catchUp.snapshot());
        ServerMessage.Op third = catchUp.ops().getFirst();
        assertEquals(CommittedBoard.toWire(op(3, rect("e3", 1, 1, "a3"))), third);
    }

    @Test
    @DisplayName("[S6] a snapshot at head when the gap is larger than maxCatchupOps, the ops are forgotten, or lastSeq is beyond head")
    void snapshot() {
        CommittedBoard board = withOps(3, 5);
        for (long lastSeq : new long[] {0, 1, 99}) {
            CommittedBoard.CatchUp catchUp = board.catchUp(lastSeq);
            assertEquals(List.of(), catchUp.ops(), "lastSeq " + lastSeq);
            assertEquals(new ServerMessage.Snapshot(5, board.elements()), catchUp.snapshot(), "lastSeq " + lastSeq);
        }
        assertEquals(new CommittedBoard.CatchUp(List.of(), null), board.catchUp(5), "up to date: nothing");
        assertEquals(List.of(), withOps(0, 2).catchUp(1).ops(), "maxCatchupOps 0 keeps no ops");
    }

    @Test
    @DisplayName("[S5][S7] a load starts from the snapshot plus the ops after it, merged by the scene's rule")
    void load() {
        ObjectNode a = rect("a", 1, 1, "a0");
        CommittedBoard board = new CommittedBoard(BoardId.random(), 10);
        board.load(new StoredBoard(2, List.of(a, rect("b", 1, 1, "a1")),
                List.of(op(3, moved(a, 2, 5, 5)), op(4, rect("b", 1, 9, "a1"))), Map.of(), Map.of()));
        assertEquals(4, board.head());
        assertEquals(List.of(moved(a, 2, 5, 5), rect("b", 1, 1, "a1")), board.elements(), "equal version: lower nonce stays");
        assertEquals(List.of(4L), seqs(board.catchUp(3)), "loaded ops serve catch-up");
        assertEquals(List.of(), withOps(3, 0).elements());
    }
}
