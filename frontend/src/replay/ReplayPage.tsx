import { Excalidraw } from "@excalidraw/excalidraw";
import type { Collaborator, ExcalidrawImperativeAPI, SocketId } from "@excalidraw/excalidraw/types";
import { useCallback, useEffect, useRef, useState } from "react";
import { requireSession } from "../auth";
import { Api } from "../board/files";
import { restoreRemote } from "../board/restore";
import { BoardMenu } from "../board/BoardMenu";
import { sanitize } from "../board/remoteElements";
import type { ElementJson } from "../sync/protocol";
import { collaborators } from "../presence/collaborators";
import { advance, fadeAllBut, PlaybackScene, position, sinceStart, type RecordedOp } from "./playback";
import { PresenceTrack, type PresenceSample } from "./presenceTrack";

type Marker = { kind: string; at: string; title: string; detail: string; elementIds: string[] };
type Timeline = {
  sessionId: string;
  from: string;
  to: string;
  head: number;
  opCount: number;
  presenceSamples: number;
  markers: Marker[];
};
type Authors = { names: Record<string, string>; elements: Record<string, string> };
type Scroll = { scrollX: number; scrollY: number; zoom: number };
type SceneAt = { seq: number; at: string | null; skipped: number[]; elements: ElementJson[] };

const SPEEDS = [1, 2, 4, 8, 16, 32];
const CHUNK = 500;
const PRESENCE_CHUNK = 2_000;

async function get<T>(http: Api, path: string): Promise<T> {
  const response = await http.fetch(path);
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new Error(problem.detail ?? `Loading the recording failed (${response.status})`);
  }
  return (await response.json()) as T;
}

/**
 * The replay viewer: the recorded board in view mode, a scrubber with markers for steps, notes and hint
 * reveals, play/pause (space), ±10 s (arrows), speeds 1×–32×, skipping quiet time, deep links (?t=seconds), the
 * participants' recorded cursors and viewports, and highlighting one author's elements.
 */
export function ReplayPage({ sessionId }: { sessionId: string }) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(4);
  const [skipIdle, setSkipIdle] = useState(true);
  const [loading, setLoading] = useState<string | null>("Loading the recording…");
  const [showPresence, setShowPresence] = useState(true);
  const [presenceLoaded, setPresenceLoaded] = useState(0);
  const [scroll, setScroll] = useState<Scroll>({ scrollX: 0, scrollY: 0, zoom: 1 });
  const [authors, setAuthors] = useState<Authors | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  // ?focus=id,id (a note's pinned elements): everything else is faded until cleared
  const [focus, setFocus] = useState<Set<string>>(
    () => new Set((new URLSearchParams(window.location.search).get("focus") ?? "").split(",").filter(Boolean)),
  );
  const http = useRef<Api | null>(null);
  const track = useRef(new PresenceTrack());
  const scene = useRef(new PlaybackScene());
  const queue = useRef<RecordedOp[]>([]);
  const fetching = useRef(false);
  const clock = useRef(0);
  const framed = useRef(false);

  // a review shared through a link (?share=token) reads the same recording through the link, without signing in
  const share = useRef(new URLSearchParams(window.location.search).get("share")).current;
  const base = share ? `/api/shared/${encodeURIComponent(share)}` : `/api/sessions/${sessionId}`;
  const from = timeline ? Date.parse(timeline.from) : 0;
  const to = timeline ? Date.parse(timeline.to) : 0;

  const draw = useCallback(() => {
    const shown = scene.current.visible(highlight);
    // a recording may hold elements from before validation: repaired or left out, never a crashed replay
    const sound = sanitize(shown, restoreRemote).elements;
    api?.updateScene({ elements: (focus.size ? fadeAllBut(sound, (e) => focus.has(e.id)) : sound) as never });
  }, [api, focus, highlight]);

  /** Who last changed each element at the scene's seq, so the highlight survives seeks. */
  const loadAuthors = useCallback(async () => {
    if (!http.current) return;
    const seq = scene.current.seq;
    const result = await get<Authors>(http.current, `${base}/replay/authors?seq=${seq}`);
    if (scene.current.seq !== seq) return;
    Object.entries(result.elements).forEach(([id, author]) => {
      if (!scene.current.authors.has(id)) scene.current.authors.set(id, author);
    });
    setAuthors(result);
  }, [base]);

  /** Jumps to a moment: the server builds the scene there (one snapshot plus a bounded number of ops). */
  const seek = useCallback(
    async (at: number) => {
      if (!http.current || !timeline) return;
      setLoading(`Building the board at ${sinceStart(at - from)}…`);
      try {
        const iso = new Date(Math.min(Math.max(at, from), to)).toISOString();
        const result = await get<SceneAt>(http.current, `${base}/replay/scene?at=${encodeURIComponent(iso)}`);
        scene.current.reset(result.seq, result.elements);
        scene.current.skipped = result.skipped;
        queue.current = [];
        clock.current = Math.min(Math.max(at, from), to);
        setNow(clock.current);
        if (highlight !== null) await loadAuthors();
        draw();
        if (!framed.current && api) {
          framed.current = true;
          const focused = api.getSceneElements().filter((e) => focus.has(e.id));
          api.scrollToContent(focused.length ? focused : undefined, { fitToViewport: true, viewportZoomFactor: 0.9, animate: false });
        }
        const t = Math.round((clock.current - from) / 1000);
        const focusParam = focus.size ? `&focus=${[...focus].map(encodeURIComponent).join(",")}` : "";
        const shareParam = share ? `&share=${encodeURIComponent(share)}` : "";
        window.history.replaceState(null, "", `${window.location.pathname}?t=${t}${focusParam}${shareParam}`);
      } catch (e) {
        setError(e instanceof Error ? e.message : "Seeking failed");
      } finally {
        setLoading(null);
      }
    },
    [api, base, draw, focus, from, highlight, loadAuthors, share, timeline, to],
  );

  useEffect(() => {
    if (!api) return;
    window.mockboard = { excalidraw: api };
    void (share ? Promise.resolve({ accessToken: null }) : requireSession()).then(async (session) => {
      if (!session) return;
      http.current = new Api(session.accessToken);
      try {
        setTimeline(await get<Timeline>(http.current, `${base}/replay`));
      } catch (e) {
        setError(e instanceof Error ? e.message : "The recording could not be loaded");
        setLoading(null);
      }
    });
  }, [api, base, share]);

  useEffect(() => {
    if (!timeline) return;
    const param = new URLSearchParams(window.location.search).get("t");
    const t = param === null ? NaN : Number(param);
    void seek(Number.isFinite(t) && t >= 0 ? from + t * 1000 : to);
    // first load only: later seeks come from the controls
  }, [timeline]);

  // the sampled presence, in chunks in the background (progress shows in the player)
  useEffect(() => {
    if (!timeline || !http.current) return;
    let cancelled = false;
    void (async () => {
      let after = 0;
      let loaded = 0;
      for (;;) {
        const chunk = await get<PresenceSample[]>(http.current!, `${base}/replay/presence?after=${after}&limit=${PRESENCE_CHUNK}`);
        if (cancelled) return;
        track.current.add(chunk);
        loaded += chunk.length;
        setPresenceLoaded(loaded);
        if (chunk.length < PRESENCE_CHUNK) return;
        after = chunk[chunk.length - 1].id;
      }
    })().catch((e: Error) => setError(`Cursors could not be loaded: ${e.message}`));
    return () => {
      cancelled = true;
    };
  }, [base, timeline]);

  // recorded cursors (Excalidraw draws them like live collaborators)
  const present = showPresence && timeline ? track.current.at(now) : [];
  useEffect(() => {
    if (!api) return;
    const { peers, presence } = track.current.asPeers(present);
    api.updateScene({ collaborators: collaborators(peers, presence) as unknown as Map<SocketId, Collaborator> });
  }, [api, now, presenceLoaded, showPresence]);

  useEffect(() => {
    draw();
  }, [draw]);

  // playback: advance the clock, fetch ops ahead, apply those at or before the clock
  useEffect(() => {
    if (!playing || !timeline || !http.current) return;
    let frame = 0;
    let last = performance.now();
    const tick = (t: number) => {
      const elapsed = t - last;
      last = t;
      const pending = queue.current;
      if (pending.length < CHUNK / 2 && !fetching.current && scene.current.seq + pending.length < timeline.head) {
        fetching.current = true;
        const after = pending.length ? pending[pending.length - 1].seq : scene.current.seq;
        void get<RecordedOp[]>(http.current!, `${base}/replay/ops?after=${after}&limit=${CHUNK}`)
          .then((ops) => queue.current.push(...ops))
          .finally(() => (fetching.current = false));
      }
      const nextAt = pending.length ? Date.parse(pending[0].at) : null;
      clock.current = advance(clock.current, elapsed, speed, nextAt, skipIdle, to);
      let due = 0;
      while (due < pending.length && Date.parse(pending[due].at) <= clock.current) due++;
      if (due > 0 && scene.current.apply(pending.splice(0, due))) draw();
      setNow(clock.current);
      // the end is reached when the clock is there and every op up to the head has been applied
      if (clock.current >= to && pending.length === 0 && !fetching.current && scene.current.seq >= timeline.head) {
        setPlaying(false);
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [base, draw, playing, skipIdle, speed, timeline, to]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement && event.target.type !== "range") return;
      if (event.key === " ") {
        event.preventDefault();
        setPlaying((p) => !p);
      } else if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
        event.preventDefault();
        setPlaying(false);
        void seek(clock.current + (event.key === "ArrowRight" ? 10_000 : -10_000));
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [seek]);

  return (
    <div className="board-shell">
      <header className="topbar">
        <a className="brand" href="/home">
          <span className="brand-mark" aria-hidden="true" />
          Mockboard
        </a>
        <span className="board-title">Replay</span>
        <span className="spacer" />
        {timeline && (
          <a className="panel-toggle" href={share ? `/shared/${encodeURIComponent(share)}` : `/sessions/${sessionId}`}>
            {share ? "Review" : "Session"}
          </a>
        )}
      </header>
      {error && (
        <div className="notice error" role="alert">
          {error}
        </div>
      )}
      <div className="board-body">
        <main className="canvas replay-canvas" aria-label="Recorded board" aria-busy={loading !== null}>
          {loading !== null && (
            <div className="loading" data-testid="replay-loading">
              {loading}
            </div>
          )}
          <Excalidraw excalidrawAPI={setApi} viewModeEnabled name={timeline ? `Replay ${timeline.from.slice(0, 10)}` : "Mockboard replay"}
            onScrollChange={(scrollX, scrollY, zoom) => setScroll({ scrollX, scrollY, zoom: zoom.value })}>
            <BoardMenu />
          </Excalidraw>
          {present.filter((p) => p.viewport).map((p) => (
            <div key={p.userId} className="replay-viewport" data-testid="replay-viewport" aria-hidden="true"
              style={{
                left: (p.viewport!.x + scroll.scrollX) * scroll.zoom,
                top: (p.viewport!.y + scroll.scrollY) * scroll.zoom,
                width: p.viewport!.width * scroll.zoom,
                height: p.viewport!.height * scroll.zoom,
                borderColor: track.current.colorOf(p.userId),
              }}>
              <span style={{ background: track.current.colorOf(p.userId) }}>{p.name}'s view</span>
            </div>
          ))}
        </main>
      </div>
      {timeline && (
        <footer className="player" data-testid="player">
          <button type="button" className="button" onClick={() => setPlaying((p) => !p)} aria-label={playing ? "Pause" : "Play"}
            title="Play / pause (space)" data-testid="play">
            {playing ? "❚❚" : "▶"}
          </button>
          <span className="player-time" data-testid="replay-time">
            {sinceStart(now - from)} / {sinceStart(to - from)}
          </span>
          <div className="scrubber">
            <input type="range" min={0} max={1000} value={Math.round(position(now, from, to) * 1000)} aria-label="Position"
              onChange={(e) => {
                setPlaying(false);
                void seek(from + (Number(e.target.value) / 1000) * (to - from));
              }} />
            <div className="markers">
              {timeline.markers.map((m, i) => (
                <button key={i} type="button" className={`marker ${m.kind}`} style={{ left: `${position(Date.parse(m.at), from, to) * 100}%` }}
                  title={`${sinceStart(Date.parse(m.at) - from)} · ${m.title}${m.detail ? ": " + m.detail : ""}`}
                  aria-label={m.title} data-testid={`marker-${m.kind}`}
                  onClick={() => {
                    setPlaying(false);
                    void seek(Date.parse(m.at));
                  }} />
              ))}
            </div>
          </div>
          <label className="player-option">
            Speed
            <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label="Speed">
              {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
            </select>
          </label>
          {!share && <button type="button" className="panel-toggle" data-testid="restore" title="Create a new board with the scene shown now"
            onClick={() => {
              setPlaying(false);
              void http.current
                ?.fetch(`/api/sessions/${sessionId}/replay/restore`, {
                  method: "POST",
                  headers: { "Content-Type": "application/json" },
                  body: JSON.stringify({ at: new Date(clock.current).toISOString() }),
                })
                .then(async (response) => {
                  if (!response.ok) throw new Error(((await response.json()) as { detail?: string }).detail ?? "Not created");
                  const board = (await response.json()) as { id: string };
                  window.location.assign(`/b/${board.id}`);
                })
                .catch((e: Error) => setError(e.message));
            }}>
            New board from here
          </button>}
          <label className="player-option">
            <input type="checkbox" checked={skipIdle} onChange={(e) => setSkipIdle(e.target.checked)} /> Skip quiet time
          </label>
          <label className="player-option" title="Recorded cursors and each participant's visible area">
            <input type="checkbox" checked={showPresence} onChange={(e) => setShowPresence(e.target.checked)} data-testid="show-presence" />
            Cursors
            {timeline.presenceSamples > 0 && presenceLoaded < timeline.presenceSamples && (
              <progress max={timeline.presenceSamples} value={presenceLoaded} aria-label="Cursors loaded" />
            )}
          </label>
          {focus.size > 0 && (
            <button type="button" className="panel-toggle" data-testid="clear-focus" onClick={() => setFocus(new Set())}
              title="The note's pinned elements are shown; everything else is faded">
              {focus.size} pinned ✕
            </button>
          )}
          {!share && <label className="player-option">
            Highlight
            <select value={highlight ?? ""} aria-label="Highlight an author" data-testid="highlight"
              onFocus={() => void (authors ? null : loadAuthors().catch((e: Error) => setError(e.message)))}
              onChange={(e) => {
                const author = e.target.value || null;
                void loadAuthors()
                  .then(() => setHighlight(author))
                  .catch((err: Error) => setError(err.message));
              }}>
              <option value="">Everyone</option>
              {Object.entries(authors?.names ?? {}).map(([id, name]) => <option key={id} value={id}>{name}</option>)}
            </select>
          </label>}
        </footer>
      )}
    </div>
  );
}
