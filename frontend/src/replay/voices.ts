/** One recorded voice track as the server lists it: whose, from when, how long, and when its speaker spoke. */
export type VoiceTrack = {
  id: string;
  userId: string;
  name: string;
  mimeType: string;
  startedAt: string;
  durationMs: number;
  bytes: number;
  speech: { startMs: number; endMs: number }[];
};

/** A stretch of someone's speech on the replay's clock (epoch ms). */
export type Spoken = { userId: string; from: number; to: number };

/** Audio plays from half speed to double speed (pitch kept); faster, speech is useless and the audio is silent. */
export const AUDIBLE_SPEEDS = { min: 0.5, max: 2 };
/** How far a track may drift from the replay's clock before it is put back in place (seconds). */
export const MAX_DRIFT_S = 0.25;
/** The speakers' colours, in the order their recording started (as the review's talk-time chart). */
export const VOICE_COLORS = ["#4f46e5", "#0c8599", "#f08c00", "#9c36b5"];

/** Whether the audio is heard at this playback speed. */
export function audible(speed: number): boolean {
  return speed >= AUDIBLE_SPEEDS.min && speed <= AUDIBLE_SPEEDS.max;
}

/** Where a track is at a moment of the replay, in seconds into it; null when the moment is outside it. */
export function trackPosition(track: VoiceTrack, at: number): number | null {
  const offset = at - Date.parse(track.startedAt);
  return offset < 0 || offset >= track.durationMs ? null : offset / 1000;
}

/** Every stretch of speech on the replay's clock, in time order. */
export function spokenStretches(tracks: VoiceTrack[]): Spoken[] {
  return tracks
    .flatMap((t) => t.speech.map((s) => ({ userId: t.userId, from: Date.parse(t.startedAt) + s.startMs, to: Date.parse(t.startedAt) + s.endMs })))
    .sort((a, b) => a.from - b.from);
}

/** When someone next speaks: `at` itself while someone speaks, else the next stretch's start; null when nobody speaks again. */
export function nextSpeech(spoken: Spoken[], at: number): number | null {
  // stretches are sorted by start: all those begun by `at` come first, and one of them still going on means now
  for (const s of spoken) {
    if (s.from > at) return s.from;
    if (s.to > at) return at;
  }
  return null;
}

/** Who speaks at a moment. */
export function speakersAt(spoken: Spoken[], at: number): Set<string> {
  return new Set(spoken.filter((s) => s.from <= at && at < s.to).map((s) => s.userId));
}

/** The speakers, one entry per person (several tracks after a reload are one voice), in the order they started. */
export function speakers(tracks: VoiceTrack[]): { userId: string; name: string; color: string }[] {
  const seen = new Map<string, { userId: string; name: string; color: string }>();
  for (const t of [...tracks].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt))) {
    if (!seen.has(t.userId)) seen.set(t.userId, { userId: t.userId, name: t.name, color: VOICE_COLORS[seen.size % VOICE_COLORS.length] });
  }
  return [...seen.values()];
}

/** What one audio element should do at a moment of the replay. */
export type AudioStep = { play: boolean; seekTo: number | null; rate: number };

/**
 * Keeps one track's audio in step with the replay's clock: plays while the replay plays at an audible speed and the
 * moment is inside the track, puts it back in place when it drifted more than {@link MAX_DRIFT_S} (or after a seek),
 * and pauses it otherwise (positioned, so pressing play starts at the right word).
 */
export function audioStep(position: number | null, currentTime: number, playing: boolean, speed: number): AudioStep {
  const rate = Math.min(AUDIBLE_SPEEDS.max, Math.max(AUDIBLE_SPEEDS.min, speed));
  if (position === null) return { play: false, seekTo: null, rate };
  const drifted = Math.abs(currentTime - position) > MAX_DRIFT_S;
  return { play: playing && audible(speed), seekTo: drifted ? position : null, rate };
}
