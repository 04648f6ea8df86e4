-- The conversation: each participant's own microphone, recorded in their browser with their consent
-- (Opus in WebM or Ogg) and uploaded in numbered chunks. Chunks are insert-only; a track goes whole.
create table audio_track (
    id            uuid        primary key,
    session_id    uuid        not null references interview_session (id) on delete cascade,
    user_id       text        not null,
    name          text        not null,
    mime_type     text        not null,
    -- server time of the recording's first sample; chunk offsets count from it
    started_at    timestamptz not null,
    consented_at  timestamptz not null
);
create index audio_track_session on audio_track (session_id, started_at);

create table audio_chunk (
    track_id     uuid        not null references audio_track (id) on delete cascade,
    seq          integer     not null check (seq >= 0),
    start_ms     bigint      not null check (start_ms >= 0),
    end_ms       bigint      not null check (end_ms >= start_ms),
    data         bytea       not null,
    received_at  timestamptz not null,
    primary key (track_id, seq)
);
