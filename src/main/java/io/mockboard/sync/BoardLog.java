package io.mockboard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockboard.sync.protocol.ElementList;
import io.mockboard.sync.room.StoredOp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A board's recording read without its room: the op log (the room's own {@link StoredOp}s), its snapshots and
 * what can be asked of them (who changed what, quiet stretches), for the replay, the review and restoring a
 * moment; and the first ops of a new board. Sync implements it in {@code store.PostgresBoardLog}, next to the
 * room's store: the op log's tables have one owner.
 */
public interface BoardLog {
    /** The client id of the ops a new board starts with; no real client can use it (the protocol forbids ':'). */
    String SEED_CLIENT_ID = "mockboard:template";

    /** A stored snapshot: the scene as of {@code seq}. */
    record Snapshot(long seq, ElementList elements) {}

    /** A stretch with no board change. */
    record Quiet(Instant from, Instant to) {}

    /** Head seq, number of ops (the same: seqs are 1..n without gaps, [S2]) and the first/last op time (null when none). */
    record Extent(long head, long count, Instant first, Instant last) {}

    Extent extent(BoardId board);

    /** The highest seq ordered at or before this moment (0 if none). */
    long seqAt(BoardId board, Instant at);

    /** The newest snapshot at or before this seq. */
    Optional<Snapshot> snapshotAtOrBefore(BoardId board, long seq);

    /** Ops with afterSeq &lt; seq ≤ toSeq, in order, at most limit; their elements are parsed only when read. */
    List<StoredOp> ops(BoardId board, long afterSeq, long toSeq, int limit);

    /** Who last changed each element in ops 1..seq (element id → author). */
    Map<String, String> lastAuthors(BoardId board, long seq);

    /** How many ops each author made (a new board's first ops included), most first. */
    Map<String, Long> opsByAuthor(BoardId board);

    /** Stretches of at least {@code min} between consecutive ops, oldest first, at most 500. */
    List<Quiet> quietStretches(BoardId board, Duration min);

    /**
     * Writes a new board's first ops (seq 1..n, one element each, from {@value #SEED_CLIENT_ID}) in the caller's
     * transaction, so a board made from a template or a restored moment starts with it in its log and its replay.
     */
    void seed(BoardId board, String author, Instant at, List<ObjectNode> elements);
}
