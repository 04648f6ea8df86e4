package io.mockboard.sync.ws;

import io.mockboard.sync.Admission;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.ClientMessage;
import io.mockboard.sync.protocol.CloseCodes;
import io.mockboard.sync.protocol.ConnectionGuard;
import io.mockboard.sync.protocol.ErrorCode;
import io.mockboard.sync.protocol.FairUse;
import io.mockboard.sync.protocol.ProtocolCodec;
import io.mockboard.sync.protocol.ProtocolException;
import io.mockboard.sync.protocol.ServerMessage;
import io.mockboard.sync.room.BoardRoom;
import io.mockboard.sync.room.Participant;
import io.mockboard.sync.room.RoomRegistry;
import io.mockboard.sync.room.SessionId;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The board socket. Authenticated once, at the upgrade (OIDC bearer token or session cookie; the board
 * must exist and the Origin be allowed, see {@link BoardUpgradeCheck}); every frame is rate-limited,
 * decoded and validated here, then handed to the board's room, which authorizes it per message. The class
 * has no security annotation: that would run the security interceptors again on every frame.
 */
@WebSocket(path = "/boards/{boardId}/sync", endpointId = BoardSyncEndpoint.ID)
public class BoardSyncEndpoint {
    static final String ID = "board-sync";
    private static final Logger LOG = Logger.getLogger(BoardSyncEndpoint.class);
    private static final TypedKey<Attached> ATTACHED = new TypedKey<>("mockboard.attached");
    private static final TypedKey<Boolean> REFUSED = new TypedKey<>("mockboard.refused");
    private static final TypedKey<ForwardedSocket> RELAYED = new TypedKey<>("mockboard.relayed");

    /** What a connection is attached to once open. */
    private record Attached(BoardRoom room, SessionId session, ConnectionGuard guard, Participant who) {}

    private final RoomRegistry rooms;
    private final ProtocolCodec codec;
    private final SignInRenewal renewal;
    private final SocketCounts counts;
    private final FairUse fairUse;
    private final Clock clock;
    private final Relays relays;

    BoardSyncEndpoint(RoomRegistry rooms, ProtocolCodec codec, SignInRenewal renewal, SocketCounts counts,
            FairUse fairUse, Clock clock, Relays relays) {
        this.relays = relays;
        this.rooms = rooms;
        this.codec = codec;
        this.renewal = renewal;
        this.counts = counts;
        this.fairUse = fairUse;
        this.clock = clock;
    }

    @OnOpen
    @NonBlocking
    void open(WebSocketConnection connection) {
        if (relayed(connection) == null) {
            attach(connection);
        }
    }

    @OnTextMessage
    @NonBlocking
    void frame(String frame, WebSocketConnection connection) {
        ForwardedSocket relay = relayed(connection);
        if (relay != null) {
            relay.fromClient(frame);
            return;
        }
        Attached attached = attach(connection);
        if (attached == null) {
            return;
        }
        if (admitted(attached, connection, frame, frame.length())) {
            decodeAndForward(frame, attached, connection);
        }
    }

    /** The protocol is text frames only: a binary frame is a bad frame (answered, counted, never decoded). */
    @OnBinaryMessage
    @NonBlocking
    void binary(Buffer frame, WebSocketConnection connection) {
        ForwardedSocket relay = relayed(connection);
        if (relay != null) {
            relay.fromClient(frame);
            return;
        }
        Attached attached = attach(connection);
        if (attached == null) {
            return;
        }
        if (admitted(attached, connection, null, frame.length())) {
            refuse(connection, attached, ErrorCode.BAD_JSON, "Frames are text (JSON); a binary frame of " + frame.length() + " bytes was ignored");
        }
    }

    /**
     * The rate limit's verdict on one more frame: true to handle it; otherwise it has been answered. A refused push
     * is handed to the room, which names its clientSeq and holds the client's later pushes until it is re-sent
     * ([S4]: a push dropped here and re-sent later must not look like a duplicate of later ones).
     */
    private boolean admitted(Attached attached, WebSocketConnection connection, String frame, int length) {
        switch (attached.guard().admit(length)) {
            case ACCEPT -> {
                return true;
            }
            case REFUSE -> {
                ClientMessage message = frame == null ? null : decodeQuietly(frame);
                if (message instanceof ClientMessage.Push push) {
                    attached.room().refuse(attached.session(), push, ErrorCode.RATE_LIMITED, "Too many messages; slow down and re-send this push");
                } else {
                    reply(connection, ErrorCode.RATE_LIMITED, "Too many messages; slow down");
                }
            }
            case CLOSE_RATE_ABUSE -> close(connection, CloseCodes.RATE_LIMIT_ABUSE, "rate limit exceeded");
            case CLOSE_BAD_FRAMES -> close(connection, CloseCodes.TOO_MANY_BAD_FRAMES, "too many bad frames");
        }
        return false;
    }

    /**
     * The transport refuses a message over {@code max-message-size} by reporting an exception and leaving the
     * socket open; the protocol promises close 1009 for it. Any other failure is logged, as before.
     */
    @OnError
    @NonBlocking
    void failed(IllegalStateException error, WebSocketConnection connection) {
        String message = error.getMessage();
        if (message != null && message.contains("max message size")) {
            connection.close(new CloseReason(CloseCodes.TOO_BIG, "frame larger than " + codec.limits().maxFrameChars()
                    + " bytes")).subscribe().with(ok -> {}, failure -> {});
            return;
        }
        LOG.error("board socket " + connection.id() + " failed", error);
    }

    /** A client's connection reset or broken (its network dropped): routine, and the close follows. */
    @OnError
    @NonBlocking
    void broken(IOException error, WebSocketConnection connection) {
        LOG.debugf("board socket %s broke: %s", connection.id(), error.getMessage());
    }

    @OnClose
    void closed(WebSocketConnection connection) {
        ForwardedSocket relay = connection.userData().get(RELAYED);
        if (relay != null) {
            relay.clientClosed();
            return;
        }
        Attached attached = connection.userData().get(ATTACHED);
        if (attached != null) {
            attached.room().disconnect(attached.session());
            counts.close(attached.room().id(), attached.who().userId());
        }
    }

    /** The connection's relay to the board's owner node, opened by whichever callback comes first; null if it is served here. */
    private ForwardedSocket relayed(WebSocketConnection connection) {
        String owner = connection.userData().get(BoardUpgradeCheck.FORWARD_TO);
        if (owner == null) {
            return null;
        }
        synchronized (connection) {
            ForwardedSocket relay = connection.userData().get(RELAYED);
            if (relay == null) {
                relay = relays.open(connection, owner);
                connection.userData().put(RELAYED, relay);
            }
            return relay;
        }
    }

    /**
     * The connection's room session, created by whichever callback comes first: WebSockets Next runs
     * {@code @OnOpen} asynchronously, so the first frame can arrive before it. The room sees the
     * connect strictly before any frame of the connection.
     */
    private Attached attach(WebSocketConnection connection) {
        synchronized (connection) {
            Admission admission = connection.userData().get(BoardUpgradeCheck.ADMISSION);
            if (admission == null) {
                close(connection, CloseCodes.BOARD_NOT_FOUND, "board not found");
                return null;
            }
            Attached attached = connection.userData().get(ATTACHED);
            if (attached == null) {
                if (connection.userData().get(REFUSED) != null) {
                    return null;
                }
                BoardId board = BoardId.parse(connection.pathParam("boardId"));
                Participant who = admission.who();
                int refused = counts.open(board, who.userId());
                if (refused != 0) {
                    connection.userData().put(REFUSED, true);
                    close(connection, refused, refused == CloseCodes.BOARD_FULL ? "this board is full" : "too many open connections");
                    return null;
                }
                BoardRoom room = rooms.room(board);
                SessionId session = new SessionId(connection.id());
                room.connect(session, new ConnectionSocket(connection, codec, fairUse, () -> room.disconnect(session)), who);
                attached = new Attached(room, session, new ConnectionGuard(codec.limits(), fairUse, clock), who);
                connection.userData().put(ATTACHED, attached);
            }
            return attached;
        }
    }

    private void decodeAndForward(String frame, Attached attached, WebSocketConnection connection) {
        try {
            ClientMessage message = codec.decode(frame);
            if (message instanceof ClientMessage.Presence && frame.length() > fairUse.maxPresenceChars()) {
                refuse(connection, attached, ErrorCode.TOO_LARGE, "a presence frame may have at most " + fairUse.maxPresenceChars() + " chars");
                return;
            }
            if (message instanceof ClientMessage.Presence && !attached.guard().relayPresence()) {
                return; // over the presence rate: dropped, the next one carries the latest state
            }
            if (message instanceof ClientMessage.Auth auth) {
                renewal.renew(auth.token(), BoardId.parse(connection.pathParam("boardId")), attached.who(),
                        new ConnectionSocket(connection, codec, fairUse), renewed -> connection.userData().put(BoardUpgradeCheck.ADMISSION, renewed));
                return;
            }
            attached.room().receive(attached.session(), message);
        } catch (ProtocolException e) {
            refuse(connection, attached, e.code(), e.getMessage());
        }
    }

    private ClientMessage decodeQuietly(String frame) {
        try {
            return codec.decode(frame);
        } catch (ProtocolException e) {
            return null; // a bad frame refused for its rate is not counted twice
        }
    }

    /** Answers a bad frame and counts it; too many close the connection (4009). */
    private void refuse(WebSocketConnection connection, Attached attached, ErrorCode code, String message) {
        reply(connection, code, message);
        if (attached.guard().badFrame() == ConnectionGuard.Verdict.CLOSE_BAD_FRAMES) {
            close(connection, CloseCodes.TOO_MANY_BAD_FRAMES, "too many bad frames");
        }
    }

    private void reply(WebSocketConnection connection, ErrorCode code, String message) {
        new ConnectionSocket(connection, codec, fairUse).send(ServerMessage.Error.of(code, message));
    }

    private static void close(WebSocketConnection connection, int code, String reason) {
        connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {}, failure -> {});
    }

    /** The tags of a connection's admission (a revoked invite closes the connections tagged with it). */
    static Set<String> tagsOf(WebSocketConnection connection) {
        Admission admission = connection.userData().get(BoardUpgradeCheck.ADMISSION);
        return admission == null ? Set.of() : admission.tags();
    }
}
