-- Interview sessions: one mock interview on one board. States: scheduled -> live -> ended.
create table interview_session (
    id            uuid        primary key,
    title         text        not null check (length(title) between 1 and 200),
    board_id      uuid        not null unique references board (id),
    state         text        not null check (state in ('scheduled', 'live', 'ended')),
    scheduled_at  timestamptz,
    target_level  text        check (target_level in ('junior', 'mid', 'senior', 'staff')),
    created_by    text        not null,
    created_at    timestamptz not null,
    started_at    timestamptz,
    ended_at      timestamptz
);

create index interview_session_owner_idx on interview_session (created_by, created_at desc);
