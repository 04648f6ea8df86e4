package io.mockboard.sync.owner;

import java.time.Instant;
import java.util.UUID;

/**
 * Who may open a board: the ownership rules, as plain functions of what PostgreSQL holds (the board's owner row and
 * its owner's lease) and the time by PostgreSQL's clock. Safety does not depend on clocks: the epoch fences every
 * append. Leases only decide when a silent node counts as gone.
 *
 * <ul>
 *   <li>[N1] A free board (no owner, or released) is taken with the next epoch.</li>
 *   <li>[N2] The owner instance keeps its board at the same epoch.</li>
 *   <li>[N3] A new instance of the owner's node (a restart) takes it back at once, with the next epoch: the old
 *       process is gone or about to be, and its appends are fenced.</li>
 *   <li>[N4] Another node's board is taken, with the next epoch, only when that node's lease ran out, or the node
 *       restarted as another instance since; otherwise it is refused and names the owner.</li>
 * </ul>
 */
public final class Ownership {
    private Ownership() {}

    /** A board's owner row. {@code nodeId} null: nobody owns it (epoch is the last one given). */
    public record Owner(String nodeId, UUID instance, long epoch) {
        public static Owner none() {
            return new Owner(null, null, 0);
        }

        boolean free() {
            return nodeId == null;
        }
    }

    /** The owner node's lease as registered, or null when the node has none. */
    public record Lease(UUID instance, Instant until, String address) {
    }

    /** What a node that wants the board may do. */
    public sealed interface Decision permits Keep, Take, Refuse {
    }

    /** It owns the board already, at this epoch. */
    public record Keep(long epoch) implements Decision {
    }

    /** It takes the board with this (new) epoch. */
    public record Take(long epoch) implements Decision {
    }

    /** Another node owns it and is alive: go there. */
    public record Refuse(String nodeId, String address) implements Decision {
    }

    /**
     * @param current    the board's owner row ({@link Owner#none()} when there is none)
     * @param ownerLease the owner node's lease, or null
     * @param me         the node that wants the board
     * @param now        PostgreSQL's time
     */
    public static Decision decide(Owner current, Lease ownerLease, NodeIdentity me, Instant now) {
        if (current.free()) {
            return new Take(current.epoch() + 1); // [N1]
        }
        if (me.is(current.nodeId(), current.instance())) {
            return new Keep(current.epoch()); // [N2]
        }
        if (me.nodeId().equals(current.nodeId())) {
            return new Take(current.epoch() + 1); // [N3]
        }
        boolean alive = ownerLease != null && ownerLease.instance().equals(current.instance()) && ownerLease.until().isAfter(now);
        if (alive) {
            return new Refuse(current.nodeId(), ownerLease.address()); // [N4]
        }
        return new Take(current.epoch() + 1); // [N4]
    }
}
