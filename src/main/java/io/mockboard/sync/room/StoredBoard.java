package io.mockboard.sync.room;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * What {@link RoomStore#load} returns: the newest snapshot, the ops after it in seq order, the
 * highest stored clientSeq per clientId of this board, and the user each clientId belongs to (the
 * author of its first stored op).
 */
public record StoredBoard(long snapshotSeq, List<ObjectNode> snapshotElements, List<StoredOp> opsAfterSnapshot,
        Map<String, Long> clientCursors, Map<String, String> clientOwners) {
    public StoredBoard {
        snapshotElements = List.copyOf(snapshotElements);
        opsAfterSnapshot = List.copyOf(opsAfterSnapshot);
        clientCursors = Map.copyOf(clientCursors);
        clientOwners = Map.copyOf(clientOwners);
    }

    /** An unknown board. */
    public static StoredBoard empty() {
        return new StoredBoard(0, List.of(), List.of(), Map.of(), Map.of());
    }

    /** The highest seq: the last op's, or the snapshot's when there are no ops after it. */
    public long head() {
        return opsAfterSnapshot.isEmpty() ? snapshotSeq : opsAfterSnapshot.getLast().seq();
    }
}
