-- A read-only review shared with the candidate through a link: the replay plus the chosen parts of one
-- submitted scorecard. The link's token is stored only as its SHA-256.
create table review_share (
    id               uuid        primary key,
    session_id       uuid        not null references interview_session (id),
    token_hash       bytea       not null unique,
    scorecard_id     uuid        references scorecard (id),
    include_levels   boolean     not null,
    include_summary  boolean     not null,
    created_by       text        not null,
    created_at       timestamptz not null,
    revoked_at       timestamptz
);

create index review_share_session_idx on review_share (session_id);

-- The candidate's own notes on their recording, each about a moment of it.
create table self_review_note (
    id           uuid        primary key,
    session_id   uuid        not null references interview_session (id),
    author_id    text        not null,
    author_name  text        not null,
    moment       timestamptz not null,
    body         text        not null check (length(body) between 1 and 2000),
    created_at   timestamptz not null
);

create index self_review_note_session_idx on self_review_note (session_id, moment);
