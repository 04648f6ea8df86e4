-- Replay finds the op at a moment (seqAt) without scanning the board's whole log.
create index board_op_at_idx on board_op (board_id, at);
