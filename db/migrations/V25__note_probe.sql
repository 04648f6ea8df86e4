-- A note can record that the interviewer asked one of the probe bank's questions (its id); each probe is
-- recorded asked at most once per session.
alter table note add column probe_id text check (length(probe_id) <= 100);

create unique index note_probe_once_idx on note (session_id, probe_id) where probe_id is not null;
