package io.mockboard.sync.room;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.protocol.ElementList;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One committed change in a board's op log. Elements are treated as immutable once created.
 *
 * @param seq       the board sequence number, from 1, consecutive
 * @param author    the user id of the participant who made the change
 * @param clientId  the connection identity that sent it
 * @param clientSeq the sender's sequence number (unique per board and clientId)
 * @param at        when the server ordered it
 * @param elements  the Excalidraw elements as pushed, with their JSON text
 */
public record StoredOp(long seq, String author, String clientId, long clientSeq, Instant at, ElementList elements) {
    public StoredOp {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(elements, "elements");
        if (seq < 1 || clientSeq < 1) {
            throw new IllegalArgumentException("seq and clientSeq start at 1");
        }
    }

    /** An op of the given elements (copied into an {@link ElementList} unless they already are one). */
    public StoredOp(long seq, String author, String clientId, long clientSeq, Instant at, List<ObjectNode> elements) {
        this(seq, author, clientId, clientSeq, at, ElementList.of(elements));
    }

    /** The elements as a JSON array, serialized once and shared by the op log and the wire. */
    public String elementsJson() {
        return elements.json();
    }

    /** This op with its elements held as JSON text only: what a room keeps for catch-up. */
    public StoredOp compact() {
        return new StoredOp(seq, author, clientId, clientSeq, at, elements.compact());
    }

    /** Same (seq, clientId, clientSeq): the identity an idempotent append compares. */
    public boolean sameIdentity(StoredOp other) {
        return seq == other.seq && clientSeq == other.clientSeq && clientId.equals(other.clientId);
    }
}
