-- Every deletion of recorded audio: the session's owner or an admin deleting it, or the retention policy
-- deleting the audio of a session that ended longer ago than mockboard.call.retention. Insert-only; the
-- deleted tracks and chunks are gone, this says that they were, when, by whom and how much.
create table audio_deletion (
    id          bigint      generated always as identity primary key,
    session_id  uuid        not null references interview_session (id) on delete cascade,
    at          timestamptz not null,
    -- who deleted it; both null when the retention policy did
    user_id     text,
    name        text,
    reason      text        not null check (reason in ('owner', 'admin', 'retention')),
    -- the retention in force when the policy deleted it; null otherwise
    retention   interval,
    tracks      integer     not null check (tracks > 0),
    bytes       bigint      not null check (bytes >= 0),
    check ((reason = 'retention') = (user_id is null)),
    check ((reason = 'retention') = (retention is not null))
);
create index audio_deletion_session on audio_deletion (session_id, at);
