package io.mockboard.sync.room;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.ClientMessage;
import io.mockboard.sync.protocol.CloseCodes;
import io.mockboard.sync.protocol.ErrorCode;
import io.mockboard.sync.protocol.ServerMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The single authority for one board's live state in this process ([S1]). It orders pushes into seqs
 * ([S2]), appends them to the {@link RoomStore} in group commits and only then applies, acknowledges and
 * broadcasts them ([S3]), applies each (clientId, clientSeq) once ([S4]) with the {@link Scene} merge rule
 * ([S5]), welcomes joiners with ops or a snapshot ([S6]), stores snapshots ([S7]), relays presence
 * ([S8]), answers bad or unexpected messages with errors ([S9]), checks roles per message ([S10]) and
 * never acknowledges what is not stored ([S11]).
 *
 * <p>Every public method is thread-safe: it enqueues onto the room's own serial executor (a trampoline
 * over the registry's {@link Executor}), so all state below is confined to that executor. Obtain rooms from
 * {@link RoomRegistry#room(BoardId)}. A retired room (unloaded, or failed) forwards later calls to the
 * registry's current room for the board, so no join ever lands in a room that is going away.
 */
public final class BoardRoom {
    private static final System.Logger LOG = System.getLogger(BoardRoom.class.getName());

    /** Participant colours, assigned first-free per room and stable per user for the room's lifetime. */
    static final List<String> PALETTE = List.of(
            "#e03131", "#1971c2", "#2f9e44", "#f08c00", "#9c36b5", "#0c8599",
            "#e8590c", "#6741d9", "#c2255c", "#5c940d", "#1098ad", "#364fc7");

    private enum Phase { NEW, LOADING, READY, DRAINING, RETIRED }

    /** Exactly-once bookkeeping for one clientId ([S4]). */
    private static final class ClientCursor {
        long committed;   // highest clientSeq stored
        long accepted;    // highest clientSeq accepted (stored, in flight or queued)
        long holdFrom;    // lowest clientSeq refused as retryable; later ones are refused until it is re-sent (0 = none)
        String owner;     // the user the clientId belongs to (first hello or first stored op), for good
    }

    private record Accepted(String clientId, long clientSeq, String author, List<ObjectNode> elements) {
    }

    private final BoardId id;
    private final RoomStore store;
    private final Clock clock;
    private final RoomConfig config;
    private final RoomListener listener;
    private final SerialExecutor serial;
    private final Function<BoardId, BoardRoom> successor;
    private final Consumer<BoardRoom> onRetired;

    private volatile boolean retired;
    private volatile Instant touchedAt;

    // confined to the serial executor
    private Phase phase = Phase.NEW;
    private final Map<SessionId, RoomSession> sessions = new LinkedHashMap<>();
    private final Map<String, SessionId> sessionByClient = new HashMap<>();
    private final Map<String, ClientCursor> clients = new HashMap<>();
    private final Map<String, String> colors = new HashMap<>();
    private final Map<SessionId, ClientMessage.Presence> presences = new LinkedHashMap<>();
    private final Set<SessionId> forwarded = new HashSet<>();
    private final List<CompletableFuture<List<ObjectNode>>> sceneWaiters = new ArrayList<>();
    private final List<CompletableFuture<Void>> drainWaiters = new ArrayList<>();

    private Scene scene = new Scene();
    private long head;
    private final ArrayDeque<StoredOp> recent = new ArrayDeque<>();
    private final ArrayDeque<Accepted> queue = new ArrayDeque<>();
    private List<StoredOp> inFlight;
    private List<StoredOp> failed;
    private Instant retryAt;
    private boolean flushScheduled;

    private long snapshotSeq;
    private Instant snapshotAt;
    private Instant snapshotRetryAt;
    private boolean snapshotInFlight;
    private boolean finalSnapshotTried;
    private Instant idleSince;

    BoardRoom(BoardId id, RoomStore store, Clock clock, Executor executor, RoomConfig config, RoomListener listener,
            Function<BoardId, BoardRoom> successor, Consumer<BoardRoom> onRetired) {
        this.id = Objects.requireNonNull(id, "id");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.serial = new SerialExecutor(Objects.requireNonNull(executor, "executor"));
        this.successor = successor;
        this.onRetired = onRetired;
        Instant now = clock.instant();
        this.touchedAt = now;
        this.idleSince = now;
        this.snapshotAt = now;
    }

    // ---------------------------------------------------------------- public API (thread-safe)

    public BoardId id() {
        return id;
    }

    /** A new connection (authenticated at the upgrade). It must say hello before anything else. */
    public void connect(SessionId session, RoomSocket socket, Participant who) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(who, "who");
        serial.execute(() -> onConnect(session, socket, who));
    }

    /** A decoded, validated message from a connected session. Never throws for unexpected messages. */
    public void receive(SessionId session, ClientMessage message) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(message, "message");
        serial.execute(() -> onReceive(session, message));
    }

    /**
     * A push the transport refused before decoding it into the room (its connection's rate limit): answered with
     * this retryable error naming its clientSeq, and held like an overload ([S4], [S11]) — later pushes of the same
     * client are refused until it is re-sent, so a re-send can never be mistaken for a duplicate.
     */
    public void refuse(SessionId session, ClientMessage.Push push, ErrorCode code, String message) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(push, "push");
        if (!code.retryable()) {
            throw new IllegalArgumentException("only retryable refusals are held: " + code);
        }
        serial.execute(() -> onRefuse(session, push.clientSeq(), code, message));
    }

    /** The connection is gone (closed by either side). Unknown sessions are ignored. */
    public void disconnect(SessionId session) {
        Objects.requireNonNull(session, "session");
        serial.execute(() -> onDisconnect(session));
    }

    /**
     * Sends an interviewer-private message (a note, an unrevealed hint) to the live sessions whose role
     * {@linkplain Role#seesPrivate() sees private data}, and to nobody else.
     */
    public void sendPrivate(ServerMessage message) {
        Objects.requireNonNull(message, "message");
        serial.execute(() -> {
            for (RoomSession session : sessions.values()) {
                if (session instanceof RoomSession.Live && session.who().role().seesPrivate()) {
                    send(session, message);
                }
            }
        });
    }

    /** Sends a session-wide message (a step change) to every live session on the board. */
    public void sendToAll(ServerMessage message) {
        Objects.requireNonNull(message, "message");
        serial.execute(() -> broadcast(message, null));
    }

    /** Who is connected right now (live sessions), in the order they joined. */
    public CompletionStage<List<Participant>> present() {
        CompletableFuture<List<Participant>> result = new CompletableFuture<>();
        serial.execute(() -> result.complete(sessions.values().stream()
                .filter(RoomSession.Live.class::isInstance).map(RoomSession::who).toList()));
        return result;
    }

    /** Periodic housekeeping: append retries, time-based snapshots, idle unload. */
    public void tick() {
        serial.execute(this::onTick);
    }

    /** The committed scene (tombstones included, scene order), once the board is loaded. */
    public CompletionStage<List<ObjectNode>> scene() {
        CompletableFuture<List<ObjectNode>> result = new CompletableFuture<>();
        serial.execute(() -> {
            switch (phase) {
                case READY, DRAINING -> result.complete(scene.elements());
                case NEW, LOADING -> {
                    sceneWaiters.add(result);
                    ensureLoading();
                }
                case RETIRED -> successor.apply(id).scene().whenComplete((elements, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(elements);
                    }
                });
            }
        });
        return result;
    }

    // ---------------------------------------------------------------- registry hooks

    void start() {
        serial.execute(this::ensureLoading);
    }

    void touch(Instant at) {
        touchedAt = at;
    }

    boolean isRetired() {
        return retired;
    }

    /** Closes every session, stores everything accepted (retrying on tick), saves a final snapshot, retires. */
    CompletionStage<Void> shutdown() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        serial.execute(() -> {
            switch (phase) {
                case RETIRED -> done.complete(null);
                case NEW, LOADING -> {
                    closeAll(CloseCodes.GOING_AWAY, "server is shutting down");
                    failSceneWaiters();
                    retire();
                    done.complete(null);
                }
                case READY, DRAINING -> {
                    if (phase == Phase.READY) {
                        closeAll(CloseCodes.GOING_AWAY, "server is shutting down");
                        phase = Phase.DRAINING;
                    }
                    drainWaiters.add(done);
                    flush();
                    checkDrained();
                }
            }
        });
        return done;
    }

    // ---------------------------------------------------------------- test hooks (single-threaded tests only)

    long headNow() {
        return head;
    }

    List<ObjectNode> sceneNow() {
        return scene.elements();
    }

    boolean isLoadedNow() {
        return phase == Phase.READY || phase == Phase.DRAINING;
    }

    int pendingNow() {
        return pendingCount();
    }

    int sessionCountNow() {
        return sessions.size();
    }

    String debugNow() {
        StringBuilder b = new StringBuilder(phase + " head=" + head + " queue=" + queue.size()
                + " inFlight=" + (inFlight == null ? 0 : inFlight.size()) + " failed=" + (failed == null ? 0 : failed.size())
                + " sessions=" + sessions.values());
        clients.forEach((client, cursor) -> b.append(" ").append(client).append("{committed=").append(cursor.committed)
                .append(",accepted=").append(cursor.accepted).append(",hold=").append(cursor.holdFrom).append('}'));
        return b.toString();
    }

    // ---------------------------------------------------------------- lifecycle

    private void ensureLoading() {
        if (phase != Phase.NEW) {
            return;
        }
        phase = Phase.LOADING;
        CompletionStage<StoredBoard> loading;
        try {
            loading = store.load(id);
        } catch (RuntimeException e) {
            loading = CompletableFuture.failedFuture(e);
        }
        loading.whenComplete((board, error) -> serial.execute(() -> onLoaded(board, error)));
    }

    private void onLoaded(StoredBoard board, Throwable error) {
        if (phase != Phase.LOADING) {
            return;
        }
        if (error != null || board == null) {
            LOG.log(System.Logger.Level.WARNING, "board " + id + " could not be loaded", unwrap(error));
            for (RoomSession session : sessions.values()) {
                send(session, ServerMessage.Error.of(ErrorCode.STORE_UNAVAILABLE,
                        "the board could not be loaded; reconnect shortly"));
            }
            closeAll(CloseCodes.TRY_AGAIN_LATER, "board could not be loaded");
            failSceneWaiters();
            retire();
            return;
        }
        Instant now = clock.instant();
        scene = Scene.of(board.snapshotElements());
        long seq = board.snapshotSeq();
        for (StoredOp op : board.opsAfterSnapshot()) {
            if (op.seq() != seq + 1) {
                LOG.log(System.Logger.Level.WARNING, "board " + id + ": op log jumps from seq " + seq + " to " + op.seq());
            }
            scene.applyAll(op.elements());
            seq = op.seq();
            remember(op);
        }
        head = seq;
        snapshotSeq = board.snapshotSeq();
        snapshotAt = now;
        board.clientCursors().forEach((clientId, clientSeq) -> {
            ClientCursor cursor = new ClientCursor();
            cursor.committed = clientSeq;
            cursor.accepted = clientSeq;
            cursor.owner = board.clientOwners().get(clientId);
            clients.put(clientId, cursor);
        });
        phase = Phase.READY;
        if (sessions.isEmpty()) {
            idleSince = now;
        }
        for (RoomSession session : List.copyOf(sessions.values())) {
            if (session instanceof RoomSession.Joining joining && claim(joining, joining.clientId())) {
                goLive(joining);
            }
        }
        List<ObjectNode> elements = scene.elements();
        sceneWaiters.forEach(waiter -> waiter.complete(elements));
        sceneWaiters.clear();
        maybeSnapshotByCount(now);
    }

    private void onTick() {
        if (phase == Phase.RETIRED) {
            return;
        }
        Instant now = clock.instant();
        if (failed != null && inFlight == null && !now.isBefore(retryAt)) {
            inFlight = failed;
            failed = null;
            append(inFlight);
        }
        if (phase == Phase.READY) {
            boolean snapshotDue = head > snapshotSeq && !snapshotInFlight;
            if (sessions.isEmpty() && pendingCount() == 0 && idleLongEnough(now)) {
                if (snapshotDue) {
                    takeSnapshot(); // best effort: ops are durable; its completion finds the room retired
                }
                retire();
            } else if (snapshotDue && !now.isBefore(snapshotAt.plus(config.snapshotEvery()))) {
                takeSnapshot();
            }
        } else if (phase == Phase.NEW && sessions.isEmpty() && idleLongEnough(now)) {
            retire();
        }
    }

    private boolean idleLongEnough(Instant now) {
        if (idleSince == null) {
            return false;
        }
        Instant since = touchedAt.isAfter(idleSince) ? touchedAt : idleSince;
        return !now.isBefore(since.plus(config.idleUnload()));
    }

    private void checkDrained() {
        if (phase != Phase.DRAINING || pendingCount() > 0 || snapshotInFlight) {
            return;
        }
        if (head > snapshotSeq && !finalSnapshotTried) {
            finalSnapshotTried = true;
            takeSnapshot();
            return;
        }
        retire();
        drainWaiters.forEach(waiter -> waiter.complete(null));
        drainWaiters.clear();
    }

    private void retire() {
        phase = Phase.RETIRED;
        retired = true;
        queue.clear();
        recent.clear();
        clients.clear();
        presences.clear();
        scene = new Scene();
        try {
            onRetired.accept(this);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "could not deregister room " + id, e);
        }
    }

    // ---------------------------------------------------------------- sessions

    private void onConnect(SessionId session, RoomSocket socket, Participant who) {
        switch (phase) {
            case RETIRED -> {
                forwarded.add(session);
                successor.apply(id).connect(session, socket, who);
            }
            case DRAINING -> safeClose(socket, CloseCodes.SERVICE_RESTART, "board is restarting; reconnect");
            case NEW, LOADING, READY -> {
                if (sessions.containsKey(session)) {
                    RoomSession old = removeSession(session, true);
                    if (old != null && old.socket() != socket) {
                        close(old, CloseCodes.REPLACED, "replaced by a newer connection");
                    }
                }
                sessions.put(session, new RoomSession.Connected(session, socket, who, colorFor(who)));
                idleSince = null;
                ensureLoading();
            }
        }
    }

    private void onDisconnect(SessionId session) {
        if (forwarded.remove(session)) {
            successor.apply(id).disconnect(session);
            return;
        }
        removeSession(session, true);
    }

    private void onReceive(SessionId session, ClientMessage message) {
        if (forwarded.contains(session)) {
            successor.apply(id).receive(session, message);
            return;
        }
        RoomSession from = sessions.get(session);
        if (from == null) {
            return; // closed or never connected: nobody to answer
        }
        try {
            switch (message) {
                case ClientMessage.Hello hello -> onHello(from, hello);
                case ClientMessage.Push push -> onPush(from, push);
                case ClientMessage.Presence presence -> onPresence(from, presence);
                case ClientMessage.Ping ping -> send(from, new ServerMessage.Pong(ping.nonce()));
                case ClientMessage.Auth auth -> {
                    // sign-in renewals are the transport's business (it holds the identity); nothing for the room
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "board " + id + ": failed to handle a message", e);
            Long clientSeq = message instanceof ClientMessage.Push push ? push.clientSeq() : null;
            send(from, ServerMessage.Error.of(ErrorCode.SERVER_ERROR, "the server could not handle this message", clientSeq));
        }
    }

    private void onHello(RoomSession from, ClientMessage.Hello hello) {
        if (!(from instanceof RoomSession.Connected connected)) {
            send(from, ServerMessage.Error.of(ErrorCode.ALREADY_JOINED, "this connection has already said hello"));
            return;
        }
        if (phase == Phase.READY && !claim(from, hello.clientId())) {
            return;
        }
        SessionId holder = sessionByClient.get(hello.clientId());
        if (holder != null && !holder.equals(from.id())) {
            RoomSession other = sessions.get(holder);
            if (other != null && !other.who().userId().equals(from.who().userId())) {
                send(from, ServerMessage.Error.of(ErrorCode.FORBIDDEN, "this clientId is in use by another participant"));
                return;
            }
            if (other != null) {
                removeSession(holder, true);
                close(other, CloseCodes.REPLACED, "replaced by a newer connection");
            }
        }
        RoomSession.Joining joining = connected.hello(hello.clientId(), hello.lastSeq());
        sessions.put(from.id(), joining);
        sessionByClient.put(hello.clientId(), from.id());
        if (phase == Phase.READY) {
            goLive(joining);
        } else {
            ensureLoading(); // the welcome follows the load
        }
    }

    /**
     * [S4] A clientId belongs to the user who first used it on this board (its stored ops say who, and a hello
     * claims it for the room's life); another user's hello with it is refused, whether or not the owner is
     * connected, so nobody can take over another person's exactly-once cursor. False when refused (answered).
     */
    private boolean claim(RoomSession session, String clientId) {
        ClientCursor cursor = clients.computeIfAbsent(clientId, key -> new ClientCursor());
        String user = session.who().userId();
        if (cursor.owner == null) {
            cursor.owner = user;
            return true;
        }
        if (cursor.owner.equals(user)) {
            return true;
        }
        send(session, ServerMessage.Error.of(ErrorCode.FORBIDDEN,
                "this clientId belongs to another participant of this board; open the board again to get a new one"));
        if (session instanceof RoomSession.Joining joining) {
            sessions.put(joining.id(), joining.refused());
            if (joining.id().equals(sessionByClient.get(clientId))) {
                sessionByClient.remove(clientId);
            }
        }
        return false;
    }

    private void goLive(RoomSession.Joining joining) {
        RoomSession.Live live = joining.live();
        sessions.put(live.id(), live);
        ServerMessage.Snapshot snapshot = null;
        List<ServerMessage.Op> ops = List.of();
        long lastSeq = joining.lastSeq();
        if (lastSeq != head) {
            boolean bridgeable = lastSeq < head && head - lastSeq <= config.maxCatchupOps()
                    && !recent.isEmpty() && recent.peekFirst().seq() <= lastSeq + 1;
            if (bridgeable) {
                List<ServerMessage.Op> missing = new ArrayList<>();
                for (StoredOp op : recent) {
                    if (op.seq() > lastSeq) {
                        missing.add(toWire(op));
                    }
                }
                ops = missing;
            } else {
                snapshot = new ServerMessage.Snapshot(head, scene.elements());
            }
        }
        List<ServerMessage.Peer> peers = new ArrayList<>();
        for (RoomSession other : sessions.values()) {
            if (other instanceof RoomSession.Live && !other.id().equals(live.id())) {
                peers.add(peer(other));
            }
        }
        send(live, new ServerMessage.Welcome(live.id().value(), head, ops, snapshot, peer(live), peers));
        broadcast(new ServerMessage.PeerJoined(peer(live)), live.id());
        presences.forEach((session, presence) -> {
            RoomSession other = sessions.get(session);
            if (other != null && !session.equals(live.id())) {
                send(live, ServerMessage.PeerPresence.of(session.value(), other.who().userId(), presence));
            }
        });
        notifyListener(l -> l.joined(id, live.id(), live.who()));
    }

    private RoomSession removeSession(SessionId session, boolean announce) {
        RoomSession removed = sessions.remove(session);
        if (removed == null) {
            return null;
        }
        presences.remove(session);
        String clientId = switch (removed) {
            case RoomSession.Connected c -> null;
            case RoomSession.Joining j -> j.clientId();
            case RoomSession.Live l -> l.clientId();
        };
        if (clientId != null && session.equals(sessionByClient.get(clientId))) {
            sessionByClient.remove(clientId);
        }
        if (removed instanceof RoomSession.Live && announce) {
            broadcast(new ServerMessage.PeerLeft(session.value()), session);
            notifyListener(l -> l.left(id, session, removed.who()));
        }
        if (sessions.isEmpty()) {
            idleSince = clock.instant();
        }
        return removed;
    }

    private void closeAll(int code, String reason) {
        for (RoomSession session : sessions.values()) {
            close(session, code, reason);
        }
        sessions.clear();
        sessionByClient.clear();
        presences.clear();
        idleSince = clock.instant();
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

    // ---------------------------------------------------------------- pushes and group commit

    private void onPush(RoomSession from, ClientMessage.Push push) {
        long clientSeq = push.clientSeq();
        if (!(from instanceof RoomSession.Live live)) {
            send(from, ServerMessage.Error.of(ErrorCode.NOT_JOINED, "wait for the welcome before pushing", clientSeq));
            return;
        }
        if (!live.who().role().canEdit()) {
            send(from, ServerMessage.Error.of(ErrorCode.FORBIDDEN, "observers cannot change the board", clientSeq));
            return;
        }
        if (phase != Phase.READY) {
            send(from, ServerMessage.Error.of(ErrorCode.STORE_UNAVAILABLE, "the board is restarting; re-send shortly", clientSeq));
            return;
        }
        ClientCursor cursor = clients.computeIfAbsent(live.clientId(), key -> new ClientCursor());
        if (clientSeq <= cursor.committed) {
            send(from, ServerMessage.Ack.duplicate(clientSeq));
            return;
        }
        if (clientSeq <= cursor.accepted) {
            return; // in flight or queued: the ack follows the commit, to this client's current session
        }
        if (cursor.holdFrom != 0 && clientSeq > cursor.holdFrom) {
            send(from, ServerMessage.Error.of(ErrorCode.ROOM_OVERLOADED,
                    "re-send from clientSeq " + cursor.holdFrom + " first", clientSeq));
            return;
        }
        if (pendingCount() >= config.maxPendingOps()) {
            cursor.holdFrom = cursor.holdFrom == 0 ? clientSeq : Math.min(cursor.holdFrom, clientSeq);
            send(from, ServerMessage.Error.of(ErrorCode.ROOM_OVERLOADED,
                    "too many changes are waiting to be saved; re-send this one shortly", clientSeq));
            return;
        }
        cursor.accepted = clientSeq;
        if (cursor.holdFrom != 0 && clientSeq <= cursor.holdFrom) {
            cursor.holdFrom = 0;
        }
        queue.add(new Accepted(live.clientId(), clientSeq, live.who().userId(), push.elements()));
        if (!flushScheduled) {
            flushScheduled = true; // pushes already queued on the executor join this batch
            serial.execute(this::flush);
        }
    }

    private void onRefuse(SessionId id, long clientSeq, ErrorCode code, String message) {
        RoomSession from = sessions.get(id);
        if (from == null) {
            return;
        }
        if (from instanceof RoomSession.Live live && live.who().role().canEdit()) {
            ClientCursor cursor = clients.computeIfAbsent(live.clientId(), key -> new ClientCursor());
            if (clientSeq > cursor.accepted) {
                cursor.holdFrom = cursor.holdFrom == 0 ? clientSeq : Math.min(cursor.holdFrom, clientSeq);
            }
        }
        send(from, ServerMessage.Error.of(code, message, clientSeq));
    }

    private int pendingCount() {
        return queue.size() + (inFlight == null ? 0 : inFlight.size()) + (failed == null ? 0 : failed.size());
    }

    private void flush() {
        flushScheduled = false;
        if ((phase != Phase.READY && phase != Phase.DRAINING) || inFlight != null || failed != null || queue.isEmpty()) {
            return;
        }
        int size = Math.min(queue.size(), config.maxBatchOps());
        Instant at = clock.instant();
        List<StoredOp> batch = new ArrayList<>(size);
        long seq = head;
        for (int i = 0; i < size; i++) {
            Accepted accepted = queue.poll();
            batch.add(new StoredOp(++seq, accepted.author(), accepted.clientId(), accepted.clientSeq(), at,
                    accepted.elements()));
        }
        inFlight = List.copyOf(batch);
        append(inFlight);
    }

    private void append(List<StoredOp> batch) {
        CompletionStage<Void> appending;
        try {
            appending = store.append(id, batch);
        } catch (RuntimeException e) {
            appending = CompletableFuture.failedFuture(e);
        }
        appending.whenComplete((ignored, error) -> serial.execute(() -> onAppended(batch, error)));
    }

    private void onAppended(List<StoredOp> batch, Throwable error) {
        if (phase == Phase.RETIRED || inFlight != batch) {
            return;
        }
        inFlight = null;
        if (error == null) {
            commit(batch);
            flush();
            checkDrained();
            return;
        }
        Throwable cause = unwrap(error);
        if (cause instanceof StoreConflictException) {
            onConflict(batch, cause);
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "board " + id + ": append of seq " + batch.getFirst().seq() + ".."
                + batch.getLast().seq() + " failed; retrying in " + config.retryBackoff(), cause);
        failed = batch;
        retryAt = clock.instant().plus(config.retryBackoff());
        lowestClientSeqs(batch).forEach((clientId, clientSeq) -> sendToClient(clientId, ServerMessage.Error.of(
                ErrorCode.STORE_UNAVAILABLE,
                "the board could not be saved yet; your change is held and will be acknowledged once stored",
                clientSeq)));
    }

    /** Applies, acknowledges and broadcasts a durable batch, in seq order ([S3]). */
    private void commit(List<StoredOp> batch) {
        for (StoredOp op : batch) {
            scene.applyAll(op.elements());
            head = op.seq();
            remember(op);
            ClientCursor cursor = clients.computeIfAbsent(op.clientId(), key -> new ClientCursor());
            cursor.committed = Math.max(cursor.committed, op.clientSeq());
            cursor.accepted = Math.max(cursor.accepted, op.clientSeq());
            SessionId sender = sessionByClient.get(op.clientId());
            RoomSession senderSession = sender == null ? null : sessions.get(sender);
            if (senderSession instanceof RoomSession.Live) {
                send(senderSession, ServerMessage.Ack.committed(op.clientSeq(), op.seq()));
            }
            broadcast(toWire(op), sender);
            notifyListener(l -> l.committed(id, op));
        }
        maybeSnapshotByCount(clock.instant());
    }

    /** Someone else wrote this board's log: refuse everything pending, close every session, retire ([S1], [S11]). */
    private void onConflict(List<StoredOp> batch, Throwable cause) {
        LOG.log(System.Logger.Level.WARNING, "board " + id + ": the op log moved under the room; reloading", cause);
        Map<String, Long> lowest = lowestClientSeqs(batch);
        for (Accepted accepted : queue) {
            lowest.merge(accepted.clientId(), accepted.clientSeq(), Math::min);
        }
        lowest.forEach((clientId, clientSeq) -> sendToClient(clientId, ServerMessage.Error.of(ErrorCode.STORE_CONFLICT,
                "the board changed elsewhere; reconnect and re-send your unacknowledged changes", clientSeq)));
        queue.clear();
        closeAll(CloseCodes.BOARD_RELOADED, "board reloaded; reconnect");
        retire(); // the next room(id) loads the log afresh
    }

    private static Map<String, Long> lowestClientSeqs(List<StoredOp> ops) {
        Map<String, Long> lowest = new LinkedHashMap<>();
        for (StoredOp op : ops) {
            lowest.merge(op.clientId(), op.clientSeq(), Math::min);
        }
        return lowest;
    }

    private void remember(StoredOp op) {
        if (config.maxCatchupOps() == 0) {
            return;
        }
        recent.addLast(op.compact()); // text only: a room keeps up to maxCatchupOps of them
        while (recent.size() > config.maxCatchupOps()) {
            recent.removeFirst();
        }
    }

    // ---------------------------------------------------------------- snapshots

    private void maybeSnapshotByCount(Instant now) {
        if (phase != Phase.READY || snapshotInFlight || head - snapshotSeq < config.snapshotEveryOps()) {
            return;
        }
        if (snapshotRetryAt != null && now.isBefore(snapshotRetryAt)) {
            return;
        }
        takeSnapshot();
    }

    private void takeSnapshot() {
        long seq = head;
        List<ObjectNode> elements = scene.elements();
        snapshotInFlight = true;
        CompletionStage<Void> saving;
        try {
            saving = store.saveSnapshot(id, seq, elements);
        } catch (RuntimeException e) {
            saving = CompletableFuture.failedFuture(e);
        }
        saving.whenComplete((ignored, error) -> serial.execute(() -> onSnapshotSaved(seq, error)));
    }

    private void onSnapshotSaved(long seq, Throwable error) {
        snapshotInFlight = false;
        if (phase == Phase.RETIRED) {
            return;
        }
        Instant now = clock.instant();
        snapshotAt = now;
        if (error == null) {
            snapshotSeq = Math.max(snapshotSeq, seq);
            snapshotRetryAt = null;
        } else {
            // ops are durable; a missing snapshot only makes the next load longer
            LOG.log(System.Logger.Level.WARNING, "board " + id + ": snapshot at seq " + seq + " failed", unwrap(error));
            snapshotRetryAt = now.plus(config.retryBackoff());
        }
        checkDrained();
        maybeSnapshotByCount(now);
    }

    // ---------------------------------------------------------------- presence

    private void onPresence(RoomSession from, ClientMessage.Presence presence) {
        if (!(from instanceof RoomSession.Live live)) {
            send(from, ServerMessage.Error.of(ErrorCode.NOT_JOINED, "wait for the welcome before sending presence"));
            return;
        }
        presences.put(live.id(), presence); // latest wins; never stored in the op log ([S8])
        broadcast(ServerMessage.PeerPresence.of(live.id().value(), live.who().userId(), presence), live.id());
        Instant now = clock.instant();
        notifyListener(l -> l.presence(id, live.id(), live.who(), presence, now));
    }

    // ---------------------------------------------------------------- sending

    private void broadcast(ServerMessage message, SessionId except) {
        for (RoomSession session : sessions.values()) {
            if (session instanceof RoomSession.Live && !session.id().equals(except)) {
                send(session, message);
            }
        }
    }

    private void sendToClient(String clientId, ServerMessage message) {
        SessionId session = sessionByClient.get(clientId);
        RoomSession target = session == null ? null : sessions.get(session);
        if (target instanceof RoomSession.Live) {
            send(target, message);
        }
    }

    private void send(RoomSession session, ServerMessage message) {
        try {
            session.socket().send(message);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "board " + id + ": send to " + session.id() + " failed", e);
        }
    }

    private void close(RoomSession session, int code, String reason) {
        safeClose(session.socket(), code, reason);
    }

    private void safeClose(RoomSocket socket, int code, String reason) {
        try {
            socket.close(code, reason);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "board " + id + ": close failed", e);
        }
    }

    private void notifyListener(Consumer<RoomListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "board " + id + ": room listener failed", e);
        }
    }

    private void failSceneWaiters() {
        sceneWaiters.forEach(waiter -> waiter.completeExceptionally(
                new StoreUnavailableException("board " + id + " could not be loaded")));
        sceneWaiters.clear();
    }

    private static ServerMessage.Peer peer(RoomSession session) {
        Participant who = session.who();
        return new ServerMessage.Peer(session.id().value(), who.userId(), who.displayName(), who.role().wire(),
                session.color());
    }

    private static ServerMessage.Op toWire(StoredOp op) {
        return new ServerMessage.Op(op.seq(), op.author(), op.clientId(), op.clientSeq(), op.at(), op.elements());
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public String toString() {
        return "BoardRoom[" + id + "]";
    }
}
