-- The op log: every accepted change to a board, in the board's total order. Insert-only.
-- It is at once the sync mechanism, the durability guarantee, the version history and the recording.
create table board_op (
    board_id    uuid        not null,
    seq         bigint      not null check (seq > 0),
    author      text        not null,
    client_id   text        not null,
    client_seq  bigint      not null check (client_seq > 0),
    at          timestamptz not null,
    elements    jsonb       not null,
    primary key (board_id, seq)
);

-- Exactly-once: the highest applied clientSeq per client of a board, written in the op's transaction.
create table client_cursor (
    board_id        uuid   not null,
    client_id       text   not null,
    last_client_seq bigint not null,
    primary key (board_id, client_id)
);

-- Materialized scenes every K ops / T seconds, so join and replay seek read one snapshot + few ops.
create table board_snapshot (
    board_id  uuid        not null,
    seq       bigint      not null check (seq >= 0),
    elements  jsonb       not null,
    taken_at  timestamptz not null default now(),
    primary key (board_id, seq)
);
