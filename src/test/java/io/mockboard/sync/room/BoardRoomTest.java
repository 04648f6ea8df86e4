package io.mockboard.sync.room;

import static io.mockboard.sync.room.TestElements.moved;
import static io.mockboard.sync.room.TestElements.rect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.ClientMessage;
import io.mockboard.sync.protocol.CloseCodes;
import io.mockboard.sync.protocol.ErrorCode;
import io.mockboard.sync.protocol.ServerMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BoardRoomTest {

    static final Participant ADA = new Participant("u-ada", "Ada", TestRoles.INTERVIEWER);
    static final Participant BOB = new Participant("u-bob", "Bob", TestRoles.CANDIDATE);
    static final Participant CY = new Participant("u-cy", "Cy", TestRoles.CO_INTERVIEWER);
    static final Participant OLI = new Participant("u-oli", "Oli", TestRoles.OBSERVER);

    final MutableClock clock = new MutableClock();
    final ManualExecutor executor = new ManualExecutor();
    final InMemoryRoomStore store = new InMemoryRoomStore();
    final BoardId board = BoardId.random();
    final List<String> events = new ArrayList<>();
    RoomConfig config;
    RoomRegistry registry;
    int sessions;

    @BeforeEach
    void setUp() {
        useConfig(new RoomConfig(1_000, Duration.ofSeconds(60), 1_000, 100, 100, Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }

    void useConfig(RoomConfig newConfig) {
        config = newConfig;
        registry = new RoomRegistry(store, clock, executor, config, new RoomListener() {
            @Override
            public void committed(BoardId b, StoredOp op) {
                events.add("committed " + op.seq());
            }

            @Override
            public void presence(BoardId b, SessionId session, Participant who, ClientMessage.Presence presence, Instant at) {
                events.add("presence " + who.userId());
            }
        });
    }

    /** One connection of a test client. */
    final class Conn {
        final SessionId id = new SessionId("s" + (++sessions));
        final RecordingSocket socket = new RecordingSocket();
        final BoardRoom room;
        final String clientId;

        Conn(BoardRoom room, String clientId) {
            this.room = room;
            this.clientId = clientId;
        }

        Conn push(long clientSeq, ObjectNode... elements) {
            room.receive(id, new ClientMessage.Push(clientSeq, List.of(elements)));
            executor.runAll();
            return this;
        }

        void send(ClientMessage message) {
            room.receive(id, message);
            executor.runAll();
        }

        void leave() {
            room.disconnect(id);
            executor.runAll();
        }

        List<Long> ackedSeqs() {
            return socket.all(ServerMessage.Ack.class).stream().map(ServerMessage.Ack::seq).toList();
        }

        List<Long> opSeqs() {
            return socket.all(ServerMessage.Op.class).stream().map(ServerMessage.Op::seq).toList();
        }

        ServerMessage.Welcome welcome() {
            return socket.last(ServerMessage.Welcome.class);
        }

        ServerMessage.Error error() {
            return socket.last(ServerMessage.Error.class);
        }
    }

    Conn connect(Participant who, String clientId, long lastSeq) {
        return connect(registry.room(board), who, clientId, lastSeq);
    }

    Conn connect(BoardRoom room, Participant who, String clientId, long lastSeq) {
        Conn conn = new Conn(room, clientId);
        room.connect(conn.id, conn.socket, who);
        room.receive(conn.id, new ClientMessage.Hello(1, clientId, lastSeq));
        executor.runAll();
        return conn;
    }

    List<ObjectNode> committedScene() throws Exception {
        CompletableFuture<List<ObjectNode>> scene = registry.room(board).scene().toCompletableFuture();
        executor.runAll();
        return scene.get(1, TimeUnit.SECONDS);
    }

    void tick(Duration advance) {
        clock.advance(advance);
        registry.tickAll();
        executor.runAll();
    }

    // ------------------------------------------------------------------ [S1]

    @Test
    @DisplayName("[S1] concurrent room() calls get one room, and the board is loaded once")
    void oneRoomUnderConcurrency() throws Exception {
        RoomRegistry shared = new RoomRegistry(store, clock, Runnable::run, config);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<BoardRoom>> rooms = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                rooms.add(threads.submit(() -> {
                    start.await();
                    return shared.room(board);
                }));
            }
            start.countDown();
            BoardRoom first = rooms.getFirst().get(10, TimeUnit.SECONDS);
            for (Future<BoardRoom> room : rooms) {
                assertSame(first, room.get(10, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, shared.size());
        assertEquals(1, store.loads(board));
    }

    @Test
    @DisplayName("[S1] a join during the load waits for it: no welcome before the board is loaded")
    void joinWaitsForLoad() {
        store.setManual(true);
        Conn ada = connect(ADA, "ada-tab", 0);
        Conn bob = connect(BOB, "bob-tab", 0);
        assertTrue(ada.socket.sent.isEmpty());
        assertTrue(bob.socket.sent.isEmpty());
        assertEquals(1, store.parked().size(), "one load for both joins");
        store.completeAll();
        executor.runAll();
        assertEquals(0, ada.welcome().head());
        assertEquals(0, bob.welcome().head());
        assertEquals(1, store.loads(board));
    }

    @Test
    @DisplayName("[S1] an idle room is unloaded after idleUnload; a later room() loads the board from the store")
    void idleUnload() throws Exception {
        Conn ada = connect(ADA, "ada-tab", 0);
        ada.push(1, rect("r1", 1, 10));
        ada.leave();
        tick(Duration.ofSeconds(29));
        assertEquals(1, registry.size());
        tick(Duration.ofSeconds(2));
        assertEquals(0, registry.size());
        Conn bob = connect(BOB, "bob-tab", 0);
        assertEquals(2, store.loads(board));
        assertEquals(1, bob.welcome().head());
        assertEquals(List.of(rect("r1", 1, 10)), committedScene());
    }

    @Test
    @DisplayName("[S1] a room with a session, or with unstored pushes, is never unloaded")
    void busyRoomStays() {
        Conn ada = connect(ADA, "ada-tab", 0);
        tick(Duration.ofMinutes(5));
        assertEquals(1, registry.size());
        store.failNextAppends(1);
        ada.push(1, rect("r1", 1, 10));
        ada.leave();
        clock.advance(Duration.ofMinutes(5)); // the retry and the unload check run in the same tick
        registry.tickAll();
        executor.runAll();
        assertEquals(1, store.head(board), "stored before unloading");
        tick(Duration.ofMinutes(1));
        assertEquals(0, registry.size());
    }

    @Test
    @DisplayName("[S1] a join that reaches a room after it unloaded is served by the board's new room")
    void noJoinLandsInAnUnloadedRoom() {
        Conn ada = connect(ADA, "ada-tab", 0);
        ada.push(1, rect("r1", 1, 10));
        ada.leave();
        BoardRoom stale = registry.room(board); // e.g. held by the transport
        tick(Duration.ofMinutes(1));
        assertEquals(0, registry.size());

        Conn bob = connect(stale, BOB, "bob-tab", 0);
        assertEquals(1, bob.welcome().head());
        assertEquals(1, registry.size());
        assertNotSame(stale, registry.room(board));
        bob.push(1, rect("r2", 1, 10));
        assertEquals(List.of(2L), bob.ackedSeqs(), "messages through the stale reference reach the new room");
        bob.leave();
        CompletableFuture<List<Participant>> present = registry.room(board).present().toCompletableFuture();
        executor.runAll();
        assertEquals(List.of(), present.getNow(null), "the leave reached the new room too");
    }

    // ------------------------------------------------------------------ [S2]

    @Test
    @DisplayName("[S2] pushes from several clients get consecutive seqs in arrival order")
    void totalOrder() {
        Conn ada = connect(ADA, "ada-tab", 0);
        Conn bob = connect(BOB, "bob-tab", 0);
        ada.push(1, rect("a", 1, 1));
        bob.push(1, rect("b", 1, 1));
        ada.push(2, rect("c", 1, 1));
        assertEquals(List.of(1L, 3L), ada.ackedSeqs());
        assertEquals(List.of(2L), bob.ackedSeqs());
        assertEquals(List.of(2L), ada.opSeqs());
        assertEquals(List.of(1L, 3L), bob.opSeqs());
        assertEquals(List.of(1L, 2L, 3L), store.ops(board).stream().map(StoredOp::seq).toList());
        assertEquals(List.of("committed 1", "committed 2", "committed 3"), events);
    }

    // ------------------------------------------------------------------ [S3]

    @Test
    @DisplayName("[S3] a push is stored before it is acknowledged or broadcast")
    void durableBeforeAck() throws Exception {
        Conn ada = connect(ADA, "ada-tab", 0);
        Conn bob = connect(BOB, "bob-tab", 0);
        store.setManual(true);
        ada.push(1, rect("r1", 1, 10));
        assertTrue(ada.socket.all(ServerMessage.Ack.class).isEmpty());
        assertTrue(bob.socket.all(ServerMessage.Op.class).isEmpty());
        assertEquals(0, store.head(board));
        store.completeAll();
        executor.runAll();
        assertEquals(List.of(1L), ada.ackedSeqs());
        assertTrue(ada.socket.all(ServerMessage.Op.class).isEmpty(), "the sender gets the ack, not its op");
        ServerMessage.Op op = bob.socket.last(ServerMessage.Op.class);
        assertEquals(1, op.seq());
        assertEquals("u-ada", op.author());
        assertEquals("ada-tab", op.clientId());
        assertEquals(1, op.clientSeq());
        assertEquals(clock.instant(), op.at());
        assertEquals(List.of(rect("r1", 1, 10)), committedScene());
    }

    @Test
    @DisplayName("[S3] while an append is in flight, later pushes queue and go together in the next batch")
    void groupCommit() {
        Conn ada = connect(ADA, "ada-tab", 0);
        store.setManual(true);
        ada.push(1, rect("a", 1, 1));
        ada.push(2, rect("b", 1, 1));
        ada.push(3, rect("c", 1, 1));
        ada.push(4, rect("d", 1, 1));
        assertEquals(1, store.parked().size());
        store.parked().getFirst().complete();
        executor.runAll();
        assertEquals(List.of(1L), ada.ackedSeqs());
        assertEquals(1, store.parked().size(), "the three queued pushes form one batch");
        store.parked().getFirst().complete();
        executor.runAll();
        assertEquals(List.of(1L, 2L, 3L, 4L), ada.ackedSeqs());
        assertEquals(2, store.appendCalls());
    }

    @Test
    @DisplayName("[S3] a batch holds at most maxBatchOps ops")
    void batchLimit() {
        useConfig(new RoomConfig(1_000, Duration.ofSeconds(60), 1_000, 2, 100, Duration.ofSeconds(1)));
        Conn ada = connect(ADA, "ada-tab", 0);
        store.setManual(true);
        for (int i = 1; i <= 5; i++) {
            ada.push(i, rect("e" + i, 1, 1));
        }
        List<Long> heads = new ArrayList<>();
        while (!store.parked().isEmpty()) {
            store.parked().getFirst().complete();
            executor.runAll();
            heads.add(store.head(board));
        }
        assertEquals(List.of(1L, 3L, 5L), heads, "the first push goes alone, the next four in batches of two");
    }

    // ------------------------------------------------------------------ [S4]

    @Test
    @DisplayName("[S4] a re-sent push is acknowledged again but applied once")
    void duplicatePush() {
        Conn ada = connect(ADA, "ada-tab", 0);
        Conn bob = connect(BOB, "bob-tab", 0);
        ada.push(1, rect("r1", 1, 10));
        ada.push(1, rect("r1", 1, 10));
        List<ServerMessage.Ack> acks = ada.socket.all(ServerMessage.Ack.class);
        assertEquals(ServerMessage.Ack.committed(1, 1), acks.get(0));
        assertEquals(ServerMessage.Ack.duplicate(1), acks.get(1));
        assertEquals(1, store.ops(board).size());
        assertEquals(1, bob.socket.all(ServerMessage.Op.class).size());
    }

    @Test
    @DisplayName("[S4] a newer connection with the same clientId replaces the old one (4000) and receives the in-flight ack")
    void reconnectDuringAppend() {
        Conn ada = connect(ADA, "ada-tab", 0);
        store.setManual(true);
        ada.push(1, rect("r1", 1, 10));
        Conn again = connect(ADA, "ada-tab", 0);
        assertEquals(CloseCodes.REPLACED, ada.socket.closeCode);
        again.push(1, rect("r1", 1, 10)); // re-sent while still in flight: not queued twice
        assertEquals(1, store.parked().size());
        store.completeAll();
        executor.runAll();
        assertEquals(List.of(1L), again.ackedSeqs());
        assertEquals(1, store.ops(board).size());
        assertTrue(store.parked().isEmpty());
    }

    @Test
    @DisplayName("[S4] after a restart, the stored cursors make already-applied pushes duplicates")
    void cursorsSurviveRestart() throws Exception {
        Conn ada = connect(ADA, "ada-tab", 0);
        ada.push(1, rect("a", 1, 1));
        ada.push(2, rect("b", 1, 1));
        registry.unload(board).toCompletableFuture();
        executor.runAll();
        assertEquals(0, registry.size());

        useConfig(config); // a new process: new registry, same store
        Conn back = connect(ADA, "ada-tab", 0);
        back.push(2, rect("b", 1, 1));
        back.push(3, rect("c", 1, 1));
        assertEquals(ServerMessage.Ack.duplicate(2), back.socket.all(ServerMessage.Ack.class).get(0));
        assertEquals(ServerMessage.Ack.committed(3, 3), back.socket.all(ServerMessage.Ack.class).get(1));
        assertEquals(3, store.ops(board).size());
    }

    // ------------------------------------------------------------------ [S5]

    @Test
    @DisplayName("[S5] the room's scene follows Excalidraw's merge rule; a stale update is stored but does not win")
    void mergeRule() throws Exception {
        Conn ada = connect(ADA, "ada-tab", 0);
        Conn bob = connect(BOB, "bob-tab", 0);
        ObjectNode v1 = rect("r1", 1, 10);
        ada.push(1, v1);
        ada.push(2, moved(v1, 5, 300, 300));
        bob.push(1, moved(v1, 7, 1, 1)); // same version 2, higher nonce: loses
        assertEquals(3, store.ops(board).size());
        List<ObjectNode> scene = committedScene();
        assertEquals(300, scene.getFirst().get("x").asInt());
        assertEquals(5, scene.getFirst().get("versionNonce").asInt());
    }

    // ------------------------------------------------------------------ [S6]

    @Test
    @DisplayName("[S6] a client behind by a few ops gets exactly the missing ops")
    void catchUpWithOps() {
        Conn ada = connect(ADA, "ada-tab", 0);
        ada.push(1, rect("a", 1, 1)).push(2, rect("b", 1, 1)).push(3, rect("c", 1, 1));
        Conn bob = connect(BOB, "bob-tab", 1);
        ServerMessage.Welcome welcome = bob.welcome();
        assertEquals(3, welcome.head());
        assertNull(welcome.snapshot());
        assertEquals(List.of(2L, 3L), welcome.ops().stream().map(ServerMessage.Op::seq).toList());
        assertEquals("ada-tab", welcome.ops().getFirst().clientId());
    }

    @Test
    @DisplayName("[S6] a gap larger than maxCatchupOps gets a snapshot at head")
    void catchUpWithSnapshot() throws Exception {
        useConfig(new RoomConfig(1_000, Duration.ofSeconds(60), 2, 100, 100, Duration.ofSeconds(1)));
        Conn ada = connect(ADA, "ada-tab", 0);
        for (int i = 1; i <= 5; i++) {
            ada.push(i, rect("e" + i, 1, 1, "a" + i));
        }
        ServerMessage.Welcome welcome = connect(BOB, "bob-tab", 1).welcome();
        assertEquals(List.of(), welcome.ops());
        assertEquals(5, welcome.snapshot().seq());
        assertEquals(committedScene(), welcome.snapshot().elements());
        ServerMessage.Welcome close = connect(CY, "cy-tab", 3).welcome();
        assertEquals(List.of(4L, 5L), close.ops().stream().map(ServerMessage.Op::seq).toList());
    }

    @Test
    @DisplayName("[S6] a lastSeq beyond the head (unknown history) gets a snapshot; an up-to-date client gets nothing")
    void catchUpEdgeCases() {
        Conn ada = connect(ADA, "ada-tab", 0);
        ada.push(1, rect("a", 1, 1));
        ServerMessage.Welcome ahead = connect(BOB, "bob-tab", 99).welcome();
        assertEquals(1, ahead.snapshot().seq());
        ServerMessage.Welcome current = connect(CY, "cy-tab", 1).welcome();
        assertNull(current.snapshot());
        assertEquals(List.of(), current.ops());
    }

    @Test
    @DisplayName("[S6] the welcome lists the live peers and the newcomer is announced to them, each with a stable colour")
    void peers() {
        Conn ada = connect(ADA, "ada-tab", 0);
        Conn bob = connect(BOB, "bob-tab", 0);
        ServerMessage.Welcome welcome = bob.welcome();
        assertEquals(bob.id.value(), welcome.sessionId());
        assertEquals("u-bob", welcome.you().userId());
        assertEquals("candidate", welcome.you().role());
        assertEquals(List.of("u-ada"), welcome.peers().stream().map(ServerMessage.Peer::userId).toList());
        ServerMessage.PeerJoined joined = ada.socket.last(ServerMessage.PeerJoined.class);
        assertEquals(welcome.you(), joined.peer());
        assertNotEquals(ada.welcome().you().color(), welcome.you().color());

        bob.leave();
        assertEquals(new ServerMessage.PeerLeft(bob.id.value()), ada.socket.last(ServerMessage.PeerLeft.class));
        Conn bobAgain = connect(BOB, "bob-tab-2", 0);
        assertEquals(welcome.you().color(), bobAgain.welcome().you().color(), "same user, same colour");
    }

    // ------------------------------------------------------------------ [S7]

    @Test
    @DisplayName("[S7] a snapshot is stored every snapshotEveryOps ops")
    void snapshotByCount() throws Exception {
        useConfig(new RoomConfig(3, Duration.ofHours(1), 1_000, 100, 100, Duration.ofSeconds(1)));
        Conn ada = connect(ADA, "ada-tab", 0);
        ada.push(1, rect("a", 1, 1)).push(2, rect("b", 1, 1));
        assertTrue(store.snapshot(board).isEmpty());
        ada.push(3, rect("c", 1, 1));
        assertEquals(3, store.snapshot(board).orElseThrow().seq());
        assertEquals(committedScene(), store.snapshot(board).orElseThrow().elements());
    }

    @Test
    @DisplayName("[S7] a snapshot is stored after snapshotEvery when an op is new, and not without a new op")
    void snapshotByTime() {
        Conn ada = connect(ADA, "ada-tab", 0);
        tick(Duration.ofSeconds(61));
        assertTrue(store.snapshots(board).isEmpty(), "no op, no snapshot");
        ada.push(1, rect("a", 1, 1));
        tick(Duration.ofSeconds(1));
        assertEquals(1, store.snapshots(board).size(), "the last snapshot (the load) is older than snapshotEvery");
        ada.push(2, rect("b", 1, 1));
        tick(Duration.ofSeconds(30));
        assertEquals(1, store.snapshots(board).size());
        tick(Duration.ofSeconds(31));
        assertEquals(2, store.snapshots(board).size());
        tick(Duration.ofSeconds(61));
        assertEquals(2, store.snapshots(board).size(), "no new op, no snapshot");
    }

    @Test
    @DisplayName("[S7] time-based snapshots wait snapshotEvery after the previous one")
    void snapshotByTimeAfterLoad() {
        Conn ada = connect(ADA, "ada-tab", 0);
        ada.push(1, rect("a", 1, 1));
        tick(Duration.ofSeconds(30));
        assertTrue(store.snapshots(board).isEmpty());
        tick(Duration.ofSeconds(31));
        assertEquals(1, store.snapshots(board).size());
        tick(Duration.ofSeconds(61));
        assertEquals(1, store.snapshots(board).size());
    }

    @Test
    @DisplayName("[S7] a failed snapshot is only logged: ops stay acknowledged and a later snapshot succeeds")
    void snapshotFailure() {
        useConfig(new RoomConfig(2, Duration.ofHours(1), 1_000, 100, 100, Duration.ofSeconds(1)));
        Conn ada = connect(ADA, "ada-tab", 0);
        store.failNextSnapshots(1);
        ada.push(1, rect("a", 1, 1)).push(2, rect("b", 1, 1));
        assertEquals(List.of(1L, 2L), ada.ackedSeqs());
        assertTrue(store.snapshot(board).isEmpty());
        clock.advance(Duration.ofSeconds(2));
        ada.push(3, rect("c", 1, 1));
        assertEquals(3, store.snapshot(board).orElseThrow().seq());
    }

    @Test
    @DisplayName("[S7] a reloaded room starts from the snapshot plus the ops after it")
    void loadFromSnapshot() throws Exception {
        useConfig(new RoomConfig(2, Duration.ofHours(1), 1_000, 100, 100, Duration.ofSeconds(1)));
        Conn ada = connect(ADA, "ada-tab", 0);
        ObjectNode a = rect("a", 1, 1, "a0");
        ada.push(1, a).push(2, rect("b", 1, 1, "a1")).push(3, moved(a, 2, 5, 5));
        List<ObjectNode> before = committedScene();
        ada.leave();
        registry.unload(board);
        executor.runAll();
        assertEquals(3, store.snapshot(board).orElseThrow().seq(), "final snapshot on unload");
        useConfig(config);
        assertEquals(before, committedScene());
    }

    // ------------------------------------------------------------------ [S8]

    @Test
    @DisplayName("[S8] presence goes to the others only, latest wins, reaches newcomers and is never stored")
    void presence() {
        Conn ada = connect(ADA, "ada-tab", 0);
        Conn bob = connect(BOB, "bob-tab", 0);
        ClientMessage.Presence first = new ClientMessage.Presence(new ClientMessage.Cursor(1, 2), List.of(), null, null,
                ClientMessage.Idle.ACTIVE);
        ClientMessage.Presence second = new ClientMessage.Presence(new ClientMessage.Cursor(3, 4), List.of("r1"), null, null,
                ClientMessage.Idle.IDLE);
        ada.send(first);
        ada.send(second);
        assertTrue(ada.socket.all(ServerMessage.PeerPresence.class).isEmpty());
        assertEquals(ServerMessage.PeerPresence.of(ada.id.value(), "u-ada", second), bob.socket.last(ServerMessage.PeerPresence.class));
        Conn cy = connect(CY, "cy-tab", 0);
        assertEquals(List.of(ServerMessage.PeerPresence.of(ada.id.value(), "u-ada", second)),
                cy.socket.all(ServerMessage.PeerPresence.class), "only the latest presence");
        assertEquals(0, store.ops(board).size());
        assertEquals(List.of("presence u-ada", "presence u-ada"), events);
    }

    @Test
    @DisplayName("[S8] signals reach the session they name, or every other one, stamped with the sender; never stored")
    void signals() {
        Conn ada = connect(ADA, "ada-tab", 0);
        Conn bob = connect(BOB, "bob-tab", 0);
        Conn oli = connect(OLI, "oli-tab", 0);
        ObjectNode offer = JsonNodeFactory.instance.objectNode().put("type", "offer").put("sdp", "v=0");
        ada.send(new ClientMessage.Signal(bob.id.value(), "offer", offer));
        assertEquals(new ServerMessage.Signal(ada.id.value(), "offer", offer), bob.socket.last(ServerMessage.Signal.class));
        assertTrue(oli.socket.all(ServerMessage.Signal.class).isEmpty(), "only the named session");
        oli.send(new ClientMessage.Signal(null, "call-join", null));
        assertEquals(new ServerMessage.Signal(oli.id.value(), "call-join", null), ada.socket.last(ServerMessage.Signal.class));
        assertEquals(new ServerMessage.Signal(oli.id.value(), "call-join", null), bob.socket.last(ServerMessage.Signal.class));
        assertTrue(oli.socket.all(ServerMessage.Signal.class).isEmpty(), "not back to the sender");
        int before = ada.socket.sent.size() + bob.socket.sent.size() + oli.socket.sent.size();
        ada.send(new ClientMessage.Signal(ada.id.value(), "offer", offer));
        ada.send(new ClientMessage.Signal("s-gone", "offer", offer));
        assertEquals(before, ada.socket.sent.size() + bob.socket.sent.size() + oli.socket.sent.size(),
                "not to itself; a session that left is not there");
        assertTrue(ada.socket.sent.stream().noneMatch(m -> m instanceof ServerMessage.Error));
        assertEquals(0, store.ops(board).size());
    }

    // ------------------------------------------------------------------ [S9]

    @Test
    @DisplayName("[S9] push, presence and signals before the welcome are refused with not_joined, without affecting others")
    void notJoined() {
        Conn ada = connect(ADA, "ada-tab", 0);
        BoardRoom room = registry.room(board);
        Conn early = new Conn(room, "x");
        room.connect(early.id, early.socket, BOB);
        early.push(5, rect("r1", 1, 1));
        assertEquals(ErrorCode.NOT_JOINED, early.error().code());
        assertEquals(5L, early.error().clientSeq());
        early.send(new ClientMessage.Presence(null, List.of(), null, null, ClientMessage.Idle.ACTIVE));
        assertEquals(ErrorCode.NOT_JOINED, early.error().code());
        early.send(new ClientMessage.Signal(ada.id.value(), "offer", null));
        assertEquals(ErrorCode.NOT_JOINED, early.error().code());
        assertTrue(ada.socket.all(ServerMessage.Signal.class).isEmpty());
        assertEquals(0, store.ops(board).size());
        assertTrue(ada.socket.sent.stream().noneMatch(m -> m instanceof ServerMessage.Error));
    }

    @Test
    @DisplayName("[S9] a second hello on a connection is already_joined")
    void secondHello() {
        Conn ada = connect(ADA, "ada-tab", 0);
        ada.send(new ClientMessage.Hello(1, "ada-tab", 0));
        assertEquals(ErrorCode.ALREADY_JOINED, ada.error().code());
        assertEquals(1, ada.socket.all(ServerMessage.Welcome.class).size());
    }

    @Test
    @DisplayName("[S9] ping is answered with pong, before and after joining; unknown sessions are ignored")
    void ping() {
        BoardRoom room = registry.room(board);
        Conn conn = new Conn(room, "x");
        room.connect(conn.id, conn.socket, ADA);
        conn.send(new ClientMessage.Ping(7));
        assertEquals(new ServerMessage.Pong(7), conn.socket.last(ServerMessage.Pong.class));
        room.receive(new SessionId("nobody"), new ClientMessage.Ping(1));
        room.disconnect(new SessionId("nobody"));
        executor.runAll();
    }

    @Test
    @DisplayName("[S9] a socket that throws does not break the room for the others")
    void throwingSocket() {
        BoardRoom room = registry.room(board);
        SessionId broken = new SessionId("broken");
        room.connect(broken, new RoomSocket() {
            @Override
            public void send(ServerMessage message) {
                throw new IllegalStateException("socket closed");
            }

            @Override
            public void close(int code, String reason) {
                throw new IllegalStateException("socket closed");
            }
        }, CY);
        room.receive(broken, new ClientMessage.Hello(1, "broken-tab", 0));
        Conn ada = connect(ADA, "ada-tab", 0);
        Conn bob = connect(BOB, "bob-tab", 0);
        ada.push(1, rect("r1", 1, 1));
        assertEquals(List.of(1L), ada.ackedSeqs());
        assertEquals(List.of(1L), bob.opSeqs());
    }

    // ------------------------------------------------------------------ [S12]

    /** The same element, one version later, protected or not. */
    static ObjectNode protectedAs(ObjectNode element, boolean on, int nonce) {
        ObjectNode e = TestElements.next(element, nonce);
        e.putObject("customData").put("protected", on);
        return e;
    }

    @Test
    @DisplayName("[S12] a candidate's push that moves, edits, deletes or protects a protected element is refused whole, with the stored versions")
    void protectedElementsRefuseACandidatesChange() throws Exception {
        Conn ada = connect(ADA, "ada-tab", 0);
        Conn bob = connect(BOB, "bob-tab", 0);
        ObjectNode heading = protectedAs(TestElements.text("heading", 1, 1, "a0", "1 · Clarify requirements"), true, 2);
        ada.push(1, heading);
        List<ObjectNode> before = committedScene();

        bob.push(1, rect("mine", 1, 1, "a1"), moved(heading, 9, 500, 500));
        ServerMessage.Error refused = bob.error();
        assertEquals(ErrorCode.PROTECTED, refused.code());
        assertEquals(1L, refused.clientSeq());
        assertFalse(refused.retryable());
        assertEquals(List.of(heading), refused.elements(), "the stored versions of the push's elements the board has");
        assertTrue(refused.message().contains("the text \"1 · Clarify requirements\""), refused.message());
        assertEquals(before, committedScene());

        bob.push(2, TestElements.deleted(heading, 10));
        assertEquals(2L, bob.error().clientSeq());
        ObjectNode edited = TestElements.next(heading, 11).put("text", "mine now");
        bob.push(3, edited);
        assertEquals(3L, bob.error().clientSeq());
        bob.push(4, protectedAs(heading, false, 12));
        assertEquals(4L, bob.error().clientSeq());
        bob.push(5, protectedAs(rect("claimed", 1, 1, "a2"), true, 3));
        assertEquals(ErrorCode.PROTECTED, bob.error().code());
        assertEquals(5L, bob.error().clientSeq());
        assertEquals(List.of(), bob.error().elements());

        assertEquals(before, committedScene());
        assertEquals(1, store.ops(board).size());
        bob.push(6, rect("mine", 1, 1, "a1"));
        assertEquals(List.of(2L), bob.ackedSeqs());
    }

    @Test
    @DisplayName("[S12] interviewers change protected elements and protect or unprotect any, each an op in the log; unprotected, it is the candidate's too")
    void interviewersProtectAndUnprotect() throws Exception {
        Conn ada = connect(ADA, "ada-tab", 0);
        Conn cy = connect(CY, "cy-tab", 0);
        Conn bob = connect(BOB, "bob-tab", 0);
        ObjectNode frame = protectedAs(rect("frame", 1, 1), true, 2);
        ada.push(1, frame);
        ObjectNode movedByCy = moved(frame, 3, 40, 40);
        cy.push(1, movedByCy);
        ObjectNode unprotected = protectedAs(movedByCy, false, 4);
        ada.push(2, unprotected);
        bob.push(1, moved(unprotected, 5, 80, 80));

        assertEquals(List.of(2L), cy.ackedSeqs());
        assertEquals(List.of(4L), bob.ackedSeqs());
        List<StoredOp> log = store.ops(board);
        assertEquals(4, log.size());
        assertTrue(ProtectedElements.isProtected(log.get(1).elements().getFirst()));
        assertFalse(ProtectedElements.isProtected(log.get(2).elements().getFirst()));
        assertEquals(80, committedScene().getFirst().get("x").asInt());
    }

    @Test
    @DisplayName("[S12] binding an arrow to a protected element (its boundElements only) is open to everyone")
    void bindingToAProtectedElementIsOpen() throws Exception {
        Conn ada = connect(ADA, "ada-tab", 0);
        Conn bob = connect(BOB, "bob-tab", 0);
        ObjectNode frame = protectedAs(rect("frame", 1, 1), true, 2);
        ada.push(1, frame);
        ObjectNode bound = TestElements.next(frame, 7);
        bound.putArray("boundElements").addObject().put("id", "arrow").put("type", "arrow");
        bob.push(1, TestElements.arrow("arrow", 1, 1, "a1"), bound);
        assertEquals(List.of(2L), bob.ackedSeqs());
        assertEquals(2, store.ops(board).size());
    }

    // ------------------------------------------------------------------ [S10]

    @Test
    @DisplayName("[S10] observers cannot push (forbidden) but may send presence")
    void observer() {
        Conn oli = connect(OLI, "oli-tab", 0);
        Conn ada = connect(ADA, "ada-tab", 0);
        oli.push(1, rect("r1", 1, 1));
        assertEquals(ErrorCode.FORBIDDEN, oli.error().code());
        assertEquals(1L, oli.error().clientSeq());
        assertFalse(oli.error().retryable());
        assertEquals(0, store.ops(board).size());
        oli.send(new ClientMessage.Presence(new ClientMessage.Cursor(1, 1), List.of(), null, null, ClientMessage.Idle.ACTIVE));
        assertEquals("u-oli", ada.socket.last(ServerMessage.PeerPresence.class).userId());
    }

    @Test
    @DisplayName("[S10] another user cannot take over a clientId that is in use")
    void clientIdTakeover() {
        Conn ada = connect(ADA, "shared-tab", 0);
        Conn bob = connect(BOB, "shared-tab", 0);
        assertEquals(ErrorCode.FORBIDDEN, bob.error().code());
        assertNull(ada.socket.closeCode);
        ada.push(1, rect("r1", 1, 1));
        assertEquals(List.of(1L), ada.ackedSeqs());
    }

    // ------------------------------------------------------------------ [S11]

    @Test
    @DisplayName("[S11] with the store down a push is held, never acknowledged, and stored on retry after retryBackoff")
    void storeUnavailable() {
        Conn ada = connect(ADA, "ada-tab", 0);
        Conn bob = connect(BOB, "bob-tab", 0);
        store.failNextAppends(2);
        ada.push(1, rect("r1", 1, 1));
        assertTrue(ada.socket.all(ServerMessage.Ack.class).isEmpty());
        assertEquals(ErrorCode.STORE_UNAVAILABLE, ada.error().code());
        assertTrue(ada.error().retryable());
        assertEquals(1L, ada.error().clientSeq());
        assertTrue(bob.socket.all(ServerMessage.Op.class).isEmpty());
        ada.push(2, rect("r2", 1, 1)); // queued behind the held batch
        tick(Duration.ofMillis(500));
        assertEquals(1, store.appendCalls(), "no retry before retryBackoff");
        tick(Duration.ofMillis(600)); // retry fails again
        tick(Duration.ofSeconds(1));
        assertEquals(List.of(1L, 2L), ada.ackedSeqs());
        assertEquals(List.of(1L, 2L), bob.opSeqs());
        assertEquals(2, store.ops(board).size());
    }

    @Test
    @DisplayName("[S11] an ambiguous commit (stored, but reported failed) is retried without duplicating the op")
    void ambiguousCommit() {
        Conn ada = connect(ADA, "ada-tab", 0);
        store.failNextAppendsAfterCommit(1);
        ada.push(1, rect("r1", 1, 1));
        assertTrue(ada.socket.all(ServerMessage.Ack.class).isEmpty());
        tick(Duration.ofSeconds(1));
        assertEquals(List.of(1L), ada.ackedSeqs());
        assertEquals(1, store.ops(board).size());
    }

    @Test
    @DisplayName("[S11] a store conflict refuses pending pushes (retryable), closes with 4012, and the next room loads the log")
    void storeConflict() {
        Conn ada = connect(ADA, "ada-tab", 0);
        Conn bob = connect(BOB, "bob-tab", 0);
        store.setManual(true);
        ada.push(1, rect("mine", 1, 1));
        ada.push(2, rect("mine2", 1, 1));
        store.setManual(false);
        store.append(board, List.of(new StoredOp(1, "u-zed", "zed-tab", 1, clock.instant(), List.of(rect("theirs", 1, 1)))));
        store.parked().getFirst().complete();
        executor.runAll();
        ServerMessage.Error error = ada.error();
        assertEquals(ErrorCode.STORE_CONFLICT, error.code());
        assertTrue(error.retryable());
        assertEquals(1L, error.clientSeq());
        assertEquals(CloseCodes.BOARD_RELOADED, ada.socket.closeCode);
        assertEquals(CloseCodes.BOARD_RELOADED, bob.socket.closeCode);
        assertTrue(ada.socket.all(ServerMessage.Ack.class).isEmpty());
        assertEquals(0, registry.size());

        Conn back = connect(ADA, "ada-tab", 0);
        assertEquals(1, back.welcome().head());
        back.push(1, rect("mine", 1, 1)).push(2, rect("mine2", 1, 1));
        assertEquals(List.of(2L, 3L), back.ackedSeqs());
        assertEquals(List.of("zed-tab", "ada-tab", "ada-tab"), store.ops(board).stream().map(StoredOp::clientId).toList());
    }

    @Test
    @DisplayName("[N4] an append fenced because another node took the board closes every socket with 4013, acknowledging nothing")
    void aFencedAppendClosesWithBoardMoved() {
        Conn ada = connect(ADA, "ada-tab", 0);
        Conn bob = connect(BOB, "bob-tab", 0);
        store.setManual(true);
        ada.push(1, rect("mine", 1, 1));
        store.setManual(false);
        store.parked().getFirst().failWith(new BoardMovedException("taken by node-b", "node-b"));
        executor.runAll();
        assertEquals(ErrorCode.STORE_CONFLICT, ada.error().code());
        assertTrue(ada.socket.all(ServerMessage.Ack.class).isEmpty());
        assertEquals(CloseCodes.BOARD_MOVED, ada.socket.closeCode);
        assertEquals(CloseCodes.BOARD_MOVED, bob.socket.closeCode);
        assertEquals(0, registry.size());
        assertTrue(store.ops(board).isEmpty());
    }

    @Test
    @DisplayName("[N4] a board another node owns is not opened here: its sockets close with 4013 and reconnect")
    void aBoardOwnedElsewhereClosesWithBoardMoved() {
        store.setManual(true);
        BoardRoom room = registry.room(board);
        Conn ada = connect(room, ADA, "ada-tab", 0);
        store.setManual(false);
        store.parked().getFirst().failWith(new BoardMovedException("owned by node-b", "node-b"));
        executor.runAll();
        assertEquals(CloseCodes.BOARD_MOVED, ada.socket.closeCode);
        assertEquals(0, registry.size());
    }

    @Test
    @DisplayName("[N4] rooms whose board this node lost are closed with 4013; a room loaded after the list was read is kept")
    void evictsTheRoomsOfBoardsThisNodeLost() {
        Conn ada = connect(ADA, "ada-tab", 0);
        ada.push(1, rect("mine", 1, 1));
        Instant loaded = clock.instant();

        assertEquals(0, registry.evictUnowned(Set.of(), loaded));
        assertEquals(0, registry.evictUnowned(Set.of(board), loaded.plusSeconds(1)));
        executor.runAll();
        assertNull(ada.socket.closeCode);

        assertEquals(1, registry.evictUnowned(Set.of(), loaded.plusSeconds(1)));
        executor.runAll();
        assertEquals(CloseCodes.BOARD_MOVED, ada.socket.closeCode);
        assertEquals(0, registry.size());
        assertEquals(List.of(1L), ada.ackedSeqs());
    }

    @Test
    @DisplayName("[S11] beyond maxPendingOps pushes are refused with room_overloaded, and later ones wait for the refused one")
    void overload() {
        useConfig(new RoomConfig(1_000, Duration.ofSeconds(60), 1_000, 100, 2, Duration.ofSeconds(1)));
        Conn ada = connect(ADA, "ada-tab", 0);
        store.setManual(true);
        ada.push(1, rect("a", 1, 1)).push(2, rect("b", 1, 1)).push(3, rect("c", 1, 1));
        assertEquals(ErrorCode.ROOM_OVERLOADED, ada.error().code());
        assertTrue(ada.error().retryable());
        assertEquals(3L, ada.error().clientSeq());
        store.completeAll();
        executor.runAll();
        store.completeAll();
        executor.runAll();
        ada.push(4, rect("d", 1, 1));
        assertEquals(4L, ada.error().clientSeq(), "4 must wait until 3 is re-sent");
        ada.push(3, rect("c", 1, 1)).push(4, rect("d", 1, 1));
        store.completeAll();
        executor.runAll();
        store.completeAll();
        executor.runAll();
        assertEquals(List.of(1L, 2L, 3L, 4L), ada.ackedSeqs());
        assertEquals(List.of(1L, 2L, 3L, 4L), store.ops(board).stream().map(StoredOp::clientSeq).toList());
    }

    @Test
    @DisplayName("[S4][S11] a push refused by the rate limit holds later pushes until it is re-sent, so it is never taken for a duplicate")
    void rateLimitedPushIsHeld() {
        Conn ada = connect(ADA, "ada-tab", 0);
        ada.push(1, rect("a", 1, 1));
        registry.room(board).refuse(ada.id, new ClientMessage.Push(2, List.of(rect("b", 1, 1))), ErrorCode.RATE_LIMITED, "slow down");
        ada.push(3, rect("c", 1, 1));
        executor.runAll();
        List<ServerMessage.Error> errors = ada.socket.all(ServerMessage.Error.class);
        assertEquals(List.of(2L, 3L), errors.stream().map(ServerMessage.Error::clientSeq).toList());
        assertEquals(ErrorCode.RATE_LIMITED, errors.get(0).code());
        assertTrue(errors.stream().allMatch(ServerMessage.Error::retryable));
        ada.push(2, rect("b", 1, 1)).push(3, rect("c", 1, 1));
        executor.runAll();
        assertEquals(List.of(1L, 2L, 3L), store.ops(board).stream().map(StoredOp::clientSeq).toList());
        assertEquals(List.of(1L, 2L, 3L), ada.ackedSeqs());
        assertFalse(ada.socket.sent.stream().anyMatch(m -> m instanceof ServerMessage.Ack ack && Boolean.TRUE.equals(ack.duplicate())),
                "no re-sent push is acknowledged as a duplicate");
    }

    @Test
    @DisplayName("[S4][S11] a push refused by the rate limit through a stale room reference is held by the board's new room")
    void rateLimitedPushThroughAStaleRoomIsHeld() {
        Conn ada = connect(ADA, "ada-tab", 0);
        ada.leave();
        BoardRoom stale = registry.room(board); // e.g. held by the transport
        tick(Duration.ofMinutes(1));
        assertEquals(0, registry.size());

        Conn back = connect(stale, ADA, "ada-tab", 0);
        back.push(1, rect("a", 1, 1));
        stale.refuse(back.id, new ClientMessage.Push(2, List.of(rect("b", 1, 1))), ErrorCode.RATE_LIMITED, "slow down");
        back.push(3, rect("c", 1, 1));
        executor.runAll();
        List<ServerMessage.Error> errors = back.socket.all(ServerMessage.Error.class);
        assertEquals(List.of(2L, 3L), errors.stream().map(ServerMessage.Error::clientSeq).toList(), "3 waits for 2");
        back.push(2, rect("b", 1, 1)).push(3, rect("c", 1, 1));
        assertEquals(List.of(1L, 2L, 3L), store.ops(board).stream().map(StoredOp::clientSeq).toList());
        assertEquals(List.of(1L, 2L, 3L), back.ackedSeqs());
    }

    @Test
    @DisplayName("[S11] unload completes only after everything accepted is stored")
    void unloadWaitsForStore() {
        Conn ada = connect(ADA, "ada-tab", 0);
        store.setManual(true);
        ada.push(1, rect("a", 1, 1));
        CompletableFuture<Void> unloaded = registry.unload(board).toCompletableFuture();
        executor.runAll();
        assertEquals(CloseCodes.GOING_AWAY, ada.socket.closeCode);
        assertFalse(unloaded.isDone());
        store.parked().getFirst().fail();
        executor.runAll();
        tick(Duration.ofSeconds(1)); // retry
        assertFalse(unloaded.isDone());
        while (!store.parked().isEmpty()) {
            store.parked().getFirst().complete();
            executor.runAll();
        }
        assertTrue(unloaded.isDone());
        assertEquals(1, store.ops(board).size());
        assertEquals(0, registry.size());
    }

    @Test
    @DisplayName("[S11] a failed load tells joiners to retry (1013) and a later join loads again")
    void loadFailure() {
        store.failNextLoads(1);
        Conn ada = connect(ADA, "ada-tab", 0);
        assertEquals(ErrorCode.STORE_UNAVAILABLE, ada.error().code());
        assertEquals(CloseCodes.TRY_AGAIN_LATER, ada.socket.closeCode);
        assertEquals(0, registry.size());
        Conn again = connect(ADA, "ada-tab", 0);
        assertEquals(0, again.welcome().head());
    }
}
