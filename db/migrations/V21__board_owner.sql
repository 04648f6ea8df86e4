-- Several nodes on one database: each board has one owner node at a time (docs/scaling.md).
-- A node's lease: the node is alive while lease_until is ahead of PostgreSQL's clock. A restart of the node is a
-- new instance; the boards the old instance owned are then free to take.
create table sync_node (
    node_id     text        primary key,
    instance    uuid        not null,
    address     text,
    lease_until timestamptz not null,
    draining    boolean     not null default false,
    started_at  timestamptz not null default now()
);

-- A board's owner and its fencing epoch. The epoch only grows: every change of owner (or of instance) raises it,
-- and every append of ops locks this row (for share) and checks node, instance and epoch in its transaction, so
-- a former owner can never append after another one took the board. node_id null: nobody owns it.
create table board_owner (
    board_id uuid        primary key,
    node_id  text,
    instance uuid,
    epoch    bigint      not null check (epoch >= 0),
    since    timestamptz not null default now()
);
create index board_owner_node_idx on board_owner (node_id, instance);
