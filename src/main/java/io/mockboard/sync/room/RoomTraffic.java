package io.mockboard.sync.room;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.ClientMessage;
import io.mockboard.sync.protocol.CloseCodes;
import io.mockboard.sync.protocol.ErrorCode;
import io.mockboard.sync.protocol.ServerMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What a room does with its sessions' messages and its store's answers, over the room's parts: joins (hello,
 * clientId claims [S4], the welcome with catch-up [S6]), pushes (every one answered through the
 * {@link ClientLedger}, accepted ones queued on the {@link CommitPipeline}), presence ([S8]), the outcome of
 * each append ([S3], [S11]) and snapshot saving ([S7]). The phase machine stays in {@link BoardRoom}; this
 * class asks it through {@link Lifecycle}. Confined to the room's executor.
 */
final class RoomTraffic {
    private static final System.Logger LOG = System.getLogger(BoardRoom.class.getName());

    /** What the traffic needs from the room's phase machine. */
    interface Lifecycle {
        /** Loaded and taking pushes (not draining, not retired). */
        boolean ready();

        boolean retired();

        /** Starts loading the board if that has not started. */
        void ensureLoading();

        /** Retires a draining room once everything accepted is stored. */
        void checkDrained();

        /** The room goes away now (after a store conflict). */
        void retire();
    }

    private final BoardId id;
    private final RoomStore store;
    private final Clock clock;
    private final Duration retryBackoff;
    private final Executor serial;
    private final Lifecycle lifecycle;
    private final SessionTable sessions;
    private final ClientLedger ledger;
    private final CommittedBoard board;
    private final CommitPipeline commits;
    private final SnapshotPolicy snapshots;
    private final RoomEvents events;

    RoomTraffic(BoardId id, RoomStore store, Clock clock, RoomConfig config, Executor serial, Lifecycle lifecycle,
            SessionTable sessions, ClientLedger ledger, CommittedBoard board, CommitPipeline commits,
            SnapshotPolicy snapshots, RoomEvents events) {
        this.id = id;
        this.store = store;
        this.clock = clock;
        this.retryBackoff = config.retryBackoff();
        this.serial = serial;
        this.lifecycle = lifecycle;
        this.sessions = sessions;
        this.ledger = ledger;
        this.board = board;
        this.commits = commits;
        this.snapshots = snapshots;
        this.events = events;
    }

    // ---------------------------------------------------------------- sessions

    /** A new connection; one with the id of an existing session replaces it. */
    void connect(SessionId session, RoomSocket socket, Participant who) {
        if (sessions.get(session) != null) {
            RoomSession old = leave(session);
            if (old != null && old.socket() != socket) {
                sessions.close(old.socket(), CloseCodes.REPLACED, "replaced by a newer connection");
            }
        }
        sessions.connect(session, socket, who);
    }

    /** Removes a session; a live one is announced as gone. Null if unknown. */
    RoomSession leave(SessionId session) {
        RoomSession removed = sessions.remove(session, clock.instant());
        if (removed instanceof RoomSession.Live) {
            sessions.broadcast(new ServerMessage.PeerLeft(session.value()), session);
            events.left(removed);
        }
        return removed;
    }

    void receive(SessionId session, ClientMessage message) {
        RoomSession from = sessions.get(session);
        if (from == null) {
            return; // closed or never connected: nobody to answer
        }
        try {
            switch (message) {
                case ClientMessage.Hello hello -> onHello(from, hello);
                case ClientMessage.Push push -> onPush(from, push);
                case ClientMessage.Presence presence -> onPresence(from, presence);
                case ClientMessage.Ping ping -> sessions.send(from, new ServerMessage.Pong(ping.nonce()));
                case ClientMessage.Signal signal -> onSignal(from, signal);
                case ClientMessage.Auth auth -> {
                    // sign-in renewals are the transport's business (it holds the identity); nothing for the room
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "board " + id + ": failed to handle a message", e);
            Long clientSeq = message instanceof ClientMessage.Push push ? push.clientSeq() : null;
            sessions.send(from, ServerMessage.Error.of(ErrorCode.SERVER_ERROR, "the server could not handle this message", clientSeq));
        }
    }

    /** The board is loaded: the sessions that said hello meanwhile join (if their clientId is theirs). */
    void admitJoiners() {
        for (RoomSession session : sessions.all()) {
            if (session instanceof RoomSession.Joining joining && claim(joining, joining.clientId())) {
                goLive(joining);
            }
        }
    }

    private void onHello(RoomSession from, ClientMessage.Hello hello) {
        if (!(from instanceof RoomSession.Connected connected)) {
            sessions.send(from, ServerMessage.Error.of(ErrorCode.ALREADY_JOINED, "this connection has already said hello"));
            return;
        }
        if (lifecycle.ready() && !claim(from, hello.clientId())) {
            return;
        }
        SessionId holder = sessions.holder(hello.clientId());
        if (holder != null && !holder.equals(from.id())) {
            RoomSession other = sessions.get(holder);
            if (other != null && !other.who().userId().equals(from.who().userId())) {
                sessions.send(from, ServerMessage.Error.of(ErrorCode.FORBIDDEN, "this clientId is in use by another participant"));
                return;
            }
            if (other != null) {
                leave(holder);
                sessions.close(other.socket(), CloseCodes.REPLACED, "replaced by a newer connection");
            }
        }
        RoomSession.Joining joining = connected.hello(hello.clientId(), hello.lastSeq());
        sessions.join(joining);
        if (lifecycle.ready()) {
            goLive(joining);
        } else {
            lifecycle.ensureLoading(); // the welcome follows the load
        }
    }

    /** [S4] The clientId must be this user's ({@link ClientLedger#claim}); refused (answered) otherwise. */
    private boolean claim(RoomSession session, String clientId) {
        if (ledger.claim(clientId, session.who().userId())) {
            return true;
        }
        sessions.send(session, ServerMessage.Error.of(ErrorCode.FORBIDDEN,
                "this clientId belongs to another participant of this board; open the board again to get a new one"));
        if (session instanceof RoomSession.Joining joining) {
            sessions.unjoin(joining);
        }
        return false;
    }

    private void goLive(RoomSession.Joining joining) {
        RoomSession.Live live = sessions.welcome(joining, board.head(), board.catchUp(joining.lastSeq()));
        events.joined(live);
    }

    private void onPresence(RoomSession from, ClientMessage.Presence presence) {
        if (!(from instanceof RoomSession.Live live)) {
            sessions.send(from, ServerMessage.Error.of(ErrorCode.NOT_JOINED, "wait for the welcome before sending presence"));
            return;
        }
        sessions.presence(live.id(), presence); // latest wins; never stored in the op log ([S8])
        sessions.broadcast(ServerMessage.PeerPresence.of(live.id().value(), live.who().userId(), presence), live.id());
        events.presence(live, presence, clock.instant());
    }

    /** Relayed to one other live session, or to all of them; a target that has left is no longer there to tell. */
    private void onSignal(RoomSession from, ClientMessage.Signal signal) {
        if (!(from instanceof RoomSession.Live live)) {
            sessions.send(from, ServerMessage.Error.of(ErrorCode.NOT_JOINED, "wait for the welcome before sending signals"));
            return;
        }
        ServerMessage.Signal relayed = new ServerMessage.Signal(live.id().value(), signal.kind(), signal.data());
        if (signal.to() == null) {
            sessions.broadcast(relayed, live.id());
        } else if (!signal.to().equals(live.id().value()) && sessions.get(new SessionId(signal.to())) instanceof RoomSession.Live target) {
            sessions.send(target, relayed);
        }
    }

    // ---------------------------------------------------------------- pushes: one outcome each, from the ledger

    private void onPush(RoomSession from, ClientMessage.Push push) {
        switch (ledger.admit(from, push, lifecycle.ready(), commits.pending(),
                (who, p) -> ProtectedElements.refusal(who.who().role(), p.clientSeq(), p.elements(), board))) {
            case ClientLedger.Accept accepted -> commits.enqueue(accepted); // acked once stored ([S3])
            case ClientLedger.AwaitingCommit waiting -> {
                // in flight or queued: the ack follows the commit, to this client's current session
            }
            case ClientLedger.Duplicate duplicate -> sessions.send(from, duplicate.ack());
            case ClientLedger.Refused refused -> sessions.send(from, refused.error());
        }
    }

    /** A push the transport refused (rate limit): the ledger records the hold and words the error. */
    void refuse(SessionId session, long clientSeq, ErrorCode code, String message) {
        RoomSession from = sessions.get(session);
        if (from != null) {
            sessions.send(from, ledger.refuse(from, clientSeq, code, message).error());
        }
    }

    // ---------------------------------------------------------------- appends and snapshots

    /** An append's outcome, from the {@link CommitPipeline}. */
    void appended(CommitPipeline.Result result) {
        switch (result) {
            case CommitPipeline.Stored stored -> {
                List<StoredOp> batch = stored.batch();
                for (int i = 0; i < batch.size(); i++) { // apply, acknowledge and broadcast, in seq order ([S3])
                    StoredOp op = batch.get(i);
                    board.apply(op);
                    ledger.committed(op);
                    sessions.deliver(op);
                    events.committed(op);
                    events.acknowledged(System.nanoTime() - stored.admittedNanos()[i]);
                }
                maybeSnapshotByCount(clock.instant());
                commits.flush();
                lifecycle.checkDrained();
            }
            case CommitPipeline.Held held -> {
                LOG.log(System.Logger.Level.WARNING, "board " + id + ": append of seq " + held.batch().getFirst().seq() + ".."
                        + held.batch().getLast().seq() + " failed; retrying in " + retryBackoff, held.cause());
                held.firstPerClient().forEach((clientId, clientSeq) -> sessions.sendToClient(clientId, ServerMessage.Error.of(
                        ErrorCode.STORE_UNAVAILABLE,
                        "the board could not be saved yet; your change is held and will be acknowledged once stored",
                        clientSeq)));
            }
            case CommitPipeline.Conflicted conflict -> {
                // someone else wrote this board's log: refuse everything pending, close every session, retire ([S1], [S11])
                LOG.log(System.Logger.Level.WARNING, "board " + id + ": the op log moved under the room; reloading", conflict.cause());
                conflict.firstPerClient().forEach((clientId, clientSeq) -> sessions.sendToClient(clientId, ServerMessage.Error.of(
                        ErrorCode.STORE_CONFLICT, "the board changed elsewhere; reconnect and re-send your unacknowledged changes",
                        clientSeq)));
                if (conflict.cause() instanceof BoardMovedException) {
                    sessions.closeAll(CloseCodes.BOARD_MOVED, "board moved to another node; reconnect", clock.instant());
                } else {
                    sessions.closeAll(CloseCodes.BOARD_RELOADED, "board reloaded; reconnect", clock.instant());
                }
                lifecycle.retire(); // the next room(id) loads the log afresh
            }
        }
    }

    void maybeSnapshotByCount(Instant now) {
        if (lifecycle.ready() && snapshots.dueByCount(board.head(), now)) {
            takeSnapshot();
        }
    }

    void takeSnapshot() {
        long seq = board.head();
        List<ObjectNode> elements = board.elements();
        snapshots.started();
        Stages.call(() -> store.saveSnapshot(id, seq, elements))
                .whenComplete((ignored, error) -> serial.execute(() -> onSnapshotSaved(seq, error)));
    }

    private void onSnapshotSaved(long seq, Throwable error) {
        if (lifecycle.retired()) {
            return;
        }
        Instant now = clock.instant();
        if (error == null) {
            snapshots.saved(seq, now);
        } else {
            // ops are durable; a missing snapshot only makes the next load longer
            LOG.log(System.Logger.Level.WARNING, "board " + id + ": snapshot at seq " + seq + " failed", Stages.unwrap(error));
            snapshots.failed(now);
        }
        lifecycle.checkDrained();
        maybeSnapshotByCount(now);
    }
}
