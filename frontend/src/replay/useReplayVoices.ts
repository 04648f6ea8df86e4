import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { httpError, HttpError, type Http } from "../api/http";
import { audioStep, speakers, spokenStretches, trackPosition, type VoiceTrack } from "./voices";

/** A track whose audio is loaded: its element plays it. */
type Loaded = { track: VoiceTrack; url: string };

/**
 * The recorded conversation in the replay: the tracks (none when the review was shared without them), each
 * loaded once as a file, one `<audio>` element each kept in step with the replay's clock, and a volume per speaker.
 */
export function useReplayVoices(http: Http | null, sessionId: string, share: string | null) {
  const [tracks, setTracks] = useState<VoiceTrack[]>([]);
  const [loaded, setLoaded] = useState<Loaded[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [volumes, setVolumes] = useState<Record<string, number>>({});
  const elements = useRef(new Map<string, HTMLAudioElement>());
  const corrections = useRef(0);

  useEffect(() => {
    if (!http) return;
    let cancelled = false;
    const urls: string[] = [];
    const base = share ? `/api/shared/${encodeURIComponent(share)}/recordings` : `/api/sessions/${sessionId}/recordings`;
    void (async () => {
      const response = await http.fetch(base);
      // a review shared without the conversation, or a viewer who may not listen: the board alone
      if (response.status === 403 || response.status === 404) return;
      if (!response.ok) throw await httpError(response, "Loading the recorded conversation");
      const list = ((await response.json()) as VoiceTrack[]).filter((t) => t.bytes > 0);
      if (cancelled) return;
      setTracks(list);
      for (const [i, track] of list.entries()) {
        setStatus(`Loading the conversation (${i + 1} of ${list.length})…`);
        const media = await http.fetch(share ? `${base}/${track.id}/media` : `/api/recordings/${track.id}/media`);
        if (!media.ok) throw await httpError(media, `Loading ${track.name}'s voice`);
        const url = URL.createObjectURL(await media.blob());
        urls.push(url);
        if (cancelled) return;
        setLoaded((all) => [...all, { track, url }]);
      }
      setStatus(null);
    })().catch((e: unknown) => !cancelled && setStatus(e instanceof HttpError || e instanceof Error ? e.message : "The conversation could not be loaded"));
    return () => {
      cancelled = true;
      urls.forEach((u) => URL.revokeObjectURL(u));
      setLoaded([]);
    };
  }, [http, sessionId, share]);

  /** Puts every track where the replay's clock is; plays those inside it while the replay plays at an audible speed. */
  const follow = useCallback(
    (at: number, playing: boolean, speed: number) => {
      for (const { track } of loaded) {
        const audio = elements.current.get(track.id);
        if (!audio) continue;
        const volume = volumes[track.userId] ?? 1;
        audio.volume = volume;
        const step = audioStep(trackPosition(track, at), audio.currentTime, playing, speed);
        audio.preservesPitch = true;
        if (audio.playbackRate !== step.rate) audio.playbackRate = step.rate;
        if (step.seekTo !== null) {
          if (playing && !audio.paused) corrections.current++;
          audio.currentTime = step.seekTo;
        }
        if (step.play && audio.paused) void audio.play().catch(() => {});
        if (!step.play && !audio.paused) audio.pause();
      }
    },
    [loaded, volumes],
  );

  const register = useCallback((id: string, audio: HTMLAudioElement | null) => {
    if (audio) elements.current.set(id, audio);
    else elements.current.delete(id);
  }, []);

  const spoken = useMemo(() => spokenStretches(tracks), [tracks]);
  const people = useMemo(() => speakers(tracks), [tracks]);
  const setVolume = useCallback((userId: string, volume: number) => setVolumes((v) => ({ ...v, [userId]: volume })), []);

  /** How often a playing track had drifted and was put back in place (for the drift benchmark). */
  const corrected = useCallback(() => corrections.current, []);

  return { tracks, loaded, status, spoken, people, volumes, setVolume, follow, register, corrected };
}
