import { useCallback, useEffect, useRef, useState } from "react";
import type { Http } from "../api/http";
import type { Peer, SignalMessage } from "../sync/protocol";
import type { SyncClient } from "../sync/SyncClient";
import { CallMesh, type CallSettings, type CallState } from "./CallMesh";

declare global {
  interface Window {
    /** The board's call, for the browser tests and the console. */
    mockboardCall?: CallMesh;
  }
}

const IDLE: CallState = { phase: "idle", listening: false, muted: false, speaking: false, reconnecting: false, peers: [], deviceId: null };

/**
 * The call on a board: its settings from the server, the mesh bound to the board's socket, the microphones to
 * choose from, and Alt+M to mute. `onSignal` and `onPeers` take what the socket hears.
 */
export function useCall(client: SyncClient | null, http: Http | null) {
  const [settings, setSettings] = useState<CallSettings | null>(null);
  const [state, setState] = useState<CallState>(IDLE);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const meshRef = useRef<CallMesh | null>(null);
  const board = useRef<{ me: string | null; peers: string[] }>({ me: null, peers: [] });

  useEffect(() => {
    if (!http) return;
    let cancelled = false;
    http
      .json<CallSettings>("/api/call/settings", "Loading the call's settings")
      .then((s) => !cancelled && setSettings(s))
      .catch((e) => console.warn("Mockboard: no call settings", e));
    return () => {
      cancelled = true;
    };
  }, [http]);

  useEffect(() => {
    if (!client || !settings || typeof RTCPeerConnection === "undefined") return;
    const mesh = new CallMesh(settings, { signal: (to, kind, data) => client.signal(to, kind, data), changed: setState });
    mesh.onPeers(board.current.me, board.current.peers);
    meshRef.current = mesh;
    window.mockboardCall = mesh;
    return () => {
      mesh.dispose();
      meshRef.current = null;
      setState(IDLE);
    };
  }, [client, settings]);

  const onSignal = useCallback((signal: SignalMessage) => meshRef.current?.onSignal(signal), []);
  const onPeers = useCallback((you: Peer | null, list: Peer[]) => {
    board.current = { me: you?.sessionId ?? null, peers: list.map((p) => p.sessionId) };
    meshRef.current?.onPeers(board.current.me, board.current.peers);
  }, []);

  const join = useCallback(async (withMicrophone: boolean) => {
    await meshRef.current?.join(withMicrophone);
    if (withMicrophone && navigator.mediaDevices?.enumerateDevices) {
      const all = await navigator.mediaDevices.enumerateDevices();
      setDevices(all.filter((d) => d.kind === "audioinput" && d.deviceId));
    }
  }, []);
  const leave = useCallback(() => meshRef.current?.leave(), []);
  const toggleMute = useCallback(() => {
    const mesh = meshRef.current;
    if (mesh && mesh.state.phase === "in-call") mesh.setMuted(!mesh.state.muted);
  }, []);
  const chooseDevice = useCallback((deviceId: string) => void meshRef.current?.useDevice(deviceId), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.shiftKey && !event.ctrlKey && (event.code === "KeyM" || event.key === "m" || event.key === "M")) {
        event.preventDefault();
        toggleMute();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [toggleMute]);

  return { available: settings !== null && client !== null, state, devices, join, leave, toggleMute, chooseDevice, onSignal, onPeers };
}
