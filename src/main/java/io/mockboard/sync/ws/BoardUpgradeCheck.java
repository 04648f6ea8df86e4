package io.mockboard.sync.ws;

import io.mockboard.core.OriginPolicy;
import io.mockboard.sync.Admission;
import io.mockboard.sync.BoardGate;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.room.RoomRegistry;
import io.mockboard.sync.store.PostgresNodeRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Checked before a board socket is upgraded: the Origin must be allowed (HTTP 403 otherwise, against
 * cross-site WebSocket hijacking), the caller signed in (HTTP 401 otherwise), and the caller's standing on the board is worked out by the access
 * policy and handed to the connection. A board that does not exist, or that the caller may not read,
 * closes the connection with 4010 (a browser cannot read an upgrade's HTTP status, but it can read a
 * close code). No room is ever created for such a board. While the database cannot be read the upgrade
 * is refused with 503 and the client retries, and so is every upgrade while this node drains.
 */
@ApplicationScoped
class BoardUpgradeCheck implements HttpUpgradeCheck {
    static final TypedKey<Admission> ADMISSION = new TypedKey<>("mockboard.admission");
    /** The owner node's address when the socket is to be relayed there ({@link ForwardedSocket}). */
    static final TypedKey<String> FORWARD_TO = new TypedKey<>("mockboard.forward-to");
    private static final Logger LOG = Logger.getLogger(BoardUpgradeCheck.class);

    private final BoardGate gate;
    private final OriginPolicy origins;
    private final NodeState node;
    private final RoomRegistry rooms;
    private final PostgresNodeRegistry nodes;

    BoardUpgradeCheck(BoardGate gate, SyncConfig config, NodeState node, RoomRegistry rooms, PostgresNodeRegistry nodes) {
        this.gate = gate;
        this.node = node;
        this.rooms = rooms;
        this.nodes = nodes;
        this.origins = new OriginPolicy(config.allowedOrigins().orElse(List.of()));
    }

    /** The caller's standing on the board, and where its socket goes: here, or relayed to the board's owner. */
    private CheckResult admit(BoardId id, SecurityIdentity identity, boolean forwarded, HttpUpgradeContext context) {
        Optional<Admission> admission = gate.admit(id, identity);
        admission.ifPresent(admitted -> context.userData().put(ADMISSION, admitted));
        if (admission.isPresent() && !forwarded && !rooms.isLoaded(id)) {
            try {
                nodes.ownerElsewhere(id).ifPresent(address -> context.userData().put(FORWARD_TO, address));
            } catch (SQLException e) {
                throw new IllegalStateException("the board's owner could not be read", e);
            }
        }
        return CheckResult.permitUpgradeSync();
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return BoardSyncEndpoint.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        var request = context.httpRequest();
        if (node.draining()) {
            return CheckResult.rejectUpgrade(503); // this node is stopping: the proxy (or the client's retry) goes to another
        }
        boolean forwarded = request.getHeader(ForwardedSocket.FORWARDED_BY) != null;
        // a relayed socket: the Host the browser asked for is in a header that a browser cannot set
        String host = forwarded ? request.getHeader(ForwardedSocket.FORWARDED_HOST) : request.getHeader("Host");
        if (!origins.permits(request.getHeader("Origin"), host)) {
            return CheckResult.rejectUpgrade(403);
        }
        // The lookup blocks, so it runs on a worker; the upgrade itself must continue on the connection's
        // event loop, or frames the client sends right after the handshake can be lost.
        Context eventLoop = Vertx.currentContext();
        return context.securityIdentity().chain(identity -> {
            if (identity == null || identity.isAnonymous()) {
                return CheckResult.rejectUpgrade(401);
            }
            BoardId id;
            try {
                id = BoardId.parse(context.pathParam("boardId"));
            } catch (IllegalArgumentException e) {
                return CheckResult.permitUpgrade(); // no such board: the socket closes with 4010
            }
            return Uni.createFrom().item(() -> admit(id, identity, forwarded, context))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }).emitOn(task -> {
            if (eventLoop != null) {
                eventLoop.runOnContext(ignored -> task.run());
            } else {
                task.run();
            }
        })
        // the database is down: refuse with 503 (the client retries with backoff), not an unhandled 500
        .onFailure().recoverWithUni(failure -> {
            if (failure instanceof AuthenticationFailedException) {
                return CheckResult.rejectUpgrade(401);
            }
            LOG.warnf("board socket refused with 503: its access could not be read (%s)", failure.getMessage());
            return CheckResult.rejectUpgrade(503);
        });
    }
}
