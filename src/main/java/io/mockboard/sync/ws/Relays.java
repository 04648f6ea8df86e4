package io.mockboard.sync.ws;

import io.mockboard.sync.owner.NodeIdentity;
import io.mockboard.sync.store.PostgresNodeRegistry;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/** Opens {@link ForwardedSocket}s for this node, over one WebSocket client, and counts them. */
@ApplicationScoped
class Relays {
    private static final Logger LOG = Logger.getLogger(Relays.class);

    private final Vertx vertx;
    private final NodeIdentity node;
    private final PostgresNodeRegistry nodes;
    private final WebSocketClient sockets;
    private final AtomicLong opened = new AtomicLong();

    Relays(Vertx vertx, NodeIdentity node, PostgresNodeRegistry nodes) {
        this.vertx = vertx;
        this.node = node;
        this.nodes = nodes;
        this.sockets = ForwardedSocket.client(vertx);
    }

    ForwardedSocket open(WebSocketConnection client, String ownerAddress) {
        opened.incrementAndGet();
        return ForwardedSocket.open(sockets, client, ownerAddress, node.nodeId(), () -> ownerGone(ownerAddress));
    }

    /** Nothing listens at the owner's address: its lease ends now, so the client's next try takes the board here. */
    private void ownerGone(String address) {
        vertx.executeBlocking(() -> {
            try {
                if (nodes.endLeaseAt(address)) {
                    LOG.warnf("ended the lease of the node at %s: nothing listens there", address);
                }
            } catch (SQLException e) {
                LOG.warnf("could not end the lease of the node at %s: %s", address, e.getMessage());
            }
            return null;
        }, false);
    }

    /** Sockets relayed to another node since start. */
    long opened() {
        return opened.get();
    }

    @PreDestroy
    void close() {
        sockets.close();
    }
}
