/**
 * Board ownership across nodes: which node may open a board's room, decided by rules over rows that PostgreSQL
 * holds ({@link io.mockboard.sync.owner.Ownership}), and who this process is among the nodes
 * ({@link io.mockboard.sync.owner.NodeIdentity}). Plain Java: the store applies the rules in the transaction that
 * loads a board, and checks the epoch in every append's transaction (docs/scaling.md).
 */
package io.mockboard.sync.owner;
