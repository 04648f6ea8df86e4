import type { SignalMessage } from "../sync/protocol";
import { PeerLink } from "./PeerLink";
import { VoiceMeter } from "./voice";

/** What the server says about ICE (`GET /api/call/settings`). */
export type CallSettings = { iceServers: RTCIceServer[]; loopbackOnly: boolean };

export type CallPhase = "idle" | "joining" | "in-call" | "blocked";

/** Another person in the call, as this page sees them. */
export type CallPeer = {
  sessionId: string;
  muted: boolean;
  listening: boolean;
  speaking: boolean;
  connection: RTCPeerConnectionState;
  /** Their camera's picture while their camera is on. */
  video: MediaStream | null;
};

export type CallState = {
  phase: CallPhase;
  /** Joined without a microphone: hears the others, is not heard (observers; a blocked microphone). */
  listening: boolean;
  muted: boolean;
  speaking: boolean;
  /** A connection to someone in the call dropped and is being restored. */
  reconnecting: boolean;
  peers: CallPeer[];
  deviceId: string | null;
  /** This page's camera picture while it is on (off by default). */
  camera: MediaStream | null;
};

/** The page's side of the call: send a signal (false when the socket is not live) and learn of changes. */
export interface CallPorts {
  signal(to: string | null, kind: string, data: Record<string, unknown> | null): boolean;
  changed(state: CallState): void;
  /** The microphone (a test or a page may replace it). */
  microphone?(deviceId: string | null): Promise<MediaStream>;
  /** The camera (a test or a page may replace it). */
  cameraStream?(): Promise<MediaStream>;
  /** The microphone this page sends now (null: none, after leaving). */
  microphoneChanged?(stream: MediaStream | null): void;
}

const SELF = "self";

/**
 * A mesh call between the people on a board (2-4 in an interview): one RTCPeerConnection per other person in the
 * call, negotiated with "perfect negotiation" over the board socket's signals. Whoever is already in the call
 * offers to a newcomer (`call-join`), so a page joining never waits; offers that cross are settled by the polite
 * side (the larger session id) rolling back. Kinds: `call-join`, `call-leave`, `call-state` {muted, listening,
 * camera}, `call-description` (an SDP offer or answer), `call-candidate` (an ICE candidate). The camera is off
 * until turned on; its first use adds a video sender to each connection (a renegotiation).
 */
export class CallMesh {
  private phase: CallPhase = "idle";
  private me: string | null = null;
  private local: MediaStream | null = null;
  private camera: MediaStream | null = null;
  private muted = false;
  private speaking = false;
  private deviceId: string | null = null;
  private readonly peers = new Map<string, PeerLink>();
  private readonly meter: VoiceMeter;

  constructor(
    private readonly settings: CallSettings,
    private readonly ports: CallPorts,
  ) {
    this.meter = new VoiceMeter((key, speaking) => {
      if (key === SELF) this.speaking = speaking;
      else {
        const peer = this.peers.get(key);
        if (peer) peer.speaking = speaking;
      }
      this.report();
    });
  }

  get state(): CallState {
    return {
      phase: this.phase,
      listening: this.phase === "in-call" && this.local === null,
      muted: this.muted,
      speaking: this.speaking && !this.muted,
      reconnecting: [...this.peers.values()].some((p) => p.pc.connectionState === "disconnected" || p.pc.connectionState === "failed"),
      peers: [...this.peers.values()].map((p) => ({
        sessionId: p.id,
        muted: p.muted,
        listening: p.listening,
        speaking: p.speaking && !p.muted,
        connection: p.pc.connectionState,
        video: p.camera ? p.video : null,
      })),
      deviceId: this.deviceId,
      camera: this.camera,
    };
  }

  /** The peer connections, for the page's tests and diagnostics. */
  connections(): Map<string, RTCPeerConnection> {
    return new Map([...this.peers.values()].map((p) => [p.id, p.pc]));
  }

  /**
   * Joins the call with the microphone, or only listening. A microphone the browser blocks leaves the page in
   * "blocked" (it may join listening instead).
   */
  async join(withMicrophone: boolean): Promise<void> {
    if (this.phase === "in-call" || this.phase === "joining") return;
    this.phase = "joining";
    this.report();
    if (withMicrophone) {
      try {
        this.local = await this.microphone(this.deviceId);
      } catch (e) {
        console.warn("Mockboard: no microphone for the call", e);
        this.phase = "blocked";
        this.report();
        return;
      }
      this.local.getAudioTracks().forEach((t) => (t.enabled = !this.muted));
      this.meter.watch(SELF, this.local);
    }
    this.phase = "in-call";
    this.announce();
    this.report();
    if (this.local) this.ports.microphoneChanged?.(this.local);
  }

  leave(): void {
    if (this.phase === "idle") return;
    if (this.phase === "in-call") this.ports.signal(null, "call-leave", null);
    for (const id of [...this.peers.keys()]) this.drop(id);
    this.meter.unwatch(SELF);
    this.camera?.getTracks().forEach((t) => t.stop());
    this.camera = null;
    const hadMicrophone = this.local !== null;
    this.local?.getTracks().forEach((t) => t.stop());
    this.local = null;
    if (hadMicrophone) this.ports.microphoneChanged?.(null);
    this.speaking = false;
    this.phase = "idle";
    this.report();
  }

  /** Leaves and lets go of the audio machinery (the page is going away). */
  dispose(): void {
    this.leave();
    this.meter.stop();
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    this.local?.getAudioTracks().forEach((t) => (t.enabled = !muted));
    if (this.phase === "in-call") this.ports.signal(null, "call-state", this.ownState());
    this.report();
  }

  /** Turns the camera on or off (in the call, with a microphone); the others see it beside the board. */
  async setCamera(on: boolean): Promise<void> {
    if (this.phase !== "in-call" || this.local === null || on === (this.camera !== null)) return;
    if (on) {
      this.camera = await (this.ports.cameraStream?.() ??
        navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 320 }, height: { ideal: 240 }, frameRate: { ideal: 15 } } }));
    } else {
      this.camera?.getTracks().forEach((t) => t.stop());
      this.camera = null;
    }
    const track = this.camera?.getVideoTracks()[0] ?? null;
    for (const peer of this.peers.values()) await peer.sendCamera(track);
    this.ports.signal(null, "call-state", this.ownState());
    this.report();
  }

  /** Switches to another microphone without renegotiating: each connection's sender gets the new track. */
  async useDevice(deviceId: string): Promise<void> {
    this.deviceId = deviceId;
    if (!this.local) {
      this.report();
      return;
    }
    const next = await this.microphone(deviceId);
    const track = next.getAudioTracks()[0];
    track.enabled = !this.muted;
    for (const peer of this.peers.values()) await peer.replaceTrack(track);
    this.local.getTracks().forEach((t) => t.stop());
    this.local = next;
    this.meter.watch(SELF, next);
    this.ports.microphoneChanged?.(next);
    this.report();
  }

  /**
   * Who is on the board. A person who left is out of the call; when this page's own session changed (the socket
   * reconnected) its old connections are gone on the other side too, so it joins again.
   */
  onPeers(me: string | null, onBoard: string[]): void {
    for (const id of [...this.peers.keys()]) if (!onBoard.includes(id)) this.drop(id);
    const rejoined = me !== null && this.me !== null && me !== this.me;
    this.me = me;
    if (rejoined && this.phase === "in-call") {
      for (const id of [...this.peers.keys()]) this.drop(id);
      this.announce();
    }
    this.report();
  }

  onSignal(signal: SignalMessage): void {
    if (this.phase !== "in-call") return;
    const data = signal.data ?? {};
    switch (signal.kind) {
      case "call-join": {
        const peer = this.peer(signal.from, true);
        this.applyState(peer, data);
        this.ports.signal(signal.from, "call-state", this.ownState());
        break;
      }
      case "call-leave":
        this.drop(signal.from);
        break;
      case "call-state": {
        const peer = this.peers.get(signal.from) ?? this.peer(signal.from, false);
        this.applyState(peer, data);
        break;
      }
      case "call-description":
        (this.peers.get(signal.from) ?? this.peer(signal.from, false)).description(data as unknown as RTCSessionDescriptionInit);
        break;
      case "call-candidate":
        this.peers.get(signal.from)?.candidate(data as RTCIceCandidateInit);
        break;
      default:
        return; // a kind of a newer page: ignored
    }
    this.report();
  }

  private announce(): void {
    this.ports.signal(null, "call-join", this.ownState());
  }

  private ownState(): Record<string, unknown> {
    return { muted: this.muted, listening: this.local === null, camera: this.camera !== null };
  }

  private applyState(peer: PeerLink, data: Record<string, unknown>): void {
    peer.muted = data.muted === true;
    peer.listening = data.listening === true;
    peer.camera = data.camera === true;
  }

  private microphone(deviceId: string | null): Promise<MediaStream> {
    if (this.ports.microphone) return this.ports.microphone(deviceId);
    return navigator.mediaDevices.getUserMedia({
      audio: { deviceId: deviceId ? { exact: deviceId } : undefined, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      video: false,
    });
  }

  /** A connection to this person; `offer`: this side opens it (it was in the call first). */
  private peer(id: string, offer: boolean): PeerLink {
    const existing = this.peers.get(id);
    if (existing) return existing;
    const link = new PeerLink(id, this.me !== null && this.me > id, this.settings.iceServers, this.settings.loopbackOnly, {
      signal: (kind, data) => this.ports.signal(id, kind, data),
      microphone: () => this.local,
      camera: () => this.camera?.getVideoTracks()[0] ?? null,
      heard: (stream) => this.meter.watch(id, stream),
      changed: () => this.report(),
    });
    this.peers.set(id, link);
    if (offer) link.offer();
    return link;
  }

  private drop(id: string): void {
    const peer = this.peers.get(id);
    if (!peer) return;
    this.peers.delete(id);
    this.meter.unwatch(id);
    peer.close();
  }

  private report(): void {
    this.ports.changed(this.state);
  }
}
