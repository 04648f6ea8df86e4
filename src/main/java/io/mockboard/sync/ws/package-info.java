/**
 * The WebSocket transport of the sync engine: the {@code /boards/{boardId}/sync} endpoint, the
 * upgrade check (Origin allowlist, board exists), and the wiring of rooms, codec and store as CDI
 * beans from typed configuration. It only adapts connections to the room's socket port and
 * forwards decoded frames; the rules live in {@code sync.room}.
 */
package io.mockboard.sync.ws;
