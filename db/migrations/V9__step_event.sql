-- The framework step timeline of a session: every move by an interviewer, server-timestamped.
create table step_event (
    id          bigserial   primary key,
    session_id  uuid        not null references interview_session (id),
    at          timestamptz not null,
    step        text        not null check (length(step) between 1 and 60),
    actor_id    text        not null,
    actor_name  text        not null
);

create index step_event_session_idx on step_event (session_id, at, id);
