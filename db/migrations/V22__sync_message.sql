-- What one node tells the others about boards (docs/scaling.md): an event for a board's sockets, a close of the
-- sockets of a revoked invite, an ended session's re-admission. A row per message, announced with NOTIFY on the
-- channel mockboard_sync; a node that was not listening for a moment reads what it missed from here. Rows are
-- pruned after a few minutes.
create table sync_message (
    id      bigserial   primary key,
    origin  uuid        not null,
    payload text        not null,
    at      timestamptz not null default now()
);
create index sync_message_at_idx on sync_message (at);
