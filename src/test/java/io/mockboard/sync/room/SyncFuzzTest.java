package io.mockboard.sync.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.replay.RecordedOp;
import io.mockboard.replay.Seek;
import io.mockboard.sync.BoardId;
import io.mockboard.sync.BoardLog;
import io.mockboard.sync.protocol.ClientCodec;
import io.mockboard.sync.protocol.ClientMessage;
import io.mockboard.sync.protocol.ElementList;
import io.mockboard.sync.protocol.ErrorCode;
import io.mockboard.sync.protocol.ProtocolCodec;
import io.mockboard.sync.protocol.ProtocolException;
import io.mockboard.sync.protocol.ServerMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seeded, deterministic fuzzing of the whole sync engine: simulated clients (each with a local scene under
 * the same merge rule, a queue of unacknowledged pushes, a clientSeq counter and a lastSeq) edit a board
 * through a simulated network (FIFO per connection; deliveries, room tasks and store completions
 * interleave in a seed-determined order), with disconnects, reconnects, store failures, ambiguous commits
 * and server crashes. Invariants are checked after every step; at the end everyone must converge.
 *
 * <p>{@code -Dmockboard.fuzz.seeds=N} runs seeds 1..N (default 300); {@code -Dmockboard.fuzz.seed=S} runs one.
 */
class SyncFuzzTest {

    static final BoardId BOARD = new BoardId(UUID.fromString("00000000-0000-4000-8000-00000000f022"));
    static final ProtocolCodec CODEC = new ProtocolCodec();
    static final ClientCodec CLIENT = new ClientCodec(CODEC);

    @Test
    @DisplayName("[S1-S11] seeded fuzz: every client converges to the server's scene, which is a replay of the op log")
    void fuzz() {
        String one = System.getProperty("mockboard.fuzz.seed");
        if (one != null) {
            runSeed(Long.parseLong(one));
            return;
        }
        int seeds = Integer.getInteger("mockboard.fuzz.seeds", 300);
        for (long seed = 1; seed <= seeds; seed++) {
            runSeed(seed);
        }
        System.out.println("sync fuzz: " + seeds + " seeds, " + STATS);
    }

    /** What the runs exercised (printed after the default run, to see that the chaos is real). */
    static final Map<String, Integer> STATS = new java.util.TreeMap<>();

    static void count(String what) {
        STATS.merge(what, 1, Integer::sum);
    }

    // ---- pinned seeds that once failed (keep them forever)

    @Test
    @DisplayName("[S11] regression seed 3: overloaded clients re-sending in a loop while no time passes still converge")
    void regressionSeed3() {
        runSeed(3);
    }

    static void runSeed(long seed) {
        try {
            new Simulation(seed).run();
        } catch (Throwable t) {
            throw new AssertionError("sync fuzz failed for seed " + seed + " (re-run with -Dmockboard.fuzz.seed="
                    + seed + "): " + t.getMessage(), t);
        }
    }

    // ---------------------------------------------------------------------------------------------------

    /** Marks a server-side close in a connection's inbound queue. */
    private record Close(int code) {
    }

    private static final class Conn implements RoomSocket {
        final SessionId id;
        final BoardRoom room;
        final int incarnation;
        final ArrayDeque<String> toServer = new ArrayDeque<>();
        final ArrayDeque<Object> toClient = new ArrayDeque<>();
        boolean welcomed;
        boolean closedByServer;

        Conn(SessionId id, BoardRoom room, int incarnation) {
            this.id = id;
            this.room = room;
            this.incarnation = incarnation;
        }

        @Override
        public void send(ServerMessage message) {
            if (!closedByServer) {
                toClient.add(CODEC.encode(message));
            }
        }

        @Override
        public void close(int code, String reason) {
            if (!closedByServer) {
                closedByServer = true;
                toClient.add(new Close(code));
            }
        }
    }

    private static final class Client {
        final String clientId;
        final Participant who;
        Scene scene = new Scene();
        final LinkedHashMap<Long, List<ObjectNode>> pending = new LinkedHashMap<>();
        final Set<Long> acked = new HashSet<>();
        long nextClientSeq = 1;
        long lastSeq;
        int created;
        Conn conn;
        boolean resendWanted;

        Client(String clientId, Participant who) {
            this.clientId = clientId;
            this.who = who;
        }

        boolean live() {
            return conn != null && conn.welcomed && !conn.closedByServer;
        }
    }

    static final class Simulation {
        final long seed;
        final SplittableRandom random;
        final InMemoryRoomStore store = new InMemoryRoomStore();
        final MutableClock clock = new MutableClock();
        final RoomConfig config;
        final List<Client> clients = new ArrayList<>();
        final double failRate;
        final double ambiguousRate;
        final double crashRate;
        ManualExecutor executor;
        RoomRegistry registry;
        int incarnation;
        int sessions;
        int crashes;

        // mirror of the store's log, folded incrementally
        final List<StoredOp> log = new ArrayList<>();
        final Map<String, Set<Long>> logClientSeqs = new HashMap<>();
        Scene logScene = new Scene();
        int snapshotsChecked;
        // the live room's scene at each head it had, to check the replay's seek against at the end
        final Map<Long, List<ObjectNode>> liveScenes = new java.util.TreeMap<>();

        Simulation(long seed) {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            this.config = new RoomConfig(1 + random.nextInt(8), Duration.ofSeconds(5), random.nextInt(6),
                    1 + random.nextInt(4), 3 + random.nextInt(20), Duration.ofSeconds(1), Duration.ofSeconds(10));
            this.failRate = random.nextInt(3) == 0 ? 0 : 0.05 + random.nextDouble() * 0.2;
            this.ambiguousRate = random.nextInt(2) == 0 ? 0 : random.nextDouble() * 0.1;
            this.crashRate = random.nextInt(3) == 0 ? 0 : 0.004;
            int n = 2 + random.nextInt(3);
            Role[] roles = {TestRoles.INTERVIEWER, TestRoles.CANDIDATE, TestRoles.CO_INTERVIEWER, TestRoles.ADMIN};
            for (int i = 0; i < n; i++) {
                clients.add(new Client("c" + i + "-" + Long.toHexString(seed),
                        new Participant("u" + i, "User " + i, roles[i % roles.length])));
            }
            store.setManual(true);
            boot();
        }

        void boot() {
            incarnation++;
            executor = new ManualExecutor();
            registry = new RoomRegistry(store, clock, executor, config);
        }

        void run() {
            int steps = 250 + random.nextInt(150);
            for (int step = 0; step < steps; step++) {
                step(true);
                checkInvariants();
            }
            quiesce();
        }

        // ------------------------------------------------------------------ one random step

        void step(boolean chaos) {
            int pick = random.nextInt(100);
            if (pick < 18) {
                edit(any());
            } else if (pick < 38) {
                deliverToServer();
            } else if (pick < 60) {
                deliverToClient();
            } else if (pick < 80) {
                executor.runNext();
            } else if (pick < 90) {
                completeStoreCall(chaos);
            } else if (pick < 92) {
                if (chaos) {
                    disconnect(any());
                }
            } else if (pick < 95) {
                reconnect(any());
            } else if (pick < 97) {
                clock.advance(Duration.ofMillis(random.nextInt(3_000)));
                registry.tickAll();
            } else if (pick < 98) {
                if (random.nextBoolean()) {
                    presence(any());
                } else {
                    noticeHalfOpen();
                }
            } else {
                Client client = any();
                if (client.resendWanted && client.live()) {
                    resendAll(client);
                }
            }
            if (chaos && crashRate > 0 && random.nextDouble() < crashRate && crashes < 3) {
                crash();
            }
        }

        Client any() {
            return clients.get(random.nextInt(clients.size()));
        }

        void edit(Client client) {
            List<ObjectNode> changes = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            int count = random.nextInt(8) == 0 ? 2 + random.nextInt(2) : 1;
            for (int i = 0; i < count; i++) {
                ObjectNode change = oneEdit(client);
                if (ids.add(change.get("id").asText())) {
                    changes.add(change);
                    client.scene.apply(change);
                }
            }
            long clientSeq = client.nextClientSeq++;
            client.pending.put(clientSeq, changes);
            if (client.live()) {
                send(client, new ClientMessage.Push(clientSeq, changes));
            }
        }

        ObjectNode oneEdit(Client client) {
            List<ObjectNode> all = client.scene.elements();
            int kind = random.nextInt(100);
            if (all.isEmpty() || kind < 22) {
                String id = client.clientId + "-" + (++client.created);
                int nonce = random.nextInt();
                return switch (random.nextInt(4)) {
                    case 0 -> TestElements.text(id, 1, nonce, index(), words());
                    case 1 -> TestElements.arrow(id, 1, nonce, index());
                    case 2 -> TestElements.rect(id, 1, nonce, index()).put("type", "ellipse");
                    default -> TestElements.rect(id, 1, nonce, index());
                };
            }
            ObjectNode base = all.get(random.nextInt(all.size()));
            ObjectNode next = TestElements.next(base, random.nextInt()).put("updated", 1_700_000_000_000L + clock.millis() % 1_000_000);
            if (Scene.isDeleted(base)) {
                return next.put("isDeleted", false); // restore
            }
            if (kind < 55) {
                return next.put("x", random.nextInt(2_000) - 1_000).put("y", random.nextInt(2_000) - 1_000);
            } else if (kind < 70) {
                if ("text".equals(base.get("type").asText())) {
                    String text = words();
                    return next.put("text", text).put("originalText", text);
                }
                return next.put("width", 1 + random.nextInt(500)).put("height", 1 + random.nextInt(500));
            } else if (kind < 85) {
                return next.put("isDeleted", true);
            }
            return next.put("index", index());
        }

        String index() {
            String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
            StringBuilder b = new StringBuilder("a");
            int length = 1 + random.nextInt(3);
            for (int i = 0; i < length; i++) {
                // a fraction never ends in '0' (Excalidraw's order keys)
                b.append(digits.charAt((i == length - 1 && i > 0 ? 1 : 0) + random.nextInt(digits.length() - (i == length - 1 && i > 0 ? 1 : 0))));
            }
            return b.toString();
        }

        String words() {
            String[] words = {"API gateway", "Postgres", "cache", "queue", "LB", "CDN", "shard", "replica", "worker"};
            return words[random.nextInt(words.length)] + " " + random.nextInt(100);
        }

        void presence(Client client) {
            if (client.live()) {
                send(client, new ClientMessage.Presence(new ClientMessage.Cursor(random.nextInt(1000), random.nextInt(1000)),
                        List.of(), new ClientMessage.Viewport(0, 0, 1280, 720, 1), null, ClientMessage.Idle.ACTIVE));
            }
        }

        void send(Client client, ClientMessage message) {
            client.conn.toServer.add(CLIENT.encode(message));
        }

        void resendAll(Client client) {
            client.resendWanted = false;
            client.pending.forEach((clientSeq, elements) -> send(client, new ClientMessage.Push(clientSeq, elements)));
        }

        void deliverToServer() {
            List<Conn> ready = new ArrayList<>();
            for (Client client : clients) {
                if (client.conn != null && !client.conn.toServer.isEmpty() && !client.conn.closedByServer) {
                    ready.add(client.conn);
                }
            }
            if (ready.isEmpty()) {
                return;
            }
            Conn conn = ready.get(random.nextInt(ready.size()));
            String frame = conn.toServer.poll();
            try {
                conn.room.receive(conn.id, CODEC.decode(frame));
            } catch (ProtocolException e) {
                fail("a client frame was refused: " + e.code() + " " + e.getMessage() + " in " + frame);
            }
        }

        void deliverToClient() {
            List<Client> ready = new ArrayList<>();
            for (Client client : clients) {
                if (client.conn != null && !client.conn.toClient.isEmpty()) {
                    ready.add(client);
                }
            }
            if (!ready.isEmpty()) {
                Client client = ready.get(random.nextInt(ready.size()));
                handle(client, client.conn.toClient.poll());
            }
        }

        void handle(Client client, Object delivery) {
            Conn conn = client.conn;
            if (delivery instanceof Close close) {
                count("close " + close.code());
                client.conn = null;
                if (conn.incarnation == incarnation) {
                    conn.room.disconnect(conn.id);
                }
                return;
            }
            ServerMessage message;
            try {
                message = CLIENT.decodeServer((String) delivery);
            } catch (ProtocolException e) {
                throw new AssertionError("unreadable server frame " + delivery, e);
            }
            switch (message) {
                case ServerMessage.Welcome welcome -> {
                    count(welcome.snapshot() != null ? "welcome with snapshot" : welcome.ops().isEmpty() ? "welcome up to date" : "welcome with ops");
                    assertTrue(!conn.welcomed, "one welcome per connection");
                    conn.welcomed = true;
                    if (welcome.snapshot() != null) {
                        assertEquals(welcome.head(), welcome.snapshot().seq());
                        client.scene = Scene.of(welcome.snapshot().elements());
                        client.pending.values().forEach(client.scene::applyAll);
                        client.lastSeq = welcome.snapshot().seq();
                    }
                    for (ServerMessage.Op op : welcome.ops()) {
                        applyOp(client, op, true);
                    }
                    assertEquals(welcome.head(), client.lastSeq, "welcome catch-up reaches the head");
                    resendAll(client);
                }
                case ServerMessage.Ack ack -> {
                    syncLog();
                    assertTrue(logClientSeqs.getOrDefault(client.clientId, Set.of()).contains(ack.clientSeq()),
                            "[S3] acked clientSeq " + ack.clientSeq() + " of " + client.clientId + " is in the log");
                    if (ack.seq() != null) {
                        assertEquals(client.lastSeq + 1, ack.seq(), "[S2] acks and ops arrive in seq order without gaps");
                        client.lastSeq = ack.seq();
                        StoredOp stored = log.get((int) (ack.seq() - 1));
                        assertEquals(client.clientId, stored.clientId());
                        assertEquals(ack.clientSeq(), stored.clientSeq());
                    } else {
                        assertTrue(ack.isDuplicate());
                        count("duplicate ack");
                    }
                    client.acked.add(ack.clientSeq());
                    client.pending.remove(ack.clientSeq());
                }
                case ServerMessage.Op op -> applyOp(client, op, false);
                case ServerMessage.Error error -> {
                    count("error " + error.code().wire());
                    if (error.code() == ErrorCode.ROOM_OVERLOADED || error.code() == ErrorCode.STORE_CONFLICT) {
                        client.resendWanted = true;
                    } else if (error.code() != ErrorCode.STORE_UNAVAILABLE) {
                        fail("unexpected error " + error);
                    }
                }
                case ServerMessage.PeerPresence presence -> assertTrue(!presence.userId().equals(client.who.userId())
                        || !presence.sessionId().equals(conn.id.value()), "no echo of one's own presence");
                case ServerMessage.PeerJoined joined -> { }
                case ServerMessage.PeerLeft left -> { }
                case ServerMessage.Pong pong -> { }
                case ServerMessage.Signal signal -> fail("no signals in the fuzz run");
                case ServerMessage.Event event -> fail("no domain events in the fuzz run");
                case ServerMessage.Authed authed -> fail("sign-in renewals are the transport's, never the room's");
            }
        }

        void applyOp(Client client, ServerMessage.Op op, boolean inWelcome) {
            assertEquals(client.lastSeq + 1, op.seq(), "[S2] ops arrive in seq order without gaps");
            if (!inWelcome) {
                assertTrue(!op.clientId().equals(client.clientId), "the sender gets an ack, not its own op");
            }
            client.scene.applyAll(op.elements());
            client.lastSeq = op.seq();
            if (op.clientId().equals(client.clientId)) {
                client.pending.remove(op.clientSeq());
            }
        }

        void completeStoreCall(boolean chaos) {
            List<InMemoryRoomStore.PendingCall> parked = store.parked();
            if (parked.isEmpty()) {
                return;
            }
            InMemoryRoomStore.PendingCall call = parked.get(random.nextInt(parked.size()));
            double roll = random.nextDouble();
            if (chaos && roll < failRate) {
                count("store failure " + call.kind());
                call.fail();
            } else if (chaos && call.kind() == InMemoryRoomStore.Kind.APPEND && roll < failRate + ambiguousRate) {
                count("ambiguous commit");
                call.commitThenFail();
            } else {
                call.complete();
            }
        }

        void disconnect(Client client) {
            Conn conn = client.conn;
            if (conn == null) {
                return;
            }
            client.conn = null; // in-flight messages both ways are lost
            if (conn.incarnation != incarnation) {
                return;
            }
            if (random.nextBoolean()) {
                conn.room.disconnect(conn.id);
            } else {
                count("half-open disconnect");
                halfOpen.add(conn); // the server notices later (or the reconnect replaces it first)
            }
        }

        final List<Conn> halfOpen = new ArrayList<>();

        void noticeHalfOpen() {
            if (!halfOpen.isEmpty()) {
                Conn conn = halfOpen.remove(random.nextInt(halfOpen.size()));
                if (conn.incarnation == incarnation) {
                    conn.room.disconnect(conn.id);
                }
            }
        }

        void reconnect(Client client) {
            if (client.conn != null) {
                return;
            }
            BoardRoom room = registry.room(BOARD);
            Conn conn = new Conn(new SessionId("s" + (++sessions)), room, incarnation);
            client.conn = conn;
            client.resendWanted = false;
            room.connect(conn.id, conn, client.who);
            send(client, new ClientMessage.Hello(1, client.clientId, client.lastSeq));
        }

        /** The process dies: its rooms, executor and sockets vanish; its store calls may still land later. */
        void crash() {
            crashes++;
            count("crash");
            for (Client client : clients) {
                client.conn = null;
            }
            halfOpen.clear();
            executor.discard();
            boot();
        }

        // ------------------------------------------------------------------ invariants

        void syncLog() {
            for (StoredOp op : store.ops(BOARD, log.size())) {
                assertEquals(log.size() + 1, op.seq(), "[S2] the log's seqs are 1..n");
                assertTrue(logClientSeqs.computeIfAbsent(op.clientId(), k -> new HashSet<>()).add(op.clientSeq()),
                        "[S4] clientSeq " + op.clientSeq() + " of " + op.clientId() + " appears twice in the log");
                log.add(op);
                logScene.applyAll(op.elements());
            }
        }

        List<ObjectNode> foldAt(long seq) {
            if (seq == log.size()) {
                return logScene.elements();
            }
            Scene scene = new Scene();
            for (int i = 0; i < seq; i++) {
                scene.applyAll(log.get(i).elements());
            }
            return scene.elements();
        }

        /** The committed board of the board's current room, if one is loaded. */
        CommittedBoard loadedBoard() {
            BoardRoom room = registry.peek(BOARD);
            return room == null ? null : room.loaded().orElse(null);
        }

        void checkInvariants() {
            syncLog();
            CommittedBoard board = loadedBoard();
            if (board != null) {
                long head = board.head();
                assertTrue(head <= log.size(), "[S3] the room never runs ahead of the store");
                liveScenes.putIfAbsent(head, board.elements());
                assertEquals(foldAt(head), board.elements(), "[S5] the server scene is a replay of the log up to its head");
            }
            List<InMemoryRoomStore.Snapshot> snapshots = store.snapshots(BOARD);
            for (; snapshotsChecked < snapshots.size(); snapshotsChecked++) {
                InMemoryRoomStore.Snapshot snapshot = snapshots.get(snapshotsChecked);
                assertEquals(foldAt(snapshot.seq()), snapshot.elements(), "[S7] a snapshot equals the replay up to its seq");
            }
            for (Client client : clients) {
                Set<Long> inLog = logClientSeqs.getOrDefault(client.clientId, Set.of());
                for (Long acked : client.acked) {
                    assertTrue(inLog.contains(acked), "[S3] acked clientSeq " + acked + " is in the log");
                }
            }
        }

        // ------------------------------------------------------------------ convergence

        void quiesce() {
            for (int round = 0; round < 5_000; round++) {
                boolean progress = false;
                for (Client client : clients) {
                    if (client.conn == null) {
                        reconnect(client);
                        progress = true;
                    }
                }
                if (!store.parked().isEmpty()) {
                    store.parked().getFirst().complete();
                    progress = true;
                }
                progress |= executor.runAll() > 0;
                for (Client client : clients) {
                    Conn conn = client.conn;
                    while (conn != null && !conn.toServer.isEmpty() && !conn.closedByServer) {
                        String frame = conn.toServer.poll();
                        try {
                            conn.room.receive(conn.id, CODEC.decode(frame));
                        } catch (ProtocolException e) {
                            fail(e.getMessage());
                        }
                        progress = true;
                    }
                    progress |= executor.runAll() > 0;
                    while (client.conn != null && !client.conn.toClient.isEmpty()) {
                        handle(client, client.conn.toClient.poll());
                        progress = true;
                    }
                    if (client.resendWanted && client.live()) {
                        resendAll(client);
                        progress = true;
                    }
                }
                checkInvariants();
                boolean settled = clients.stream().allMatch(c -> c.live() && c.pending.isEmpty()
                        && c.conn.toServer.isEmpty() && c.conn.toClient.isEmpty())
                        && store.parked().isEmpty() && executor.size() == 0;
                if (settled) {
                    assertConverged();
                    return;
                }
                // time passes in every round: server retries fire and clients' retry backoff elapses
                clock.advance(Duration.ofMillis(progress ? 250 : 2_000));
                registry.tickAll();
            }
            fail("did not converge: " + describe());
        }

        void assertConverged() {
            syncLog();
            STATS.merge("ops committed", log.size(), Integer::sum);
            CommittedBoard board = loadedBoard();
            assertTrue(board != null, "a room is loaded");
            assertEquals(log.size(), board.head(), "the room has seen the whole log");
            List<ObjectNode> replay = foldAt(log.size());
            assertEquals(replay, board.elements(), "server scene == replay of the log");
            assertReplayedScenesMatchTheLiveRoom();
            for (Client client : clients) {
                assertEquals(log.size(), client.lastSeq, client.clientId + " has every seq");
                assertEquals(replay, client.scene.elements(), client.clientId + " converged to the replay");
                assertNull(client.pending.isEmpty() ? null : client.pending, "nothing pending");
                for (long clientSeq = 1; clientSeq < client.nextClientSeq; clientSeq++) {
                    assertTrue(logClientSeqs.getOrDefault(client.clientId, Set.of()).contains(clientSeq),
                            "[S11] every change of " + client.clientId + " is stored: missing " + clientSeq);
                }
            }
        }

        /** Replay fidelity: a seek (snapshot + ops) to every head the live room had gives the scene it had then. */
        void assertReplayedScenesMatchTheLiveRoom() {
            List<InMemoryRoomStore.Snapshot> snapshots = store.snapshots(BOARD);
            Seek.Recording recording = new Seek.Recording() {
                @Override
                public java.util.Optional<BoardLog.Snapshot> snapshotAtOrBefore(long seq) {
                    return snapshots.stream().filter(x -> x.seq() <= seq).max(java.util.Comparator.comparingLong(InMemoryRoomStore.Snapshot::seq))
                            .map(x -> new BoardLog.Snapshot(x.seq(), ElementList.of(x.elements())));
                }

                @Override
                public List<RecordedOp> ops(long afterSeq, long toSeq) {
                    return log.subList((int) afterSeq, (int) toSeq).stream()
                            .map(op -> new RecordedOp(op.seq(), op.author(), op.at(), op.elements(), false)).toList();
                }
            };
            liveScenes.forEach((seq, scene) -> {
                Seek.Result seek = Seek.to(seq, recording);
                assertEquals(scene, seek.scene().elements(), "[replay] the seek to op " + seq + " shows what the live room had");
                assertEquals(seq - seek.snapshotSeq(), seek.applied(), "[replay] a seek applies only the ops after its snapshot");
            });
            STATS.merge("replay seeks checked", liveScenes.size(), Integer::sum);
        }

        String describe() {
            BoardRoom room = registry.peek(BOARD);
            StringBuilder b = new StringBuilder("log=" + log.size() + " parked=" + store.parked() + " tasks=" + executor.size()
                    + " room=" + (room == null ? "none" : room.loaded().map(Object::toString).orElse("not loaded")));
            for (Client client : clients) {
                b.append("\n  ").append(client.clientId).append(" live=").append(client.live()).append(" lastSeq=")
                        .append(client.lastSeq).append(" pending=").append(client.pending.keySet());
            }
            return b.toString();
        }
    }
}
