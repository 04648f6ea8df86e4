/**
 * The PostgreSQL implementation of the room's store port: the insert-only op log
 * ({@code board_op}), the per-client exactly-once cursors ({@code client_cursor}) and the scene
 * snapshots ({@code board_snapshot}). Plain JDBC with batched inserts on a small executor of its
 * own, so a room's group commit costs one transaction.
 */
package io.mockboard.sync.store;
