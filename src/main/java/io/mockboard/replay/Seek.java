package io.mockboard.replay;

import io.mockboard.sync.BoardLog;
import io.mockboard.sync.protocol.ElementList;
import io.mockboard.sync.room.Scene;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The replay's seek ([S7]): the newest snapshot at or before the target op plus the ops after it, corrupt ops
 * skipped and listed. With a snapshot every K ops a seek applies at most K ops, whatever the session's length.
 */
public final class Seek {
    private Seek() {}

    /** Where a seek reads from: the op log and its snapshots. */
    public interface Recording {
        Optional<BoardLog.Snapshot> snapshotAtOrBefore(long seq);

        /** Ops with afterSeq &lt; seq ≤ toSeq, in order. */
        List<RecordedOp> ops(long afterSeq, long toSeq);
    }

    /** The scene after op {@code target}, the snapshot it started from, the ops applied and skipped, the last op's time. */
    public record Result(Scene scene, long snapshotSeq, int applied, List<Long> skipped, Instant last) {}

    public static Result to(long target, Recording recording) {
        BoardLog.Snapshot snapshot = recording.snapshotAtOrBefore(target).orElse(new BoardLog.Snapshot(0, ElementList.of(List.of())));
        Scene scene = Scene.of(snapshot.elements());
        List<Long> skipped = new ArrayList<>();
        Instant last = null;
        int applied = 0;
        for (RecordedOp op : recording.ops(snapshot.seq(), target)) {
            if (op.corrupt()) {
                skipped.add(op.seq());
            } else {
                scene.applyAll(op.elements());
                applied++;
            }
            last = op.at();
        }
        return new Result(scene, snapshot.seq(), applied, skipped, last);
    }
}
