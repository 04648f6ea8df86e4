import { useEffect, useRef } from "react";
import type { CallState } from "./CallMesh";

/** One camera picture, muted (its sound plays through the call's audio element). */
function VideoTile({ stream, name, speaking, own }: { stream: MediaStream; name: string; speaking: boolean; own: boolean }) {
  const ref = useRef<HTMLVideoElement | null>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return (
    <figure className={`call-video${speaking ? " speaking" : ""}${own ? " own" : ""}`} data-testid={own ? "call-video-own" : "call-video"}>
      <video ref={ref} autoPlay muted playsInline aria-label={`${name}'s camera`} />
      <figcaption>{name}</figcaption>
    </figure>
  );
}

/** The cameras that are on, in a column over the board's right edge; nothing while every camera is off. */
export function CallVideos({ state, nameOf }: { state: CallState; nameOf: (sessionId: string) => string }) {
  const remote = state.peers.filter((p) => p.video !== null);
  if (remote.length === 0 && state.camera === null) return null;
  return (
    <aside className="call-videos" aria-label="Cameras">
      {remote.map((p) => (
        <VideoTile key={p.sessionId} stream={p.video as MediaStream} name={nameOf(p.sessionId)} speaking={p.speaking} own={false} />
      ))}
      {state.camera && <VideoTile stream={state.camera} name="You" speaking={state.speaking} own />}
    </aside>
  );
}
