-- Architecture templates: the shipped catalog (slug set, created_by null, loaded on start) and boards
-- interviewers saved as templates (slug null, created_by set). A session remembers its template.
create table template (
    id                  uuid        primary key,
    slug                text        unique,
    title               text        not null check (length(title) between 1 and 200),
    framework           text        not null check (framework in ('ml-system-design', 'system-design')),
    case_study          text,
    variant             text        not null check (variant in ('scaffold', 'blank', 'reference', 'building-block', 'saved')),
    description         text        not null check (length(description) <= 2000),
    interviewer_prompt  text        not null check (length(interviewer_prompt) <= 8000),
    candidate_prompt    text        not null check (length(candidate_prompt) <= 8000),
    step_budgets        jsonb       not null,
    elements            jsonb       not null,
    element_count       integer     not null,
    component_count     integer     not null,
    content_hash        text,
    created_by          text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    check ((slug is null) = (created_by is not null))
);

create index template_owner_idx on template (created_by) where created_by is not null;

alter table interview_session add column template_id uuid references template (id) on delete set null;
