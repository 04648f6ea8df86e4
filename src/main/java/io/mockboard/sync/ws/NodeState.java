package io.mockboard.sync.ws;

import io.mockboard.sync.owner.NodeIdentity;
import io.mockboard.sync.room.RoomRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether this node takes board sockets: it does until it starts draining (on shutdown), and from then on its
 * readiness is down and new board sockets are refused with 503, so a proxy sends them to another node.
 */
@Readiness
@Default
@ApplicationScoped
class NodeState implements HealthCheck {
    private final AtomicBoolean draining = new AtomicBoolean();
    private final NodeIdentity node;
    private final RoomRegistry rooms;

    NodeState(NodeIdentity node, RoomRegistry rooms) {
        this.node = node;
        this.rooms = rooms;
    }

    /** From now on: not ready, no new board sockets. Returns false if it was draining already. */
    boolean drain() {
        return draining.compareAndSet(false, true);
    }

    boolean draining() {
        return draining.get();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mockboard-node").status(!draining.get())
                .withData("node", node.nodeId()).withData("instance", node.instance().toString())
                .withData("draining", draining.get()).withData("rooms", rooms.size()).build();
    }
}
