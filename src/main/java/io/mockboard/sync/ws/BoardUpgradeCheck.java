package io.mockboard.sync.ws;

import io.mockboard.board.BoardId;
import io.mockboard.board.BoardService;
import io.mockboard.session.SessionService;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checked before a board socket is upgraded: the Origin must be allowed (HTTP 403 otherwise), and
 * whether the board exists is looked up and handed to the connection, which closes with 4010 when
 * it does not (a browser cannot read an upgrade's HTTP status, but it can read a close code). No
 * room is ever created for a board that is not there. The board of an ended session is read-only:
 * everyone joins it as an observer.
 */
@ApplicationScoped
class BoardUpgradeCheck implements HttpUpgradeCheck {
    static final TypedKey<Boolean> BOARD_FOUND = TypedKey.forBoolean("mockboard.board-found");
    static final TypedKey<Boolean> READ_ONLY = TypedKey.forBoolean("mockboard.read-only");

    private final BoardService boards;
    private final SessionService sessions;
    private final OriginPolicy origins;

    BoardUpgradeCheck(BoardService boards, SessionService sessions, SyncConfig config) {
        this.boards = boards;
        this.sessions = sessions;
        this.origins = new OriginPolicy(config.allowedOrigins().orElse(java.util.List.of()));
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return BoardSyncEndpoint.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        var request = context.httpRequest();
        if (!origins.permits(request.getHeader("Origin"), request.getHeader("Host"))) {
            return CheckResult.rejectUpgrade(403);
        }
        BoardId id;
        try {
            id = BoardId.parse(context.pathParam("boardId"));
        } catch (IllegalArgumentException e) {
            context.userData().put(BOARD_FOUND, false);
            return CheckResult.permitUpgrade();
        }
        // The lookup blocks, so it runs on a worker; the upgrade itself must continue on the connection's
        // event loop, or frames the client sends right after the handshake can be lost.
        Context eventLoop = Vertx.currentContext();
        return Uni.createFrom().item(() -> {
                    boolean exists = boards.exists(id);
                    context.userData().put(READ_ONLY, exists && sessions.isBoardReadOnly(id));
                    return exists;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(task -> {
                    if (eventLoop != null) {
                        eventLoop.runOnContext(ignored -> task.run());
                    } else {
                        task.run();
                    }
                })
                .map(exists -> {
                    context.userData().put(BOARD_FOUND, exists);
                    return CheckResult.permitUpgradeSync();
                });
    }
}
