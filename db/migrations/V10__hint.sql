-- Hint cards: the interviewer's private cards (hints, new constraints) on a hidden layer, revealed into the
-- shared board one at a time. A card's text reaches candidates only as board elements, after its reveal.
create table hint (
    id           uuid        primary key,
    session_id   uuid        not null references interview_session (id),
    position     integer     not null,
    title        text        not null check (length(title) between 1 and 120),
    body         text        not null check (length(body) <= 2000),
    created_by   text        not null,
    created_at   timestamptz not null,
    revealed_at  timestamptz,
    revealed_by  text,
    element_ids  text[]      not null default '{}'
);

create index hint_session_idx on hint (session_id, position);
