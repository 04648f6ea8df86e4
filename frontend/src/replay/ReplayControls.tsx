import { memo } from "react";
import { position, sinceStart } from "./playback";
import type { Authors, Timeline } from "./replayApi";
import { AUDIBLE_SPEEDS, audible, type Spoken } from "./voices";

const SPEEDS = [0.5, 1, 1.5, 2, 4, 8, 16, 32];

/** The recorded conversation as the player shows it: speakers, their volume, when they spoke, loading. */
export type PlayerVoices = {
  people: { userId: string; name: string; color: string }[];
  spoken: Spoken[];
  volumes: Record<string, number>;
  setVolume: (userId: string, volume: number) => void;
  status: string | null;
};

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
  voices: PlayerVoices;
};

/**
 * The player under the recorded board: play/pause, the time, the scrubber with markers for steps, notes and hint
 * reveals and a speaking lane per voice, speed, the voices' volumes, "New board from here", skipping quiet time,
 * recorded cursors, pinned elements and highlighting.
 */
export function ReplayControls(props: Props) {
  const { timeline, now, from, to, playing, onPlaying, onJump, voices } = props;
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
        {voices.people.length > 0 && <SpeakingLanes people={voices.people} spoken={voices.spoken} from={from} to={to} />}
      </div>
      <label className="player-option" title={voices.people.length ? `The conversation plays at ${AUDIBLE_SPEEDS.min}×–${AUDIBLE_SPEEDS.max}×` : undefined}>
        Speed
        <select value={props.speed} onChange={(e) => props.onSpeed(Number(e.target.value))} aria-label="Speed">
          {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
        </select>
        {voices.people.length > 0 && !audible(props.speed) && <span className="muted-note" data-testid="audio-muted">audio off</span>}
      </label>
      {(voices.people.length > 0 || voices.status) && <VoiceVolumes voices={voices} />}
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

type LanesProps = { people: PlayerVoices["people"]; spoken: Spoken[]; from: number; to: number };

/**
 * One thin lane per voice under the scrubber, filled where that person spoke. Memoised: the player re-renders on
 * every frame while playing, the lanes only when the recording or its span change.
 */
const SpeakingLanes = memo(function SpeakingLanes({ people, spoken, from, to }: LanesProps) {
  return (
    <div className="speech-lanes" data-testid="speech-lanes" aria-hidden="true">
      {people.map((p) => (
        <div key={p.userId} className="speech-lane" title={`When ${p.name} spoke`}>
          {spoken.filter((s) => s.userId === p.userId && s.to > from && s.from < to).map((s, i) => {
            const left = position(s.from, from, to) * 100;
            return <span key={i} style={{ left: `${left}%`, width: `${Math.max(0.2, position(s.to, from, to) * 100 - left)}%`, background: p.color }} />;
          })}
        </div>
      ))}
    </div>
  );
});

/** The voices' volumes, in a popover: one slider per speaker, and what is still loading. */
function VoiceVolumes({ voices }: { voices: PlayerVoices }) {
  return (
    <details className="voices-menu" data-testid="voices">
      <summary className="panel-toggle">Voices{voices.people.length ? ` (${voices.people.length})` : ""}</summary>
      <div className="voices-popover">
        {voices.status && <p className="muted-note">{voices.status}</p>}
        {voices.people.map((p) => (
          <label key={p.userId} className="voice-volume">
            <span className="swatch" style={{ background: p.color }} />
            <span className="voice-name">{p.name}</span>
            <input type="range" min={0} max={1} step={0.05} value={voices.volumes[p.userId] ?? 1} aria-label={`Volume of ${p.name}`}
              onChange={(e) => voices.setVolume(p.userId, Number(e.target.value))} />
          </label>
        ))}
      </div>
    </details>
  );
}
