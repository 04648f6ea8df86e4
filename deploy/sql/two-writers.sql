-- Did any board ever have two writers? Lists every op appended outside its owner's turn: under an epoch that never
-- took the board, at or before the head its owner took the board at, or after the head the next owner took it at.
-- Empty when every board had one writer at a time (docs/scaling.md, "Ownership"). Runs on the whole database.
with turn as (
    select board_id, epoch, node_id, head_seq,
           lead(head_seq) over (partition by board_id order by epoch) as next_head
    from board_owner_log)
select op.board_id, op.seq, op.epoch, turn.node_id, turn.head_seq, turn.next_head
from board_op op
left join turn on turn.board_id = op.board_id and turn.epoch = op.epoch
where op.epoch is not null
  and (turn.epoch is null or op.seq <= turn.head_seq or op.seq > turn.next_head)
order by op.board_id, op.seq
