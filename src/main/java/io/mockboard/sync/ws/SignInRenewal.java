package io.mockboard.sync.ws;

import io.mockboard.sync.Admission;
import io.mockboard.sync.BoardGate;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.CloseCodes;
import io.mockboard.sync.protocol.ErrorCode;
import io.mockboard.sync.protocol.ServerMessage;
import io.mockboard.sync.room.Participant;
import io.mockboard.sync.room.RoomSocket;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.WebSocketSecurity;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A board socket outlives the access token it was opened with: before that token expires the page sends
 * the renewed one ({@code auth}), and the socket's identity is replaced in place, with no reconnect, so no
 * push is delayed or re-ordered. The access policy is applied again to the renewed identity: a person who
 * may no longer read the board is closed with 4001, one whose role on it changed with 4011 (reconnect).
 * A token that is not accepted (another person's, expired, forged) is answered {@code unauthorized}; the
 * socket then closes when its current sign-in expires (1008), as it would have without the renewal.
 */
@ApplicationScoped
class SignInRenewal {
    private static final Logger LOG = Logger.getLogger(SignInRenewal.class);
    private static final String EXPIRE_TIME = "quarkus.identity.expire-time";

    private final WebSocketSecurity security;
    private final BoardGate gate;
    private final Vertx vertx;

    SignInRenewal(WebSocketSecurity security, BoardGate gate, Vertx vertx) {
        this.security = security;
        this.gate = gate;
        this.vertx = vertx;
    }

    /**
     * Renews the identity of the connection that sent {@code token}.
     *
     * @param onStanding called with the renewed standing when it leaves the participant's role as it is
     */
    void renew(String token, BoardId board, Participant who, RoomSocket socket, Consumer<Admission> onStanding) {
        security.updateSecurityIdentity(token).whenComplete((identity, failure) -> {
            if (failure != null) {
                LOG.debugf("a board socket's renewed sign-in was refused: %s", failure.getMessage());
                socket.send(ServerMessage.Error.of(ErrorCode.UNAUTHORIZED, "The renewed sign-in was not accepted; sign in again"));
                return;
            }
            vertx.executeBlocking(() -> gate.admit(board, identity), false)
                    .onSuccess(standing -> apply(identity, standing, who, socket, onStanding))
                    .onFailure(e -> {
                        // the database cannot say: keep the socket (its identity is renewed) and let the client try again
                        LOG.warnf("a renewed sign-in could not be checked against the board: %s", e.getMessage());
                        socket.send(ServerMessage.Error.of(ErrorCode.SERVER_ERROR, "The renewed sign-in could not be checked; it will be tried again"));
                    });
        });
    }

    private static void apply(SecurityIdentity identity, Optional<Admission> admission, Participant who, RoomSocket socket,
            Consumer<Admission> onStanding) {
        if (admission.isEmpty()) {
            socket.close(CloseCodes.UNAUTHORIZED, "access to this board was removed");
            return;
        }
        if (!admission.get().who().role().equals(who.role())) {
            socket.close(CloseCodes.ACCESS_CHANGED, "your role on this board changed");
            return;
        }
        onStanding.accept(admission.get());
        socket.send(new ServerMessage.Authed(expiry(identity)));
    }

    static Instant expiry(SecurityIdentity identity) {
        return identity.getAttribute(EXPIRE_TIME) instanceof Long seconds ? Instant.ofEpochSecond(seconds) : null;
    }
}
