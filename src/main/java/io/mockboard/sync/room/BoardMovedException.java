package io.mockboard.sync.room;

/**
 * Another node owns the board (docs/scaling.md): this node may neither open its room nor append to its log. The
 * room closes its sockets with {@code BOARD_MOVED}; clients reconnect and reach the owner.
 */
public class BoardMovedException extends StoreConflictException {
    private static final long serialVersionUID = 1L;

    private final String ownerNode;

    public BoardMovedException(String message, String ownerNode) {
        super(message);
        this.ownerNode = ownerNode;
    }

    /** The node that owns the board now, or null if the log only says this node lost it. */
    public String ownerNode() {
        return ownerNode;
    }
}
