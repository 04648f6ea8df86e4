-- Presence sampled into the recording ([S8]): at most a few samples per second per participant, so the
-- replay can show cursors, viewports and the laser. Insert-only; never part of the op log.
create table presence_sample (
    id         bigserial        primary key,
    board_id   uuid             not null,
    at         timestamptz      not null,
    user_id    text             not null,
    name       text             not null,
    cursor_x   double precision,
    cursor_y   double precision,
    viewport   jsonb,
    laser      jsonb,
    selection  jsonb            not null,
    idle       text             not null check (idle in ('active', 'idle', 'away'))
);

create index presence_sample_board_idx on presence_sample (board_id, id);
