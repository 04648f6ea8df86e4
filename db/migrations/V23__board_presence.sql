-- Who is on each board now, across nodes (docs/scaling.md): the node that holds a live socket writes a row when it
-- joins and deletes it when it leaves. Rows of a node whose lease ran out are ignored (it died holding them) and
-- deleted when it starts again.
create table board_presence (
    board_id     uuid        not null,
    session_id   text        not null,
    node_id      text        not null,
    instance     uuid        not null,
    display_name text        not null,
    role         text        not null,
    joined_at    timestamptz not null default now(),
    primary key (board_id, session_id)
);
create index board_presence_node_idx on board_presence (node_id, instance);
