package io.mockboard.sync.owner;

import java.util.Objects;
import java.util.UUID;

/**
 * Who this process is among the nodes sharing one database: a node id that stays the same across restarts
 * (configured, by default the host name) and an instance id that is new on every start.
 *
 * @param address where the other nodes reach this one (its internal base URL), or null on a single node
 */
public record NodeIdentity(String nodeId, UUID instance, String address) {
    /** The identity every store of this JVM shares unless told otherwise (a single node, and the tests). */
    private static final NodeIdentity LOCAL = new NodeIdentity("local", UUID.randomUUID(), null);

    public NodeIdentity {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(instance, "instance");
        if (nodeId.isBlank() || nodeId.length() > 200) {
            throw new IllegalArgumentException("a node id is 1 to 200 characters: '" + nodeId + "'");
        }
    }

    /** A new instance of the given node (one process start). */
    public static NodeIdentity start(String nodeId, String address) {
        return new NodeIdentity(nodeId, UUID.randomUUID(), address);
    }

    /** This JVM's default identity. */
    public static NodeIdentity local() {
        return LOCAL;
    }

    /** Whether {@code owner} is this very process. */
    public boolean is(String ownerNode, UUID ownerInstance) {
        return nodeId.equals(ownerNode) && instance.equals(ownerInstance);
    }
}
