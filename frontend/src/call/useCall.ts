import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import type { Http } from "../api/http";
import type { Peer, SignalMessage } from "../sync/protocol";
import type { SyncClient } from "../sync/SyncClient";
import { CallMesh, type CallSettings, type CallState } from "./CallMesh";
import { CallRecorder, putChunk } from "./CallRecorder";
import { IndexedDbQueue, MemoryQueue } from "./chunkQueue";
import { Uploader } from "./Uploader";
import { HANGOVER_MS } from "./voice";

declare global {
  interface Window {
    /** The board's call, for the browser tests and the console. */
    mockboardCall?: CallMesh;
    /** The recording's uploader, for the browser tests. */
    mockboardUploader?: Uploader;
  }
}

const IDLE: CallState = {
  phase: "idle",
  listening: false,
  muted: false,
  speaking: false,
  reconnecting: false,
  peers: [],
  deviceId: null,
  camera: null,
};

/**
 * The call on a board: its settings from the server, the mesh bound to the board's socket, the microphones to
 * choose from, Alt+M to mute, and, in a running session, the recording of this person's voice if they agree.
 * `onSignal` and `onPeers` take what the socket hears.
 */
export function useCall(client: SyncClient | null, http: Http | null, sessionId: string | null, onError: (text: string) => void) {
  const [settings, setSettings] = useState<CallSettings | null>(null);
  const [state, setState] = useState<CallState>(IDLE);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [recording, setRecording] = useState(false);
  const meshRef = useRef<CallMesh | null>(null);
  const recorderRef = useRef<CallRecorder | null>(null);
  const consent = useRef(false);
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

  // chunks wait in IndexedDB until stored; what an earlier page of this browser left behind is sent first
  useEffect(() => {
    if (!http || !sessionId) return;
    const queue = typeof indexedDB === "undefined" ? new MemoryQueue() : new IndexedDbQueue();
    const uploader = new Uploader(queue, putChunk(http), { setTimeout: (fn, ms) => window.setTimeout(fn, ms), random: Math.random },
      (chunk, status) => console.error(`Mockboard: chunk ${chunk.seq} of a recording was refused (${status})`));
    void uploader.flush();
    const online = () => void uploader.flush();
    window.addEventListener("online", online);
    recorderRef.current = new CallRecorder(http, sessionId, uploader);
    window.mockboardUploader = uploader;
    return () => {
      window.removeEventListener("online", online);
      recorderRef.current?.stop();
      recorderRef.current = null;
    };
  }, [http, sessionId]);

  const recordWith = useEffectEvent((stream: MediaStream | null) => {
    const recorder = recorderRef.current;
    if (!recorder || !consent.current) return;
    if (stream === null) {
      recorder.stop();
      setRecording(false);
      return;
    }
    recorder.start(stream).then(
      () => setRecording(true),
      (e: unknown) => {
        setRecording(false);
        onError(`Your voice is not being recorded: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
  });

  useEffect(() => {
    if (!client || !settings || typeof RTCPeerConnection === "undefined") return;
    const mesh = new CallMesh(settings, {
      signal: (to, kind, data) => client.signal(to, kind, data),
      changed: (next) => {
        setState(next);
        // a voice stops counting as speaking a hangover after its last loud moment, a muted one at once
        recorderRef.current?.speaking(next.speaking, next.muted ? 0 : HANGOVER_MS);
      },
      microphoneChanged: (stream) => recordWith(stream),
    });
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

  /** Joins the call; `record`: this person agreed to have their voice recorded for the session's review. */
  const join = useCallback(async (withMicrophone: boolean, record = false) => {
    consent.current = record && withMicrophone;
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
  const toggleCamera = useCallback(() => {
    const mesh = meshRef.current;
    if (!mesh) return;
    mesh.setCamera(mesh.state.camera === null).catch((e: unknown) =>
      onError(`The camera could not be turned on: ${e instanceof Error ? e.message : String(e)}`));
  }, [onError]);

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

  return {
    available: settings !== null && client !== null,
    /** The call is recorded (a running session): joining asks for consent. */
    recordable: sessionId !== null,
    recording,
    state,
    devices,
    join,
    leave,
    toggleMute,
    toggleCamera,
    chooseDevice,
    onSignal,
    onPeers,
  };
}
