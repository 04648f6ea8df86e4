import { position, sinceStart } from "./playback";
import type { Authors, Timeline } from "./replayApi";

const SPEEDS = [1, 2, 4, 8, 16, 32];

type Props = {
  timeline: Timeline;
  now: number;
  from: number;
  to: number;
  playing: boolean;
  onPlaying: (update: (playing: boolean) => boolean) => void;
  /** Stops playing and jumps to a moment. */
  onJump: (at: number) => void;
  speed: number;
  onSpeed: (speed: number) => void;
  skipIdle: boolean;
  onSkipIdle: (skip: boolean) => void;
  showPresence: boolean;
  onShowPresence: (show: boolean) => void;
  presenceLoaded: number;
  pinned: number;
  onClearPinned: () => void;
  /** Restore and highlight are for signed-in viewers, not for a review shared through a link. */
  shared: boolean;
  onRestore: () => void;
  authors: Authors | null;
  highlight: string | null;
  /** The authors are loaded when the highlight list is opened. */
  onHighlightOpen: () => void;
  onHighlight: (author: string | null) => void;
};

/**
 * The player under the recorded board: play/pause, the time, the scrubber with markers for steps, notes and hint
 * reveals, speed, "New board from here", skipping quiet time, recorded cursors, pinned elements and highlighting.
 */
export function ReplayControls(props: Props) {
  const { timeline, now, from, to, playing, onPlaying, onJump } = props;
  return (
    <footer className="player" data-testid="player">
      <button type="button" className="button" onClick={() => onPlaying((p) => !p)} aria-label={playing ? "Pause" : "Play"}
        title="Play / pause (space)" data-testid="play">
        {playing ? "❚❚" : "▶"}
      </button>
      <span className="player-time" data-testid="replay-time">
        {sinceStart(now - from)} / {sinceStart(to - from)}
      </span>
      <div className="scrubber">
        <input type="range" min={0} max={1000} value={Math.round(position(now, from, to) * 1000)} aria-label="Position"
          onChange={(e) => onJump(from + (Number(e.target.value) / 1000) * (to - from))} />
        <div className="markers">
          {timeline.markers.map((m, i) => (
            <button key={i} type="button" className={`marker ${m.kind}`} style={{ left: `${position(Date.parse(m.at), from, to) * 100}%` }}
              title={`${sinceStart(Date.parse(m.at) - from)} · ${m.title}${m.detail ? ": " + m.detail : ""}`}
              aria-label={m.title} data-testid={`marker-${m.kind}`}
              onClick={() => onJump(Date.parse(m.at))} />
          ))}
        </div>
      </div>
      <label className="player-option">
        Speed
        <select value={props.speed} onChange={(e) => props.onSpeed(Number(e.target.value))} aria-label="Speed">
          {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
        </select>
      </label>
      {!props.shared && (
        <button type="button" className="panel-toggle" data-testid="restore" title="Create a new board with the scene shown now"
          onClick={props.onRestore}>
          New board from here
        </button>
      )}
      <label className="player-option">
        <input type="checkbox" checked={props.skipIdle} onChange={(e) => props.onSkipIdle(e.target.checked)} /> Skip quiet time
      </label>
      <label className="player-option" title="Recorded cursors and each participant's visible area">
        <input type="checkbox" checked={props.showPresence} onChange={(e) => props.onShowPresence(e.target.checked)} data-testid="show-presence" />
        Cursors
        {timeline.presenceSamples > 0 && props.presenceLoaded < timeline.presenceSamples && (
          <progress max={timeline.presenceSamples} value={props.presenceLoaded} aria-label="Cursors loaded" />
        )}
      </label>
      {props.pinned > 0 && (
        <button type="button" className="panel-toggle" data-testid="clear-focus" onClick={props.onClearPinned}
          title="The note's pinned elements are shown; everything else is faded">
          {props.pinned} pinned ✕
        </button>
      )}
      {!props.shared && (
        <label className="player-option">
          Highlight
          <select value={props.highlight ?? ""} aria-label="Highlight an author" data-testid="highlight"
            onFocus={props.onHighlightOpen} onChange={(e) => props.onHighlight(e.target.value || null)}>
            <option value="">Everyone</option>
            {Object.entries(props.authors?.names ?? {}).map(([id, name]) => <option key={id} value={id}>{name}</option>)}
          </select>
        </label>
      )}
    </footer>
  );
}
