/**
 * The authoritative per-board state machine. A {@link io.mockboard.sync.room.BoardRoom} owns one board's
 * live state in this process and is a thread-safe façade over package-private parts, each with one concern:
 * the phase machine ({@code RoomLifecycle}), message and append handling ({@code RoomTraffic}), exactly-once
 * cursors and every push's outcome ({@code ClientLedger}), seq order and group commit ({@code CommitPipeline}),
 * the last-writer-wins {@link io.mockboard.sync.room.Scene} and catch-up ({@code CommittedBoard}), snapshots
 * ({@code SnapshotPolicy}), and sessions with their presence ({@code SessionTable}). It talks to the outside
 * only through ports: {@link io.mockboard.sync.room.RoomStore} (the op log),
 * {@link io.mockboard.sync.room.RoomSocket} (one connection) and {@link io.mockboard.sync.room.RoomListener}
 * (recording and analytics hooks). {@link io.mockboard.sync.room.RoomRegistry} keeps exactly one room per
 * board and unloads idle ones. Plain Java plus Jackson: no Quarkus, no SQL; the rules it implements are
 * S1..S11 in {@code docs/sync-protocol.md}.
 */
package io.mockboard.sync.room;
