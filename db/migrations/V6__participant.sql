-- People who joined a session besides its interviewer (who is interview_session.created_by).
-- A guest has no account: user_id is null and the guest's browser holds a random token, stored here
-- only as a SHA-256 hash. Someone who joins through an invite loses access when it is revoked.
create table participant (
    id            uuid        primary key,
    session_id    uuid        not null references interview_session (id),
    role          text        not null check (role in ('co_interviewer', 'candidate', 'observer')),
    user_id       text,
    display_name  text        not null check (length(display_name) between 1 and 60),
    invite_id     uuid        references invite (id),
    guest_token_hash bytea    unique,
    joined_at     timestamptz not null,
    check ((user_id is null) <> (guest_token_hash is null))
);

create index participant_session_idx on participant (session_id);
create unique index participant_account_idx on participant (session_id, user_id) where user_id is not null;

-- A co-interviewer joins through an invite link too, signed in with a staff account.
alter table invite drop constraint invite_role_check;
alter table invite add constraint invite_role_check check (role in ('co_interviewer', 'candidate', 'observer'));
