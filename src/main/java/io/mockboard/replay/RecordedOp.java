package io.mockboard.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.room.StoredOp;
import java.time.Instant;
import java.util.List;

/**
 * One op of a recording as the replay reads it. An op whose stored elements are not a list of element objects
 * with an id (it should never happen) is {@code corrupt}, with no elements, so readers can skip it visibly.
 */
public record RecordedOp(long seq, String author, Instant at, List<ObjectNode> elements, boolean corrupt) {
    public static RecordedOp of(StoredOp op) {
        try {
            List<ObjectNode> elements = op.elements();
            if (elements.stream().allMatch(element -> element.path("id").isTextual())) {
                return new RecordedOp(op.seq(), op.author(), op.at(), elements, false);
            }
        } catch (IllegalStateException notElements) {
            // falls through: corrupt
        }
        return new RecordedOp(op.seq(), op.author(), op.at(), List.of(), true);
    }
}
