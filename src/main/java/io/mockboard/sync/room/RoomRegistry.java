package io.mockboard.sync.room;

import io.mockboard.sync.BoardId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The rooms of this process: exactly one live {@link BoardRoom} per board ([S1]), created on first use and
 * removed when it retires (idle unload, load failure, store conflict, {@link #unload}). Thread-safe.
 */
public final class RoomRegistry {

    private final RoomStore store;
    private final Clock clock;
    private final Executor executor;
    private final RoomConfig config;
    private final RoomListener listener;
    private final ConcurrentHashMap<BoardId, BoardRoom> rooms = new ConcurrentHashMap<>();

    public RoomRegistry(RoomStore store, Clock clock, Executor executor, RoomConfig config) {
        this(store, clock, executor, config, RoomListener.NONE);
    }

    public RoomRegistry(RoomStore store, Clock clock, Executor executor, RoomConfig config, RoomListener listener) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The board's room, created (and its load started) when there is none. Concurrent calls get the same
     * instance, and a board is loaded once per room.
     */
    /** The tuning every room of this registry runs with. */
    public RoomConfig config() {
        return config;
    }

    public BoardRoom room(BoardId id) {
        Objects.requireNonNull(id, "id");
        BoardRoom[] created = new BoardRoom[1];
        BoardRoom room = rooms.compute(id, (key, current) -> {
            if (current != null && !current.isRetired()) {
                return current;
            }
            created[0] = new BoardRoom(key, store, clock, executor, config, listener, this::room, this::retired);
            return created[0];
        });
        room.touch(clock.instant());
        if (room == created[0]) {
            room.start();
        }
        return room;
    }

    /** Ticks every room (append retries, time-based snapshots, idle unload). Call periodically. */
    public void tickAll() {
        for (BoardRoom room : rooms.values()) {
            room.tick();
        }
    }

    /** Rooms currently loaded (or loading). */
    public int size() {
        return rooms.size();
    }

    /** Whether the board has a room in this process. */
    public boolean isLoaded(BoardId id) {
        return rooms.containsKey(id);
    }

    /**
     * Closes the board's sessions (1001), waits until everything accepted is stored (store failures are
     * retried on {@link #tickAll()}), saves a final snapshot and removes the room. Completes at once when
     * the board has no room.
     */
    public CompletionStage<Void> unload(BoardId id) {
        BoardRoom room = rooms.get(id);
        return room == null ? CompletableFuture.completedFuture(null) : room.shutdown();
    }

    /** {@link #unload} for every room (shutdown). */
    public CompletionStage<Void> unloadAll() {
        List<CompletableFuture<Void>> all = rooms.keySet().stream()
                .map(id -> unload(id).toCompletableFuture())
                .toList();
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** The board's room if one is loaded, without creating or touching it. */
    public java.util.Optional<BoardRoom> loaded(BoardId id) {
        return java.util.Optional.ofNullable(rooms.get(id));
    }

    /**
     * Closes the rooms whose board this node no longer owns ({@code BOARD_MOVED}): those loaded before
     * {@code askedAt} (when {@code owned} was read) that are not in it. A room loaded since may own a board the
     * list could not show yet.
     */
    public int evictUnowned(java.util.Set<BoardId> owned, Instant askedAt) {
        int evicted = 0;
        for (BoardRoom room : rooms.values()) {
            Instant loadedAt = room.loadedAt();
            if (loadedAt != null && loadedAt.isBefore(askedAt) && !owned.contains(room.id()) && !room.isRetired()) {
                room.moved();
                evicted++;
            }
        }
        return evicted;
    }

    /** The board's room if one is loaded, without creating or touching it (tests). */
    BoardRoom peek(BoardId id) {
        return rooms.get(id);
    }

    void retired(BoardRoom room) {
        rooms.remove(room.id(), room);
    }
}
