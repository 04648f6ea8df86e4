package io.mockboard.sync.room;

import io.mockboard.sync.protocol.ClientMessage;
import io.mockboard.sync.protocol.ElementList;
import io.mockboard.sync.protocol.ErrorCode;
import io.mockboard.sync.protocol.ServerMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Exactly-once bookkeeping per clientId ([S4]), and the only gate a push passes. Every push the room receives
 * gets exactly one {@link Outcome}: from {@link #admit} when it reaches the room, from {@link #refuse} when
 * the transport refused it first. Only an {@link Accept} can enter the {@link CommitPipeline}, and a refusal
 * that must be re-sent in order (overload, rate limit) holds the client's later pushes inside the ledger, so no
 * path can drop a push without an answer or forget the hold ([S11]).
 *
 * <p>Per clientId it tracks {@code committed} (highest clientSeq stored), {@code accepted} (stored, in flight
 * or queued), {@code holdFrom} (lowest clientSeq refused as retryable and not re-sent yet; 0 = none) and the
 * {@code owner}: the user who first used the clientId on this board. Confined to the room's executor.
 */
final class ClientLedger {

    /** What happens to one push. Exhaustive: the room answers every case. */
    sealed interface Outcome permits Accept, Duplicate, AwaitingCommit, Refused {
    }

    /**
     * Accepted: queue it for the next group commit; the ack follows the commit ([S3]). {@code admittedNanos}:
     * {@link System#nanoTime()} when it was accepted, for the ack latency.
     */
    record Accept(String clientId, long clientSeq, String author, ElementList elements, long admittedNanos) implements Outcome {
    }

    /** Stored before: acknowledge it again as a duplicate, never apply it twice. */
    record Duplicate(long clientSeq) implements Outcome {
        ServerMessage.Ack ack() {
            return ServerMessage.Ack.duplicate(clientSeq);
        }
    }

    /** Accepted before and not stored yet: its ack follows the commit, to the client's current session. */
    record AwaitingCommit(long clientSeq) implements Outcome {
    }

    /** Refused with this error (which names the push's clientSeq). */
    record Refused(ServerMessage.Error error) implements Outcome {
    }

    private static final class Cursor {
        long committed;
        long accepted;
        long holdFrom;
        String owner;

        @Override
        public String toString() {
            return "{committed=" + committed + ",accepted=" + accepted + ",hold=" + holdFrom + ",owner=" + owner + "}";
        }
    }

    private final int maxPendingOps;
    private final Map<String, Cursor> clients = new HashMap<>();

    ClientLedger(int maxPendingOps) {
        this.maxPendingOps = maxPendingOps;
    }

    /**
     * The outcome of a push from {@code from}. {@code ready}: the room takes pushes now; {@code pending}: accepted
     * pushes not stored yet (at {@code maxPendingOps} the push is refused and held, [S11]).
     */
    Outcome admit(RoomSession from, ClientMessage.Push push, boolean ready, int pending) {
        return admit(from, push, ready, pending, (who, p) -> Optional.empty());
    }

    /** A rule of the board's content a push must keep ([S12]): its refusal, or empty. */
    @FunctionalInterface
    interface ContentRule {
        Optional<ServerMessage.Error> refusal(RoomSession.Live who, ClientMessage.Push push);
    }

    /** As {@link #admit(RoomSession, ClientMessage.Push, boolean, int)}, refusing a new push that breaks {@code rule}. */
    Outcome admit(RoomSession from, ClientMessage.Push push, boolean ready, int pending, ContentRule rule) {
        long clientSeq = push.clientSeq();
        if (!(from instanceof RoomSession.Live live)) {
            return refused(ErrorCode.NOT_JOINED, "wait for the welcome before pushing", clientSeq);
        }
        if (!live.who().role().canEdit()) {
            return refused(ErrorCode.FORBIDDEN, "observers cannot change the board", clientSeq);
        }
        if (!ready) {
            return refused(ErrorCode.STORE_UNAVAILABLE, "the board is restarting; re-send shortly", clientSeq);
        }
        Cursor cursor = cursor(live.clientId());
        if (clientSeq <= cursor.committed) {
            return new Duplicate(clientSeq);
        }
        if (clientSeq <= cursor.accepted) {
            return new AwaitingCommit(clientSeq);
        }
        if (cursor.holdFrom != 0 && clientSeq > cursor.holdFrom) {
            return refused(ErrorCode.ROOM_OVERLOADED, "re-send from clientSeq " + cursor.holdFrom + " first", clientSeq);
        }
        if (pending >= maxPendingOps) {
            hold(cursor, clientSeq);
            return refused(ErrorCode.ROOM_OVERLOADED,
                    "too many changes are waiting to be saved; re-send this one shortly", clientSeq);
        }
        Optional<ServerMessage.Error> broken = rule.refusal(live, push);
        if (broken.isPresent()) {
            return new Refused(broken.get());
        }
        cursor.accepted = clientSeq;
        if (cursor.holdFrom != 0 && clientSeq <= cursor.holdFrom) {
            cursor.holdFrom = 0;
        }
        return new Accept(live.clientId(), clientSeq, live.who().userId(), ElementList.of(push.elements()), System.nanoTime());
    }

    /**
     * A push the transport refused before it reached the room (its connection's rate limit), with a retryable
     * {@code code}: refused, and held like an overload if it was not accepted before ([S4], [S11]).
     */
    Refused refuse(RoomSession from, long clientSeq, ErrorCode code, String message) {
        if (from instanceof RoomSession.Live live && live.who().role().canEdit()) {
            Cursor cursor = cursor(live.clientId());
            if (clientSeq > cursor.accepted) {
                hold(cursor, clientSeq);
            }
        }
        return refused(code, message, clientSeq);
    }

    /**
     * [S4] A clientId belongs to the user who first used it on this board (its stored ops say who, and a hello
     * claims it for the room's life); false when it belongs to someone else, whether or not they are connected,
     * so nobody can take over another person's exactly-once cursor.
     */
    boolean claim(String clientId, String userId) {
        Cursor cursor = cursor(clientId);
        if (cursor.owner == null) {
            cursor.owner = userId;
            return true;
        }
        return cursor.owner.equals(userId);
    }

    /** The op is stored: its clientSeq is now a duplicate for good. */
    void committed(StoredOp op) {
        Cursor cursor = cursor(op.clientId());
        cursor.committed = Math.max(cursor.committed, op.clientSeq());
        cursor.accepted = Math.max(cursor.accepted, op.clientSeq());
    }

    /** The stored cursors and owners of a board being loaded. */
    void load(Map<String, Long> cursors, Map<String, String> owners) {
        cursors.forEach((clientId, clientSeq) -> {
            Cursor cursor = new Cursor();
            cursor.committed = clientSeq;
            cursor.accepted = clientSeq;
            cursor.owner = owners.get(clientId);
            clients.put(clientId, cursor);
        });
    }

    void clear() {
        clients.clear();
    }

    private Cursor cursor(String clientId) {
        return clients.computeIfAbsent(clientId, key -> new Cursor());
    }

    private static void hold(Cursor cursor, long clientSeq) {
        cursor.holdFrom = cursor.holdFrom == 0 ? clientSeq : Math.min(cursor.holdFrom, clientSeq);
    }

    private static Refused refused(ErrorCode code, String message, long clientSeq) {
        return new Refused(ServerMessage.Error.of(code, message, clientSeq));
    }

    @Override
    public String toString() {
        return "ClientLedger" + clients;
    }
}
