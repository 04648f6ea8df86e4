import { Excalidraw } from "@excalidraw/excalidraw";
import type { Collaborator, ExcalidrawImperativeAPI, SocketId } from "@excalidraw/excalidraw/types";
import { useCallback, useEffect, useMemo, useState } from "react";
import { BoardMenu } from "../board/BoardMenu";
import { collaborators } from "../presence/collaborators";
import { Notice, TopBar } from "../ui/TopBar";
import { replayApi } from "./replayApi";
import { ReplayControls } from "./ReplayControls";
import { usePlayback } from "./usePlayback";
import { useReplayData } from "./useReplayData";
import { useReplayScene } from "./useReplayScene";
import { useReplayVoices } from "./useReplayVoices";
import { ViewportOutlines, type Scroll } from "./ViewportOutlines";
import { nextSpeech, speakersAt, type VoiceTrack } from "./voices";

declare global {
  interface Window {
    /** The replay's clock (epoch ms) and recorded tracks, for the browser tests and the console. */
    mockboardReplayVoices?: { clock: () => number; tracks: VoiceTrack[]; corrected: () => number };
  }
}

/**
 * The replay viewer: the recorded board in view mode with the recorded conversation, a scrubber with markers for
 * steps, notes and hint reveals and a speaking lane, play/pause (space), ±10 s (arrows), speeds 0.5×–32×, skipping
 * quiet time, deep links (?t=seconds), the participants' recorded cursors and viewports, and highlighting one
 * author's elements.
 */
export function ReplayPage({ sessionId }: { sessionId: string }) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const [showPresence, setShowPresence] = useState(true);
  const [scroll, setScroll] = useState<Scroll>({ scrollX: 0, scrollY: 0, zoom: 1 });
  const data = useReplayData(api, sessionId);
  const { share, http, timeline, error, setError, track } = data;
  const view = useReplayScene(api, http, data.base);
  const voices = useReplayVoices(http, sessionId, share);
  const { spoken, follow } = voices;
  const nextSpeechAt = useCallback((at: number) => nextSpeech(spoken, at), [spoken]);
  const playback = usePlayback({ api, http, base: data.base, share, timeline }, view, setError, nextSpeechAt);
  const { now, setPlaying, moment, playing, speed, setSpeed } = playback;

  // the conversation follows the replay's clock; a replay with voices starts at 1× (speech is useless faster)
  useEffect(() => follow(now, playing, speed), [follow, now, playing, speed]);
  const hasVoices = voices.tracks.length > 0;
  useEffect(() => {
    if (hasVoices) setSpeed(1);
  }, [hasVoices, setSpeed]);
  useEffect(() => {
    window.mockboardReplayVoices = { clock: moment, tracks: voices.tracks, corrected: voices.corrected };
  }, [moment, voices.tracks, voices.corrected]);
  const { loadAuthors, setHighlight } = view;

  // recorded cursors (Excalidraw draws them like live collaborators) and viewports (outlined over the canvas)
  const present = useMemo(() => (showPresence && timeline ? track.at(now) : []), [now, showPresence, timeline, track]);
  // who speaks at this moment: their avatar shows it, as in the live call
  const speaking = useMemo(() => [...speakersAt(voices.spoken, now)].sort().join("\n"), [voices.spoken, now]);
  useEffect(() => {
    if (!api) return;
    const { peers, presence } = track.asPeers(present);
    const call = new Map(speaking.split("\n").filter(Boolean).map((id) => [id, { speaking: true, muted: false }]));
    api.updateScene({ collaborators: collaborators(peers, presence, call) as unknown as Map<SocketId, Collaborator> });
  }, [api, present, speaking, track]);

  const restore = useCallback(() => {
    if (!http) return;
    setPlaying(false);
    replayApi
      .restore(http, sessionId, moment())
      .then((board) => window.location.assign(`/b/${board.id}`))
      .catch((e: Error) => setError(e.message));
  }, [http, moment, sessionId, setError, setPlaying]);

  const highlightOpen = useCallback(() => {
    if (!view.authors) loadAuthors().catch((e: Error) => setError(e.message));
  }, [loadAuthors, setError, view.authors]);

  const highlight = useCallback(
    (author: string | null) => {
      loadAuthors()
        .then(() => setHighlight(author))
        .catch((e: Error) => setError(e.message));
    },
    [loadAuthors, setError, setHighlight],
  );

  // a recording that could not be read has nothing left to load
  const loading = !timeline && error ? null : playback.loading;

  return (
    <div className="board-shell">
      <TopBar title="Replay">
        <span className="spacer" />
        {timeline && (
          <a className="panel-toggle" href={share ? `/shared/${encodeURIComponent(share)}` : `/sessions/${sessionId}`}>
            {share ? "Review" : "Session"}
          </a>
        )}
      </TopBar>
      {error && <Notice severity="error">{error}</Notice>}
      {voices.loaded.map(({ track, url }) => (
        <audio key={track.id} ref={(audio) => voices.register(track.id, audio)} src={url} preload="auto" data-testid="voice-audio"
          data-track={track.id} />
      ))}
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
          <ViewportOutlines present={present} scroll={scroll} colorOf={(userId) => track.colorOf(userId)} />
        </main>
      </div>
      {timeline && (
        <ReplayControls timeline={timeline} now={now} from={playback.from} to={playback.to} playing={playback.playing}
          onPlaying={setPlaying} onJump={playback.jump} speed={playback.speed} onSpeed={playback.setSpeed}
          skipIdle={playback.skipIdle} onSkipIdle={playback.setSkipIdle} showPresence={showPresence} onShowPresence={setShowPresence}
          presenceLoaded={track.size} pinned={view.focus.size} onClearPinned={view.clearFocus} shared={share !== null}
          onRestore={restore} authors={view.authors} highlight={view.highlight} onHighlightOpen={highlightOpen} onHighlight={highlight}
          voices={voices} />
      )}
    </div>
  );
}
