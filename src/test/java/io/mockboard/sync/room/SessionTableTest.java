package io.mockboard.sync.room;

import static io.mockboard.sync.room.TestElements.rect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.protocol.ClientMessage;
import io.mockboard.sync.protocol.ServerMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The session table alone: joins, routing, presence and colours ([S3], [S6], [S8], [S10]). */
class SessionTableTest {

    static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    static final Participant ADA = new Participant("u-ada", "Ada", TestRoles.INTERVIEWER);
    static final Participant BOB = new Participant("u-bob", "Bob", TestRoles.CANDIDATE);
    static final CommittedBoard.CatchUp UP_TO_DATE = new CommittedBoard.CatchUp(List.of(), null);

    final SessionTable table = new SessionTable(BoardId.random(), T0);

    RecordingSocket join(String session, Participant who, String clientId) {
        RecordingSocket socket = new RecordingSocket();
        SessionId id = new SessionId(session);
        table.connect(id, socket, who);
        RoomSession.Joining joining = ((RoomSession.Connected) table.get(id)).hello(clientId, 0);
        table.join(joining);
        table.welcome(joining, 0, UP_TO_DATE);
        return socket;
    }

    static ClientMessage.Presence at(double x) {
        return new ClientMessage.Presence(new ClientMessage.Cursor(x, x), List.of(), null, null, ClientMessage.Idle.ACTIVE);
    }

    @Test
    @DisplayName("[S6] the welcome names the live peers, and the others hear of the newcomer")
    void welcome() {
        RecordingSocket ada = join("s1", ADA, "ada-tab");
        RecordingSocket bob = join("s2", BOB, "bob-tab");
        ServerMessage.Welcome welcome = bob.last(ServerMessage.Welcome.class);
        assertEquals("s2", welcome.sessionId());
        assertEquals(List.of("u-ada"), welcome.peers().stream().map(ServerMessage.Peer::userId).toList());
        assertEquals(welcome.you(), ada.last(ServerMessage.PeerJoined.class).peer());
        assertEquals(List.of(ADA, BOB), table.present());
    }

    @Test
    @DisplayName("[S3] a durable op: the ack to its clientId's current live session, the op to every other live session")
    void deliver() {
        RecordingSocket ada = join("s1", ADA, "ada-tab");
        RecordingSocket bob = join("s2", BOB, "bob-tab");
        table.deliver(new StoredOp(1, "u-ada", "ada-tab", 7, T0, List.of(rect("r1", 1, 1))));
        assertEquals(List.of(ServerMessage.Ack.committed(7, 1)), ada.all(ServerMessage.Ack.class));
        assertTrue(ada.all(ServerMessage.Op.class).isEmpty());
        assertEquals(1, bob.last(ServerMessage.Op.class).seq());
        table.deliver(new StoredOp(2, "u-zed", "gone-tab", 1, T0, List.of(rect("r2", 1, 1))));
        assertEquals(2, ada.last(ServerMessage.Op.class).seq(), "a sender without a session: everyone gets the op");
    }

    @Test
    @DisplayName("[S8] presence: latest wins, a newcomer gets the others' latest, and it goes when its session goes")
    void presence() {
        join("s1", ADA, "ada-tab");
        table.presence(new SessionId("s1"), at(1));
        table.presence(new SessionId("s1"), at(2));
        RecordingSocket bob = join("s2", BOB, "bob-tab");
        assertEquals(List.of(ServerMessage.PeerPresence.of("s1", "u-ada", at(2))), bob.all(ServerMessage.PeerPresence.class));
        table.remove(new SessionId("s1"), T0);
        RecordingSocket cy = join("s3", new Participant("u-cy", "Cy", TestRoles.CO_INTERVIEWER), "cy-tab");
        assertTrue(cy.all(ServerMessage.PeerPresence.class).isEmpty());
    }

    @Test
    @DisplayName("[S10] private messages reach only roles that see private data")
    void sendPrivate() {
        RecordingSocket ada = join("s1", ADA, "ada-tab");
        RecordingSocket bob = join("s2", BOB, "bob-tab");
        table.sendPrivate(new ServerMessage.Pong(1));
        assertEquals(List.of(new ServerMessage.Pong(1)), ada.all(ServerMessage.Pong.class));
        assertTrue(bob.all(ServerMessage.Pong.class).isEmpty());
    }

    @Test
    @DisplayName("[S9] a socket that throws does not stop a broadcast to the others")
    void throwingSocket() {
        SessionId broken = new SessionId("broken");
        table.connect(broken, new RoomSocket() {
            @Override
            public void send(ServerMessage message) {
                throw new IllegalStateException("closed");
            }

            @Override
            public void close(int code, String reason) {
                throw new IllegalStateException("closed");
            }
        }, ADA);
        RoomSession.Joining joining = ((RoomSession.Connected) table.get(broken)).hello("broken-tab", 0);
        table.join(joining);
        table.welcome(joining, 0, UP_TO_DATE);
        RecordingSocket bob = join("s2", BOB, "bob-tab");
        table.broadcast(new ServerMessage.Pong(3), null);
        assertEquals(new ServerMessage.Pong(3), bob.last(ServerMessage.Pong.class));
        table.closeAll(1001, "bye", T0);
        assertEquals(1001, bob.closeCode);
    }

    @Test
    @DisplayName("[S1] the table knows since when it is empty; a refused hello gives the clientId back")
    void idleAndUnjoin() {
        assertEquals(T0, table.emptySince());
        RecordingSocket socket = new RecordingSocket();
        SessionId id = new SessionId("s1");
        table.connect(id, socket, ADA);
        assertNull(table.emptySince());
        RoomSession.Joining joining = ((RoomSession.Connected) table.get(id)).hello("ada-tab", 0);
        table.join(joining);
        assertEquals(id, table.holder("ada-tab"));
        table.unjoin(joining);
        assertNull(table.holder("ada-tab"));
        assertTrue(table.get(id) instanceof RoomSession.Connected);
        Instant later = T0.plusSeconds(5);
        assertNotNull(table.remove(id, later));
        assertEquals(later, table.emptySince());
        assertNull(table.remove(id, later), "unknown sessions are ignored");
    }

    @Test
    @DisplayName("colours: first free one per room, stable per user")
    void colours() {
        RecordingSocket ada = join("s1", ADA, "ada-tab");
        RecordingSocket bob = join("s2", BOB, "bob-tab");
        String adaColour = ada.last(ServerMessage.Welcome.class).you().color();
        String bobColour = bob.last(ServerMessage.Welcome.class).you().color();
        assertTrue(SessionTable.PALETTE.contains(adaColour));
        assertTrue(!adaColour.equals(bobColour));
        table.remove(new SessionId("s1"), T0);
        RecordingSocket again = join("s3", ADA, "ada-tab-2");
        assertEquals(adaColour, again.last(ServerMessage.Welcome.class).you().color());
    }
}
