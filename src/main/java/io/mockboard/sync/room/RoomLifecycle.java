package io.mockboard.sync.room;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.CloseCodes;
import io.mockboard.sync.protocol.ErrorCode;
import io.mockboard.sync.protocol.ServerMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A room's phase machine, {@code NEW → LOADING → READY → DRAINING → RETIRED}, and the composition of its
 * parts. It loads the board once ([S1]) and hands it to the parts; on tick it retries appends ([S11]), takes
 * time-based snapshots ([S7]) and retires an idle room ([S1]); a draining room retires once everything
 * accepted is stored and a final snapshot is tried ([S11]). Confined to the room's executor, except
 * {@link #touch} and {@link #isRetired}.
 */
final class RoomLifecycle implements RoomTraffic.Lifecycle {
    private static final System.Logger LOG = System.getLogger(BoardRoom.class.getName());

    enum Phase { NEW, LOADING, READY, DRAINING, RETIRED }

    private final BoardId id;
    private final RoomStore store;
    private final Clock clock;
    private final Duration idleUnload;
    private final Executor serial;
    private final Runnable onRetired;
    private final SessionTable sessions;
    private final ClientLedger ledger;
    private final CommittedBoard board;
    private final CommitPipeline commits;
    private final SnapshotPolicy snapshots;
    private final RoomTraffic traffic;

    private volatile boolean retired;
    private volatile Instant touchedAt;
    private volatile Instant loadedAt;
    private Phase phase = Phase.NEW;
    private final List<CompletableFuture<List<ObjectNode>>> sceneWaiters = new ArrayList<>();
    private final List<CompletableFuture<Void>> drainWaiters = new ArrayList<>();

    RoomLifecycle(BoardId id, RoomStore store, Clock clock, RoomConfig config, Executor serial, RoomListener listener,
            Runnable onRetired) {
        this.id = id;
        this.store = store;
        this.clock = clock;
        this.idleUnload = config.idleUnload();
        this.serial = serial;
        this.onRetired = onRetired;
        Instant now = clock.instant();
        this.touchedAt = now;
        this.sessions = new SessionTable(id, now);
        this.snapshots = new SnapshotPolicy(config, now);
        this.ledger = new ClientLedger(config.maxPendingOps());
        this.board = new CommittedBoard(id, config.maxCatchupOps());
        this.commits = new CommitPipeline(id, store, clock, config, serial, board::head, this::appended);
        this.traffic = new RoomTraffic(id, store, clock, config, serial, this, sessions, ledger, board, commits,
                snapshots, new RoomEvents(id, listener));
    }

    Phase phase() {
        return phase;
    }

    SessionTable sessions() {
        return sessions;
    }

    RoomTraffic traffic() {
        return traffic;
    }

    CommittedBoard board() {
        return board;
    }

    void touch(Instant at) {
        touchedAt = at;
    }

    boolean isRetired() {
        return retired;
    }

    @Override
    public boolean ready() {
        return phase == Phase.READY;
    }

    @Override
    public boolean retired() {
        return phase == Phase.RETIRED;
    }

    /** Completes with the committed scene once loaded; starts the load if needed. Not for a retired room. */
    void whenLoaded(CompletableFuture<List<ObjectNode>> result) {
        switch (phase) {
            case READY, DRAINING -> result.complete(board.elements());
            case NEW, LOADING -> {
                sceneWaiters.add(result);
                ensureLoading();
            }
            case RETIRED -> throw new IllegalStateException("a retired room forwards to its successor");
        }
    }

    @Override
    public void ensureLoading() {
        if (phase != Phase.NEW) {
            return;
        }
        phase = Phase.LOADING;
        Stages.call(() -> store.load(id)).whenComplete((stored, error) -> serial.execute(() -> loaded(stored, error)));
    }

    private void loaded(StoredBoard stored, Throwable error) {
        if (phase != Phase.LOADING) {
            return;
        }
        if (Stages.unwrap(error) instanceof BoardMovedException moved) {
            LOG.log(System.Logger.Level.INFO, "board " + id + " is owned by node " + moved.ownerNode() + "; its sockets reconnect");
            sessions.closeAll(CloseCodes.BOARD_MOVED, "board is served by another node; reconnect", clock.instant());
            failSceneWaiters(moved);
            retire();
            return;
        }
        if (error != null || stored == null) {
            LOG.log(System.Logger.Level.WARNING, "board " + id + " could not be loaded", Stages.unwrap(error));
            for (RoomSession session : sessions.all()) {
                sessions.send(session, ServerMessage.Error.of(ErrorCode.STORE_UNAVAILABLE,
                        "the board could not be loaded; reconnect shortly"));
            }
            sessions.closeAll(CloseCodes.TRY_AGAIN_LATER, "board could not be loaded", clock.instant());
            failSceneWaiters();
            retire();
            return;
        }
        Instant now = clock.instant();
        loadedAt = now;
        board.load(stored);
        snapshots.loaded(stored.snapshotSeq(), now);
        ledger.load(stored.clientCursors(), stored.clientOwners());
        commits.open();
        phase = Phase.READY;
        sessions.restartIdle(now);
        traffic.admitJoiners();
        List<ObjectNode> elements = board.elements();
        sceneWaiters.forEach(waiter -> waiter.complete(elements));
        sceneWaiters.clear();
        traffic.maybeSnapshotByCount(now);
    }

    private void appended(CommitPipeline.Result result) {
        traffic.appended(result);
    }

    /** Append retries, time-based snapshots, idle unload. */
    void tick() {
        if (phase == Phase.RETIRED) {
            return;
        }
        Instant now = clock.instant();
        commits.retryIfDue(now);
        if (phase == Phase.READY) {
            if (sessions.isEmpty() && commits.pending() == 0 && idleLongEnough(now)) {
                if (snapshots.behind(board.head())) {
                    traffic.takeSnapshot(); // best effort: ops are durable; its completion finds the room retired
                }
                retire();
            } else if (snapshots.dueByTime(board.head(), now)) {
                traffic.takeSnapshot();
            }
        } else if (phase == Phase.NEW && sessions.isEmpty() && idleLongEnough(now)) {
            retire();
        }
    }

    private boolean idleLongEnough(Instant now) {
        Instant idleSince = sessions.emptySince();
        if (idleSince == null) {
            return false;
        }
        Instant since = touchedAt.isAfter(idleSince) ? touchedAt : idleSince;
        return !now.isBefore(since.plus(idleUnload));
    }

    /** Closes every session, stores everything accepted, saves a final snapshot, retires; then {@code done}. */
    void shutdown(CompletableFuture<Void> done) {
        switch (phase) {
            case RETIRED -> done.complete(null);
            case NEW, LOADING -> {
                sessions.closeAll(CloseCodes.GOING_AWAY, "server is shutting down", clock.instant());
                failSceneWaiters();
                retire();
                done.complete(null);
            }
            case READY, DRAINING -> {
                if (phase == Phase.READY) {
                    sessions.closeAll(CloseCodes.GOING_AWAY, "server is shutting down", clock.instant());
                    phase = Phase.DRAINING;
                }
                drainWaiters.add(done);
                commits.flush();
                checkDrained();
            }
        }
    }

    /** When the board was loaded (taken for this node), or null while it is not. */
    Instant loadedAt() {
        return loadedAt;
    }

    /**
     * Another node owns the board now: every session closes with {@code BOARD_MOVED} and the room retires at once.
     * Nothing it still holds can be stored (the log's fence refuses it), and none of it was acknowledged: clients
     * re-send it to the owner.
     */
    void moved() {
        if (phase == Phase.RETIRED) {
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "board " + id + " was taken by another node; " + commits.pending()
                + " unacknowledged changes go back to their clients");
        sessions.closeAll(CloseCodes.BOARD_MOVED, "board moved to another node; reconnect", clock.instant());
        failSceneWaiters();
        drainWaiters.forEach(waiter -> waiter.complete(null));
        drainWaiters.clear();
        retire();
    }

    @Override
    public void checkDrained() {
        if (phase != Phase.DRAINING || commits.pending() > 0 || snapshots.inFlight()) {
            return;
        }
        if (snapshots.takeFinal(board.head())) {
            traffic.takeSnapshot();
            return;
        }
        retire();
        drainWaiters.forEach(waiter -> waiter.complete(null));
        drainWaiters.clear();
    }

    @Override
    public void retire() {
        phase = Phase.RETIRED;
        retired = true;
        commits.close();
        board.clear();
        ledger.clear();
        sessions.clearPresences();
        try {
            onRetired.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "could not deregister room " + id, e);
        }
    }

    private void failSceneWaiters() {
        failSceneWaiters(new StoreUnavailableException("board " + id + " could not be loaded"));
    }

    private void failSceneWaiters(RuntimeException cause) {
        sceneWaiters.forEach(waiter -> waiter.completeExceptionally(cause));
        sceneWaiters.clear();
    }

    @Override
    public String toString() {
        return phase + " " + board + " " + commits + " " + ledger + " " + sessions;
    }
}
