-- Invite links to a session, per role. Only a SHA-256 hash of the token is stored.
create table invite (
    id          uuid        primary key,
    session_id  uuid        not null references interview_session (id),
    role        text        not null check (role in ('candidate', 'observer')),
    token_hash  bytea       not null unique,
    expires_at  timestamptz not null,
    single_use  boolean     not null,
    used_at     timestamptz,
    revoked_at  timestamptz,
    created_by  text        not null,
    created_at  timestamptz not null
);

create index invite_session_idx on invite (session_id);
