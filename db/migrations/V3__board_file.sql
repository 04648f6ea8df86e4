-- Images placed on a board (Excalidraw "files"), referenced by image elements' fileId. Insert-only.
create table board_file (
    board_id    uuid        not null references board (id),
    file_id     text        not null check (length(file_id) between 1 and 128),
    mime_type   text        not null,
    data        bytea       not null,
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    primary key (board_id, file_id)
);
