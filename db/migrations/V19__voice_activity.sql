-- When each participant spoke: the browser measures its own microphone's level and sends, with each chunk, the
-- stretches of speech in it as offsets from the track's start (start1, end1, start2, end2, …). Talk time, the
-- replay's speaking lane and skipping quiet time read them; nobody has to decode the audio.
alter table audio_chunk add column speech bigint[] not null default '{}';

-- A shared review includes the recorded conversation only when the interviewer ticks it.
alter table review_share add column include_audio boolean not null default false;
