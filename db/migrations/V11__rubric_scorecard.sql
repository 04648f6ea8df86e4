-- Rubrics are versioned: editing one adds a version; a scorecard keeps the version it was scored against.
create table rubric (
    id              uuid        primary key,
    slug            text        unique,
    title           text        not null check (length(title) between 1 and 120),
    framework       text        not null check (framework in ('ml-system-design', 'system-design')),
    description     text        not null check (length(description) <= 2000),
    created_by      text,
    created_at      timestamptz not null,
    current_version integer     not null,
    check ((slug is null) = (created_by is not null))
);

create table rubric_version (
    id          uuid        primary key,
    rubric_id   uuid        not null references rubric (id) on delete cascade,
    version     integer     not null,
    content     jsonb       not null,
    created_at  timestamptz not null,
    unique (rubric_id, version)
);

-- One scorecard per interviewer per session: a draft while the session runs, submitted after.
create table scorecard (
    id                 uuid        primary key,
    session_id         uuid        not null references interview_session (id),
    rubric_version_id  uuid        not null references rubric_version (id),
    author_id          text        not null,
    author_name        text        not null,
    status             text        not null check (status in ('draft', 'submitted')),
    recommendation     text        check (recommendation in ('strong_no_hire', 'no_hire', 'hire', 'strong_hire')),
    summary            text        not null default '' check (length(summary) <= 8000),
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    submitted_at       timestamptz,
    unique (session_id, author_id)
);

create table score (
    scorecard_id  uuid    not null references scorecard (id) on delete cascade,
    criterion_id  text    not null,
    level         integer check (level between 1 and 4),
    evidence      text    not null default '' check (length(evidence) <= 4000),
    note_ids      uuid[]  not null default '{}',
    primary key (scorecard_id, criterion_id)
);

alter table interview_session add column rubric_id uuid references rubric (id) on delete set null;
