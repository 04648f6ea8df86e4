import { useState } from "react";
import type { CallState } from "./CallMesh";

type Props = {
  state: CallState;
  /** The call is recorded for the session's review: joining with a microphone asks whether to record this voice. */
  recordable: boolean;
  /** This person's voice is being recorded. */
  recording: boolean;
  /** Observers listen: they join without a microphone. */
  listenOnly: boolean;
  devices: MediaDeviceInfo[];
  onJoin(withMicrophone: boolean, record: boolean): void;
  onLeave(): void;
  onToggleMute(): void;
  onDevice(deviceId: string): void;
  onToggleCamera(): void;
};

/**
 * The call in the top bar: join (or listen), mute with Alt+M, the camera (off by default), pick a microphone, leave;
 * and what state it is in.
 */
export function CallControls({ state, recordable, recording, listenOnly, devices, onJoin, onLeave, onToggleMute, onDevice, onToggleCamera }: Props) {
  const [asking, setAsking] = useState(false);
  // what this person chose about recording their voice, kept for "Try again" after a blocked microphone
  const [consented, setConsented] = useState(false);
  const others = state.peers.length;
  if (state.phase === "idle" || state.phase === "joining") {
    const join = (record: boolean) => {
      setAsking(false);
      setConsented(record);
      onJoin(!listenOnly, record);
    };
    return (
      <span className="call">
        <button type="button" className="call-button" data-testid="call-join" disabled={state.phase === "joining"} aria-expanded={asking}
          title={listenOnly ? "Listen to the call on this board" : "Join the audio call on this board"}
          onClick={() => (recordable && !listenOnly ? setAsking(!asking) : join(false))}>
          <HeadsetIcon />
          {state.phase === "joining" ? "Joining…" : listenOnly ? "Listen in" : "Join call"}
        </button>
        {asking && (
          <div className="call-consent" role="dialog" aria-label="Recording the call" data-testid="call-consent"
            onKeyDown={(e) => e.key === "Escape" && setAsking(false)}>
            <p>
              <strong>This session records the conversation</strong> so it can be replayed with the board. Your voice is
              recorded only if you agree; you can talk either way.
            </p>
            <div className="call-consent-actions">
              <button type="button" className="primary" data-testid="call-join-recorded" autoFocus onClick={() => join(true)}>
                Record my voice and join
              </button>
              <button type="button" data-testid="call-join-unrecorded" onClick={() => join(false)}>
                Join without recording
              </button>
            </div>
          </div>
        )}
      </span>
    );
  }
  if (state.phase === "blocked") {
    return (
      <span className="call" data-testid="call" data-phase="blocked">
        <span className="call-note error" role="alert" title="The browser blocks the microphone: allow it in the address bar, then try again">
          Microphone blocked
        </span>
        <button type="button" className="call-button" data-testid="call-retry" onClick={() => onJoin(true, consented)}
          title="Allow the microphone in the address bar, then try again">
          Try again
        </button>
        <button type="button" className="call-button" onClick={() => onJoin(false, false)}>
          Listen only
        </button>
      </span>
    );
  }
  return (
    <span className="call" data-testid="call" data-phase="in-call" data-speaking={state.speaking} data-muted={state.muted}
      data-recording={recording}>
      {recording && (
        <span className="call-rec" data-testid="call-recording" title="Your voice is being recorded for the session's review">
          Rec
        </span>
      )}
      {!state.listening && (
        <button type="button" className={`call-button mic${state.speaking ? " speaking" : ""}`} data-testid="call-mute"
          aria-pressed={state.muted} onClick={onToggleMute} title={state.muted ? "Unmute (Alt+M)" : "Mute (Alt+M)"}
          aria-label={state.muted ? "Unmute" : "Mute"}>
          <MicIcon muted={state.muted} />
        </button>
      )}
      {!state.listening && (
        <button type="button" className="call-button camera" data-testid="call-camera" aria-pressed={state.camera !== null}
          onClick={onToggleCamera} title={state.camera ? "Turn the camera off" : "Turn the camera on (not recorded)"}
          aria-label={state.camera ? "Camera off" : "Camera on"}>
          <CameraIcon off={state.camera === null} />
        </button>
      )}
      {state.listening && <span className="call-note">Listening</span>}
      {devices.length > 1 && !state.listening && (
        <select className="call-device" aria-label="Microphone" value={state.deviceId ?? ""} onChange={(e) => onDevice(e.target.value)}>
          {state.deviceId === null && <option value="">Default microphone</option>}
          {devices.map((d, i) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || `Microphone ${i + 1}`}
            </option>
          ))}
        </select>
      )}
      <span className={state.reconnecting || others === 0 ? "call-note" : "call-count"} data-testid="call-count" role="status">
        {state.reconnecting ? "Reconnecting the call…" : others === 0 ? "Waiting for others" : `${others + 1} in call`}
      </span>
      <button type="button" className="call-button leave" data-testid="call-leave" onClick={onLeave} title="Leave the call">
        Leave
      </button>
    </span>
  );
}

function HeadsetIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <path d="M3 18v-6a9 9 0 0 1 18 0v6" />
      <path d="M21 19a2 2 0 0 1-2 2h-1v-6h3zM3 19a2 2 0 0 0 2 2h1v-6H3z" />
    </svg>
  );
}

function CameraIcon({ off }: { off: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <rect x="2" y="6" width="14" height="12" rx="2" />
      <path d="M16 10l6-3v10l-6-3z" />
      {off && <path d="M3 3l18 18" />}
    </svg>
  );
}

function MicIcon({ muted }: { muted: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <rect x="9" y="2" width="6" height="12" rx="3" />
      <path d="M5 10a7 7 0 0 0 14 0M12 17v4" />
      {muted && <path d="M3 3l18 18" />}
    </svg>
  );
}
