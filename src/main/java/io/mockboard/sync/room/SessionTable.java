package io.mockboard.sync.room;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.ClientMessage;
import io.mockboard.sync.protocol.ServerMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A room's connections: each session's lifecycle state ({@link RoomSession}, in the order they connected),
 * which session currently holds each clientId, participant colours, the latest presence of each session
 * ([S8]: latest wins, never stored), and since when the table is empty (for idle unload, [S1]). Sends never
 * throw: a failing socket is logged and skipped, so it cannot affect the others ([S9]). Confined to the room's
 * executor.
 */
final class SessionTable {
    private static final System.Logger LOG = System.getLogger(SessionTable.class.getName());

    /** Participant colours, assigned first-free per room and stable per user for the room's lifetime. */
    static final List<String> PALETTE = List.of(
            "#e03131", "#1971c2", "#2f9e44", "#f08c00", "#9c36b5", "#0c8599",
            "#e8590c", "#6741d9", "#c2255c", "#5c940d", "#1098ad", "#364fc7");

    private final BoardId board;
    private final Map<SessionId, RoomSession> sessions = new LinkedHashMap<>();
    private final Map<String, SessionId> byClient = new HashMap<>();
    private final Map<String, String> colors = new HashMap<>();
    private final Map<SessionId, ClientMessage.Presence> presences = new LinkedHashMap<>();
    private Instant emptySince;

    SessionTable(BoardId board, Instant now) {
        this.board = board;
        this.emptySince = now;
    }

    RoomSession get(SessionId id) {
        return id == null ? null : sessions.get(id);
    }

    boolean isEmpty() {
        return sessions.isEmpty();
    }

    /** Every session, in the order they connected (a copy). */
    List<RoomSession> all() {
        return List.copyOf(sessions.values());
    }

    /** The participants of the live sessions, in the order they joined. */
    List<Participant> present() {
        return sessions.values().stream().filter(RoomSession.Live.class::isInstance).map(RoomSession::who).toList();
    }

    /** Since when no session is connected; null while one is. */
    Instant emptySince() {
        return emptySince;
    }

    /** Restarts the idle time if no session is connected. */
    void restartIdle(Instant now) {
        if (sessions.isEmpty()) {
            emptySince = now;
        }
    }

    /** A new connection, with the colour of its user. */
    void connect(SessionId id, RoomSocket socket, Participant who) {
        sessions.put(id, new RoomSession.Connected(id, socket, who, colorFor(who)));
        emptySince = null;
    }

    /** A session said hello: it holds its clientId from now on. */
    void join(RoomSession.Joining joining) {
        sessions.put(joining.id(), joining);
        byClient.put(joining.clientId(), joining.id());
    }

    /** A joining session's hello was refused: back to a connection without a hello. */
    void unjoin(RoomSession.Joining joining) {
        sessions.put(joining.id(), joining.refused());
        if (joining.id().equals(byClient.get(joining.clientId()))) {
            byClient.remove(joining.clientId());
        }
    }

    /** The session holding the clientId now (in any state), or null. */
    SessionId holder(String clientId) {
        return byClient.get(clientId);
    }

    /** Removes a session, its presence and its hold on its clientId; null if unknown. */
    RoomSession remove(SessionId id, Instant now) {
        RoomSession removed = sessions.remove(id);
        if (removed == null) {
            return null;
        }
        presences.remove(id);
        String clientId = switch (removed) {
            case RoomSession.Connected c -> null;
            case RoomSession.Joining j -> j.clientId();
            case RoomSession.Live l -> l.clientId();
        };
        if (clientId != null && id.equals(byClient.get(clientId))) {
            byClient.remove(clientId);
        }
        restartIdle(now);
        return removed;
    }

    /** Closes and forgets every session. */
    void closeAll(int code, String reason, Instant now) {
        for (RoomSession session : sessions.values()) {
            close(session.socket(), code, reason);
        }
        sessions.clear();
        byClient.clear();
        presences.clear();
        emptySince = now;
    }

    // ---------------------------------------------------------------- presence ([S8])

    void presence(SessionId id, ClientMessage.Presence presence) {
        presences.put(id, presence);
    }

    void clearPresences() {
        presences.clear();
    }

    // ---------------------------------------------------------------- sending

    /** The other live sessions, as peers, in the order they connected. */
    private List<ServerMessage.Peer> peersOf(SessionId id) {
        List<ServerMessage.Peer> peers = new ArrayList<>();
        for (RoomSession other : sessions.values()) {
            if (other instanceof RoomSession.Live && !other.id().equals(id)) {
                peers.add(peer(other));
            }
        }
        return peers;
    }

    /**
     * Makes a joining session live: the welcome (head, catch-up, peers), the announcement to the others, then the
     * latest presence of each other session ([S6], [S8]).
     */
    RoomSession.Live welcome(RoomSession.Joining joining, long head, CommittedBoard.CatchUp catchUp) {
        RoomSession.Live live = joining.live();
        sessions.put(live.id(), live);
        send(live, new ServerMessage.Welcome(live.id().value(), head, catchUp.ops(), catchUp.snapshot(), peer(live),
                peersOf(live.id())));
        broadcast(new ServerMessage.PeerJoined(peer(live)), live.id());
        presences.forEach((id, presence) -> {
            RoomSession other = sessions.get(id);
            if (other != null && !id.equals(live.id())) {
                send(live, ServerMessage.PeerPresence.of(id.value(), other.who().userId(), presence));
            }
        });
        return live;
    }

    /** [S3] A durable op: the ack to its sender's current session (if live), the op to every other live session. */
    void deliver(StoredOp op) {
        SessionId sender = byClient.get(op.clientId());
        RoomSession senderSession = get(sender);
        if (senderSession instanceof RoomSession.Live) {
            send(senderSession, ServerMessage.Ack.committed(op.clientSeq(), op.seq()));
        }
        broadcast(CommittedBoard.toWire(op), sender);
    }

    /** To every live session but {@code except} (which may be null). */
    void broadcast(ServerMessage message, SessionId except) {
        for (RoomSession session : sessions.values()) {
            if (session instanceof RoomSession.Live && !session.id().equals(except)) {
                send(session, message);
            }
        }
    }

    /** To the live sessions whose role sees private data ([S10]). */
    void sendPrivate(ServerMessage message) {
        for (RoomSession session : sessions.values()) {
            if (session instanceof RoomSession.Live && session.who().role().seesPrivate()) {
                send(session, message);
            }
        }
    }

    /** To the clientId's current session, if it is live. */
    void sendToClient(String clientId, ServerMessage message) {
        RoomSession target = get(byClient.get(clientId));
        if (target instanceof RoomSession.Live) {
            send(target, message);
        }
    }

    void send(RoomSession session, ServerMessage message) {
        try {
            session.socket().send(message);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "board " + board + ": send to " + session.id() + " failed", e);
        }
    }

    void close(RoomSocket socket, int code, String reason) {
        try {
            socket.close(code, reason);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "board " + board + ": close failed", e);
        }
    }

    static ServerMessage.Peer peer(RoomSession session) {
        Participant who = session.who();
        return new ServerMessage.Peer(session.id().value(), who.userId(), who.displayName(), who.role().wire(),
                session.color());
    }

    private String colorFor(Participant who) {
        return colors.computeIfAbsent(who.userId(), user -> {
            Set<String> taken = new HashSet<>();
            for (RoomSession session : sessions.values()) {
                taken.add(session.color());
            }
            int start = Math.floorMod(user.hashCode(), PALETTE.size());
            for (int i = 0; i < PALETTE.size(); i++) {
                String color = PALETTE.get((start + i) % PALETTE.size());
                if (!taken.contains(color)) {
                    return color;
                }
            }
            return PALETTE.get(start);
        });
    }

    @Override
    public String toString() {
        return "SessionTable" + sessions.values();
    }
}
