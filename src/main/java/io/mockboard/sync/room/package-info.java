/**
 * The authoritative per-board state machine. A {@link io.mockboard.sync.room.BoardRoom} owns one board's
 * live state in this process (sessions and their lifecycle, seq ordering, group commit, exactly-once
 * cursors, the last-writer-wins {@link io.mockboard.sync.room.Scene}, presence, snapshots) and talks to
 * the outside only through ports: {@link io.mockboard.sync.room.RoomStore} (the op log),
 * {@link io.mockboard.sync.room.RoomSocket} (one connection) and {@link io.mockboard.sync.room.RoomListener}
 * (recording and analytics hooks). {@link io.mockboard.sync.room.RoomRegistry} keeps exactly one room per
 * board and unloads idle ones. Plain Java plus Jackson: no Quarkus, no SQL; the rules it implements are
 * S1..S11 in {@code docs/sync-protocol.md}.
 */
package io.mockboard.sync.room;
