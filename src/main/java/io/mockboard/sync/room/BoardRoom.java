package io.mockboard.sync.room;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.ClientMessage;
import io.mockboard.sync.protocol.CloseCodes;
import io.mockboard.sync.protocol.ErrorCode;
import io.mockboard.sync.protocol.ServerMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The single authority for one board's live state in this process ([S1]), as a façade over composed parts:
 * the {@link RoomLifecycle} (phase machine: load, idle unload, drain, retire), the {@link RoomTraffic} (what
 * messages and appends do), the {@link ClientLedger} (every push's outcome, exactly once, [S4]), the
 * {@link CommitPipeline} (seq order and group commit before anything is acknowledged, [S2][S3][S11]), the
 * {@link CommittedBoard} (the merged scene and catch-up, [S5][S6]), the {@link SnapshotPolicy} ([S7]) and the
 * {@link SessionTable} (sessions and presence, [S8]). Bad or unexpected messages get errors ([S9]); roles are
 * checked per message ([S10]).
 *
 * <p>Every public method is thread-safe: it enqueues onto the room's own serial executor (a trampoline
 * over the registry's {@link Executor}), so all state is confined to that executor. Obtain rooms from
 * {@link RoomRegistry#room(BoardId)}. A retired room (unloaded, or failed) forwards later calls to the
 * registry's current room for the board (a session it forwarded once, for good: its messages, refusals and
 * disconnect), so no join ever lands in a room that is going away.
 */
public final class BoardRoom {

    private final BoardId id;
    private final SerialExecutor serial;
    private final Function<BoardId, BoardRoom> successor;
    private final RoomLifecycle lifecycle;

    // confined to the serial executor
    private final Set<SessionId> forwarded = new HashSet<>();

    BoardRoom(BoardId id, RoomStore store, Clock clock, Executor executor, RoomConfig config, RoomListener listener,
            Function<BoardId, BoardRoom> successor, Consumer<BoardRoom> onRetired) {
        this.id = Objects.requireNonNull(id, "id");
        this.serial = new SerialExecutor(Objects.requireNonNull(executor, "executor"));
        this.successor = successor;
        this.lifecycle = new RoomLifecycle(id, Objects.requireNonNull(store, "store"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(config, "config"), serial, Objects.requireNonNull(listener, "listener"),
                () -> onRetired.accept(this));
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
        serial.execute(() -> {
            switch (lifecycle.phase()) {
                case RETIRED -> {
                    forwarded.add(session);
                    successor.apply(id).connect(session, socket, who);
                }
                case DRAINING -> lifecycle.sessions().close(socket, CloseCodes.SERVICE_RESTART, "board is restarting; reconnect");
                case NEW, LOADING, READY -> {
                    lifecycle.traffic().connect(session, socket, who);
                    lifecycle.ensureLoading();
                }
            }
        });
    }

    /** A decoded, validated message from a connected session. Never throws for unexpected messages. */
    public void receive(SessionId session, ClientMessage message) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(message, "message");
        Runnable task = () -> {
            if (forwarded.contains(session)) {
                successor.apply(id).receive(session, message);
            } else {
                lifecycle.traffic().receive(session, message);
            }
        };
        if (message instanceof ClientMessage.Hello) {
            serial.dispatch(task); // its welcome may carry a whole board: written on the pool, not on an event loop
        } else {
            serial.execute(task);
        }
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
        serial.execute(() -> {
            if (forwarded.contains(session)) {
                successor.apply(id).refuse(session, push, code, message);
            } else {
                lifecycle.traffic().refuse(session, push.clientSeq(), code, message);
            }
        });
    }

    /** The connection is gone (closed by either side). Unknown sessions are ignored. */
    public void disconnect(SessionId session) {
        Objects.requireNonNull(session, "session");
        serial.execute(() -> {
            if (forwarded.remove(session)) {
                successor.apply(id).disconnect(session);
            } else {
                lifecycle.traffic().leave(session);
            }
        });
    }

    /**
     * Sends an interviewer-private message (a note, an unrevealed hint) to the live sessions whose role
     * {@linkplain Role#seesPrivate() sees private data}, and to nobody else.
     */
    public void sendPrivate(ServerMessage message) {
        Objects.requireNonNull(message, "message");
        serial.execute(() -> lifecycle.sessions().sendPrivate(message));
    }

    /** Sends a session-wide message (a step change) to every live session on the board. */
    public void sendToAll(ServerMessage message) {
        Objects.requireNonNull(message, "message");
        serial.execute(() -> lifecycle.sessions().broadcast(message, null));
    }

    /** Who is connected right now (live sessions), in the order they joined. */
    public CompletionStage<List<Participant>> present() {
        CompletableFuture<List<Participant>> result = new CompletableFuture<>();
        serial.execute(() -> result.complete(lifecycle.sessions().present()));
        return result;
    }

    /** Periodic housekeeping: append retries, time-based snapshots, idle unload. */
    public void tick() {
        serial.execute(lifecycle::tick);
    }

    /** The committed scene (tombstones included, scene order), once the board is loaded. */
    public CompletionStage<List<ObjectNode>> scene() {
        CompletableFuture<List<ObjectNode>> result = new CompletableFuture<>();
        serial.execute(() -> {
            if (lifecycle.phase() != RoomLifecycle.Phase.RETIRED) {
                lifecycle.whenLoaded(result);
                return;
            }
            successor.apply(id).scene().whenComplete((elements, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(elements);
                }
            });
        });
        return result;
    }

    // ---------------------------------------------------------------- registry hooks

    void start() {
        serial.execute(lifecycle::ensureLoading);
    }

    void touch(Instant at) {
        lifecycle.touch(at);
    }

    boolean isRetired() {
        return lifecycle.isRetired();
    }

    /** Another node owns the board: close every session with {@code BOARD_MOVED} and retire. */
    void moved() {
        serial.execute(lifecycle::moved);
    }

    /** When this room loaded (and so took) its board, or null while it has not. */
    Instant loadedAt() {
        return lifecycle.loadedAt();
    }

    /** Closes every session, stores everything accepted (retrying on tick), saves a final snapshot, retires. */
    CompletionStage<Void> shutdown() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        serial.execute(() -> lifecycle.shutdown(done));
        return done;
    }

    /**
     * The committed board while loaded, for tests that drive the room's executor on their own thread (the fuzz
     * test's invariants); like all room state it is confined to the room's executor.
     */
    Optional<CommittedBoard> loaded() {
        return switch (lifecycle.phase()) {
            case READY, DRAINING -> Optional.of(lifecycle.board());
            case NEW, LOADING, RETIRED -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return "BoardRoom[" + id + "]";
    }
}
