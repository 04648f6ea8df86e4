package io.mockboard.sync.ws;

import io.mockboard.sync.owner.NodeIdentity;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Opens {@link ForwardedSocket}s for this node, over one WebSocket client, and counts them. */
@ApplicationScoped
class Relays {
    private final NodeIdentity node;
    private final WebSocketClient sockets;
    private final AtomicLong opened = new AtomicLong();

    Relays(Vertx vertx, NodeIdentity node) {
        this.node = node;
        this.sockets = ForwardedSocket.client(vertx);
    }

    ForwardedSocket open(WebSocketConnection client, String ownerAddress) {
        opened.incrementAndGet();
        return ForwardedSocket.open(sockets, client, ownerAddress, node.nodeId());
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
