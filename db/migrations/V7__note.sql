-- Private interviewer notes, timestamped by the server; never sent to candidates or observers.
create table note (
    id           uuid        primary key,
    session_id   uuid        not null references interview_session (id),
    author_id    text        not null,
    author_name  text        not null,
    at           timestamptz not null,
    body         text        not null check (length(body) between 1 and 4000),
    element_ids  text[]      not null default '{}',
    criterion    text        check (length(criterion) <= 100)
);

create index note_session_idx on note (session_id, at);
