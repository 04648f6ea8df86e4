import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import type { Http } from "../api/http";
import { advance, sinceStart, type RecordedOp } from "./playback";
import { replayApi, replayUrl, type Timeline } from "./replayApi";
import type { ReplayScene } from "./useReplayScene";

const CHUNK = 500;

type Source = { api: ExcalidrawImperativeAPI | null; http: Http | null; base: string; share: string | null; timeline: Timeline | null };

/**
 * The replay's clock: seeking (the server builds the scene at a moment), playing (ops fetched ahead and applied
 * when the clock reaches them, at 0.5×–32×, quiet time skipped: nothing drawn and, by `nextSpeechAt`, nobody
 * speaking), the keys (space, ←/→ ±10 s) and the address (?t=seconds) kept in step. Starts at ?t= or at the end.
 */
export function usePlayback(
  { api, http, base, share, timeline }: Source,
  view: ReplayScene,
  onError: (message: string) => void,
  nextSpeechAt: (at: number) => number | null = () => null,
) {
  const [now, setNow] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(4);
  const [skipIdle, setSkipIdle] = useState(true);
  const [loading, setLoading] = useState<string | null>("Loading the recording…");
  const queue = useRef<RecordedOp[]>([]);
  const fetching = useRef(false);
  const clock = useRef(0);
  const framed = useRef(false);
  const speech = useRef(nextSpeechAt);
  useEffect(() => {
    speech.current = nextSpeechAt;
  }, [nextSpeechAt]);
  const from = timeline ? Date.parse(timeline.from) : 0;
  const to = timeline ? Date.parse(timeline.to) : 0;
  const { reset, apply, seq, draw, highlight, loadAuthors, focus } = view;

  /** Shows a moment: the server builds the scene there (one snapshot plus a bounded number of ops). */
  const load = useCallback(
    async (at: number) => {
      if (!http || !timeline) return;
      try {
        const moment = Math.min(Math.max(at, from), to);
        const result = await replayApi.sceneAt(http, base, moment);
        reset(result);
        queue.current = [];
        clock.current = moment;
        setNow(moment);
        if (highlight !== null) await loadAuthors();
        draw();
        // frame the board once, when there is something to frame (fitting an empty scene zooms to 3000 %)
        if (!framed.current && api && api.getSceneElements().length > 0) {
          framed.current = true;
          const focused = api.getSceneElements().filter((e) => focus.has(e.id));
          api.scrollToContent(focused.length ? focused : undefined, { fitToViewport: true, viewportZoomFactor: 0.9, animate: false });
        }
        window.history.replaceState(null, "", replayUrl(window.location.pathname, Math.round((moment - from) / 1000), focus, share));
      } catch (e) {
        onError(e instanceof Error ? e.message : "Seeking failed");
      } finally {
        setLoading(null);
      }
    },
    [api, base, draw, focus, from, highlight, http, loadAuthors, onError, reset, share, timeline, to],
  );

  /** Jumps to a moment, saying so while the scene is built. */
  const seek = useCallback(
    (at: number) => {
      if (!http || !timeline) return;
      setLoading(`Building the board at ${sinceStart(at - from)}…`);
      void load(at);
    },
    [from, http, load, timeline],
  );

  // the first moment, once the timeline is there (still "Loading the recording…"): ?t=seconds, else the end;
  // later seeks come from the controls
  const loadFirst = useEffectEvent(() => {
    const param = new URLSearchParams(window.location.search).get("t");
    const t = param === null ? NaN : Number(param);
    void load(Number.isFinite(t) && t >= 0 ? from + t * 1000 : to);
  });
  useEffect(() => {
    // load() sets state only after awaiting the server's scene, never synchronously in this effect; the rule
    // cannot see through the await
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (timeline) loadFirst();
  }, [timeline]);

  // playback: advance the clock, fetch ops ahead, apply those at or before the clock
  useEffect(() => {
    if (!playing || !timeline || !http) return;
    let frame = 0;
    let last = performance.now();
    const tick = (t: number) => {
      const elapsed = t - last;
      last = t;
      const pending = queue.current;
      if (pending.length < CHUNK / 2 && !fetching.current && seq() + pending.length < timeline.head) {
        fetching.current = true;
        const after = pending.length ? pending[pending.length - 1].seq : seq();
        void replayApi
          .ops(http, base, after, CHUNK)
          .then((ops) => queue.current.push(...ops))
          .finally(() => (fetching.current = false));
      }
      const nextAt = pending.length ? Date.parse(pending[0].at) : null;
      clock.current = advance(clock.current, elapsed, speed, nextAt, skipIdle, to, skipIdle ? speech.current(clock.current) : null);
      let due = 0;
      while (due < pending.length && Date.parse(pending[due].at) <= clock.current) due++;
      if (due > 0 && apply(pending.splice(0, due))) draw();
      setNow(clock.current);
      // the end is reached when the clock is there and every op up to the head has been applied
      if (clock.current >= to && pending.length === 0 && !fetching.current && seq() >= timeline.head) {
        setPlaying(false);
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [apply, base, draw, http, playing, seq, skipIdle, speed, timeline, to]);

  /** Stops playing and jumps to a moment (the scrubber, a marker, the arrow keys). */
  const jump = useCallback(
    (at: number) => {
      setPlaying(false);
      seek(at);
    },
    [seek],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement && event.target.type !== "range") return;
      if (event.key === " ") {
        event.preventDefault();
        setPlaying((p) => !p);
      } else if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
        event.preventDefault();
        jump(clock.current + (event.key === "ArrowRight" ? 10_000 : -10_000));
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [jump]);

  /** The moment shown now (for "New board from here"). */
  const moment = useCallback(() => clock.current, []);

  return { now, from, to, playing, setPlaying, speed, setSpeed, skipIdle, setSkipIdle, loading, jump, moment };
}
