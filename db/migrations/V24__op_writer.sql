-- Which owner appended each op, and where in the log each owner began: together they show that a board never
-- had two writers (docs/scaling.md). epoch: the board_owner epoch under which the op was appended (null for ops
-- stored before ownership existed, and for a new board's template elements). board_owner_log: one row per change
-- of owner, with the head of the board's log when the new owner took it; an owner's ops lie after its head and
-- up to the next owner's head.
alter table board_op add column epoch bigint;

create table board_owner_log (
    board_id uuid        not null,
    epoch    bigint      not null,
    node_id  text        not null,
    instance uuid        not null,
    head_seq bigint      not null,
    taken_at timestamptz not null default now(),
    primary key (board_id, epoch)
);

-- Boards owned now began their turn at today's head.
insert into board_owner_log (board_id, epoch, node_id, instance, head_seq, taken_at)
select o.board_id, o.epoch, o.node_id, o.instance, coalesce((select max(seq) from board_op where board_id = o.board_id), 0), o.since
from board_owner o
where o.node_id is not null;
