-- A practice session: one signed-in person alone on a case study, moving the steps themselves, then comparing their
-- board with the reference and scoring themselves on the same rubric.
alter table interview_session add column practice boolean not null default false;

create index interview_session_practice_idx on interview_session (created_by, created_at) where practice;
