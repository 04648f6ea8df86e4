/**
 * The sync engine's public API, all the domains may use of it: {@link io.mockboard.sync.BoardId}, the {@link io.mockboard.sync.BoardChannel} that sends {@link io.mockboard.sync.BoardEvent}s to a board's sockets and closes them, and the {@link io.mockboard.sync.BoardGate} port by which the domains admit sockets. Sync depends on no domain.
 */
package io.mockboard.sync;
