package io.mockboard.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The board as it was after op {@code seq} (at {@code at}): built from the snapshot at {@code snapshotSeq} plus
 * {@code opsApplied} ops. {@code skipped} lists ops that could not be read (reported, not fatal).
 */
public record SceneAt(long seq, Instant at, long snapshotSeq, int opsApplied, List<Long> skipped, List<ObjectNode> elements) {}
