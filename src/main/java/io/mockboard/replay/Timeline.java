package io.mockboard.replay;

import io.mockboard.sync.BoardId;
import io.mockboard.sync.BoardLog;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recorded session at a glance: its span, how many ops its board log holds, the markers a replay shows
 * (session start and end, framework steps, notes, hint reveals) and the quiet stretches a player can skip.
 * {@code presenceSamples} counts the sampled cursors and viewports the replay can draw.
 */
public record Timeline(UUID sessionId, BoardId boardId, Instant from, Instant to, long head, long opCount, long presenceSamples, int seekBound,
        List<Marker> markers, List<BoardLog.Quiet> quiet) {

    /** Something that happened at a moment; {@code elementIds} are the board elements it is about. */
    public record Marker(String kind, Instant at, String title, String detail, List<String> elementIds) {}
}
