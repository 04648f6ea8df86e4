package io.mockboard.sync.room;

import static io.mockboard.sync.room.TestElements.rect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockboard.sync.protocol.ClientMessage;
import io.mockboard.sync.protocol.ErrorCode;
import io.mockboard.sync.protocol.ServerMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ledger alone: every push's outcome ([S4], [S11]) without a room, store or executor. */
class ClientLedgerTest {

    static final Participant ADA = new Participant("u-ada", "Ada", TestRoles.INTERVIEWER);
    static final Participant OLI = new Participant("u-oli", "Oli", TestRoles.OBSERVER);

    final ClientLedger ledger = new ClientLedger(3);
    final RoomSession.Live ada = live(ADA, "ada-tab");

    static RoomSession.Live live(Participant who, String clientId) {
        return new RoomSession.Live(new SessionId("s-" + clientId), new RecordingSocket(), who, "#e03131", clientId);
    }

    static ClientMessage.Push push(long clientSeq) {
        return new ClientMessage.Push(clientSeq, List.of(rect("r" + clientSeq, 1, 1)));
    }

    ClientLedger.Outcome admit(RoomSession from, long clientSeq) {
        return ledger.admit(from, push(clientSeq), true, 0);
    }

    static ServerMessage.Error refusal(ClientLedger.Outcome outcome) {
        return assertInstanceOf(ClientLedger.Refused.class, outcome).error();
    }

    static StoredOp stored(long seq, String clientId, long clientSeq) {
        return new StoredOp(seq, "u-ada", clientId, clientSeq, java.time.Instant.EPOCH, List.of(rect("r", 1, 1)));
    }

    @Test
    @DisplayName("[S4] an accepted push awaits its commit when re-sent, and is a duplicate once stored")
    void acceptedOnce() {
        ClientLedger.Accept accepted = assertInstanceOf(ClientLedger.Accept.class, admit(ada, 1));
        assertEquals("ada-tab", accepted.clientId());
        assertEquals(1, accepted.clientSeq());
        assertEquals("u-ada", accepted.author());
        assertEquals(List.of(rect("r1", 1, 1)), accepted.elements());
        assertEquals(new ClientLedger.AwaitingCommit(1), admit(ada, 1));

        ledger.committed(stored(1, "ada-tab", 1));
        ClientLedger.Duplicate duplicate = assertInstanceOf(ClientLedger.Duplicate.class, admit(ada, 1));
        assertEquals(ServerMessage.Ack.duplicate(1), duplicate.ack());
        assertInstanceOf(ClientLedger.Accept.class, admit(ada, 2));
    }

    @Test
    @DisplayName("[S9][S10] a push before the welcome is not_joined, an observer's is forbidden, one while restarting is retryable")
    void refusedBeforeTheCursor() {
        RoomSession.Connected early = new RoomSession.Connected(new SessionId("early"), new RecordingSocket(), ADA, "#e03131");
        ServerMessage.Error notJoined = refusal(admit(early, 5));
        assertEquals(ErrorCode.NOT_JOINED, notJoined.code());
        assertEquals(5L, notJoined.clientSeq());
        assertEquals(ErrorCode.FORBIDDEN, refusal(admit(live(OLI, "oli-tab"), 1)).code());
        ServerMessage.Error restarting = refusal(ledger.admit(ada, push(1), false, 0));
        assertEquals(ErrorCode.STORE_UNAVAILABLE, restarting.code());
        assertTrue(restarting.retryable());
        assertInstanceOf(ClientLedger.Accept.class, admit(ada, 1), "none of these touched the cursor");
    }

    @Test
    @DisplayName("[S11] at maxPendingOps a push is refused and held: later ones are refused until it is re-sent")
    void overloadHolds() {
        ServerMessage.Error overloaded = refusal(ledger.admit(ada, push(1), true, 3));
        assertEquals(ErrorCode.ROOM_OVERLOADED, overloaded.code());
        assertTrue(overloaded.retryable());
        assertEquals(1L, overloaded.clientSeq());
        ServerMessage.Error later = refusal(admit(ada, 2));
        assertEquals(ErrorCode.ROOM_OVERLOADED, later.code());
        assertEquals("re-send from clientSeq 1 first", later.message());
        assertInstanceOf(ClientLedger.Accept.class, admit(ada, 1));
        assertInstanceOf(ClientLedger.Accept.class, admit(ada, 2), "the hold ends when the refused push is re-sent");
    }

    @Test
    @DisplayName("[S4][S11] a push the transport refused holds later ones; one already accepted is not held again")
    void transportRefusalHolds() {
        assertInstanceOf(ClientLedger.Accept.class, admit(ada, 1));
        ServerMessage.Error limited = ledger.refuse(ada, 2, ErrorCode.RATE_LIMITED, "slow down").error();
        assertEquals(new ServerMessage.Error(ErrorCode.RATE_LIMITED, "slow down", true, 2L), limited);
        assertEquals(ErrorCode.ROOM_OVERLOADED, refusal(admit(ada, 3)).code());
        assertInstanceOf(ClientLedger.Accept.class, admit(ada, 2));
        assertInstanceOf(ClientLedger.Accept.class, admit(ada, 3));

        ledger.refuse(ada, 3, ErrorCode.RATE_LIMITED, "slow down"); // already accepted: no hold
        assertInstanceOf(ClientLedger.Accept.class, admit(ada, 4));
        ledger.refuse(live(OLI, "oli-tab"), 1, ErrorCode.RATE_LIMITED, "slow down"); // observers have no cursor to hold
    }

    @Test
    @DisplayName("[S4] loaded cursors make stored pushes duplicates, and stored owners keep their clientIds")
    void loadedCursorsAndOwners() {
        ledger.load(Map.of("ada-tab", 4L), Map.of("ada-tab", "u-ada"));
        assertInstanceOf(ClientLedger.Duplicate.class, admit(ada, 4));
        assertInstanceOf(ClientLedger.Accept.class, admit(ada, 5));
        assertFalse(ledger.claim("ada-tab", "u-bob"), "another user cannot take over a stored clientId");
        assertTrue(ledger.claim("ada-tab", "u-ada"));
        assertTrue(ledger.claim("new-tab", "u-bob"), "a new clientId belongs to its first user");
        assertFalse(ledger.claim("new-tab", "u-ada"));
    }

    @Test
    @DisplayName("[S4] a commit raises the cursor even for a push this room never accepted (another session, a reload)")
    void commitRaisesTheCursor() {
        ledger.committed(stored(1, "ada-tab", 7));
        assertInstanceOf(ClientLedger.Duplicate.class, admit(ada, 6));
        assertInstanceOf(ClientLedger.Accept.class, admit(ada, 8));
    }
}
