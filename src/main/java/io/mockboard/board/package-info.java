/**
 * The board aggregate: a board's identity and metadata (title, owner, creation time). Its scene is
 * materialized by the sync engine from the op log; other domains refer to a board by
 * {@link io.mockboard.sync.BoardId} only.
 */
package io.mockboard.board;
