-- Boards: identity and metadata. The scene itself lives in the op log and snapshots (V2).
create table board (
    id          uuid primary key,
    title       text        not null check (length(title) between 1 and 200),
    created_by  text        not null,
    created_at  timestamptz not null default now()
);

create index board_created_at_idx on board (created_at desc);
