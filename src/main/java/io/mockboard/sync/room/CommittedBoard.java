package io.mockboard.sync.room;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.ServerMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The board as committed: the merged {@link Scene} ([S5]), the head seq, and the most recent
 * {@code maxCatchupOps} ops (as text only) from which a welcome catches a client up ([S6]): the ops after its
 * lastSeq when they are all still here, else a snapshot of the scene at the head. Confined to the room's executor.
 */
final class CommittedBoard {
    private static final System.Logger LOG = System.getLogger(CommittedBoard.class.getName());

    /** What a welcome carries: the missing ops, or (ops empty) a snapshot; neither when up to date. */
    record CatchUp(List<ServerMessage.Op> ops, ServerMessage.Snapshot snapshot) {
    }

    private final BoardId id;
    private final int maxCatchupOps;
    private Scene scene = new Scene();
    private long head;
    private final ArrayDeque<StoredOp> recent = new ArrayDeque<>();

    CommittedBoard(BoardId id, int maxCatchupOps) {
        this.id = id;
        this.maxCatchupOps = maxCatchupOps;
    }

    /** Starts from what the store loaded: its snapshot plus the ops after it. */
    void load(StoredBoard stored) {
        scene = Scene.of(stored.snapshotElements());
        long seq = stored.snapshotSeq();
        for (StoredOp op : stored.opsAfterSnapshot()) {
            if (op.seq() != seq + 1) {
                LOG.log(System.Logger.Level.WARNING, "board " + id + ": op log jumps from seq " + seq + " to " + op.seq());
            }
            scene.applyAll(op.elements());
            seq = op.seq();
            remember(op);
        }
        head = seq;
    }

    /** A durable op, in seq order. */
    void apply(StoredOp op) {
        scene.applyAll(op.elements());
        head = op.seq();
        remember(op);
    }

    long head() {
        return head;
    }

    /** Every element, tombstones included, in scene order. */
    List<ObjectNode> elements() {
        return scene.elements();
    }

    /** The element with this id as stored (a tombstone too), if any. */
    Optional<ObjectNode> element(String id) {
        return scene.get(id);
    }

    /** [S6] What a client that has everything up to {@code lastSeq} needs to reach the head. */
    CatchUp catchUp(long lastSeq) {
        if (lastSeq == head) {
            return new CatchUp(List.of(), null);
        }
        boolean bridgeable = lastSeq < head && head - lastSeq <= maxCatchupOps
                && !recent.isEmpty() && recent.peekFirst().seq() <= lastSeq + 1;
        if (!bridgeable) {
            return new CatchUp(List.of(), new ServerMessage.Snapshot(head, scene.elements()));
        }
        List<ServerMessage.Op> missing = new ArrayList<>();
        for (StoredOp op : recent) {
            if (op.seq() > lastSeq) {
                missing.add(toWire(op));
            }
        }
        return new CatchUp(missing, null);
    }

    /** Drops the scene and the recent ops (the room retired). */
    void clear() {
        recent.clear();
        scene = new Scene();
    }

    static ServerMessage.Op toWire(StoredOp op) {
        return new ServerMessage.Op(op.seq(), op.author(), op.clientId(), op.clientSeq(), op.at(), op.elements());
    }

    private void remember(StoredOp op) {
        if (maxCatchupOps == 0) {
            return;
        }
        recent.addLast(op.compact()); // text only: a room keeps up to maxCatchupOps of them
        while (recent.size() > maxCatchupOps) {
            recent.removeFirst();
        }
    }

    @Override
    public String toString() {
        return "CommittedBoard[head=" + head + " elements=" + scene.size() + " recent=" + recent.size() + "]";
    }
}
