import { isLoopbackCandidate } from "./voice";

/** What a link needs from its call: signals to the other person, the microphone, and word of changes. */
export interface LinkHost {
  signal(kind: string, data: Record<string, unknown>): void;
  microphone(): MediaStream | null;
  /** The camera's track while it is on. */
  camera(): MediaStreamTrack | null;
  heard(stream: MediaStream): void;
  changed(): void;
}

function describe(description: RTCSessionDescription): Record<string, unknown> {
  return { type: description.type, sdp: description.sdp };
}

/**
 * The connection to one other person in the call, negotiated with WebRTC's "perfect negotiation": the polite
 * side (the larger session id) rolls its own offer back when two cross; the impolite one ignores the other's.
 * Signals from the other person are handled one after the other, in order.
 */
export class PeerLink {
  readonly pc: RTCPeerConnection;
  muted = false;
  listening = false;
  speaking = false;
  /** The other person said their camera is on. */
  camera = false;
  /** Their camera's picture, once a video track arrived. */
  video: MediaStream | null = null;
  private makingOffer = false;
  private ignoreOffer = false;
  private attached = false;
  private queue: Promise<void> = Promise.resolve();
  private readonly audio = new Audio();

  constructor(
    readonly id: string,
    private readonly polite: boolean,
    iceServers: RTCIceServer[],
    private readonly loopbackOnly: boolean,
    private readonly host: LinkHost,
  ) {
    const pc = new RTCPeerConnection({ iceServers });
    this.pc = pc;
    this.audio.autoplay = true;
    pc.onicecandidate = ({ candidate }) => {
      if (!candidate || !candidate.candidate || (loopbackOnly && !isLoopbackCandidate(candidate.candidate))) return;
      host.signal("call-candidate", candidate.toJSON() as Record<string, unknown>);
    };
    pc.onnegotiationneeded = async () => {
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        if (pc.localDescription) host.signal("call-description", describe(pc.localDescription));
      } catch (e) {
        console.warn("Mockboard: the call could not make an offer", e);
      } finally {
        this.makingOffer = false;
      }
    };
    pc.ontrack = ({ track, streams }) => {
      if (track.kind === "video") {
        this.video = new MediaStream([track]);
        host.changed();
        return;
      }
      const stream = streams[0] ?? new MediaStream([track]);
      this.audio.srcObject = stream;
      void this.audio.play().catch(() => {});
      host.heard(stream);
    };
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === "failed") pc.restartIce();
      host.changed();
    };
  }

  /** Opens the connection from this side: the microphone, or a wish to receive only (so a listener is offered audio). */
  offer(): void {
    if (!this.attach()) this.pc.addTransceiver("audio", { direction: "recvonly" });
  }

  description(description: RTCSessionDescriptionInit): void {
    this.enqueue(async () => {
      const collision = description.type === "offer" && (this.makingOffer || this.pc.signalingState !== "stable");
      this.ignoreOffer = !this.polite && collision;
      if (this.ignoreOffer) return;
      await this.pc.setRemoteDescription(description);
      if (description.type === "offer") {
        this.attach();
        await this.pc.setLocalDescription();
        if (this.pc.localDescription) this.host.signal("call-description", describe(this.pc.localDescription));
      }
    });
  }

  candidate(candidate: RTCIceCandidateInit): void {
    if (this.loopbackOnly && candidate.candidate && !isLoopbackCandidate(candidate.candidate)) return;
    this.enqueue(async () => {
      try {
        await this.pc.addIceCandidate(candidate);
      } catch (e) {
        if (!this.ignoreOffer) console.warn("Mockboard: an ICE candidate was refused", e);
      }
    });
  }

  /** Sends another microphone's track without renegotiating. */
  async replaceTrack(track: MediaStreamTrack): Promise<void> {
    for (const sender of this.pc.getSenders()) if (sender.track?.kind === "audio") await sender.replaceTrack(track);
  }

  /**
   * Sends the camera (or stops sending it: null). The first time adds a video sender, which renegotiates; after
   * that the sender's track is swapped, which does not.
   */
  async sendCamera(track: MediaStreamTrack | null): Promise<void> {
    // the other person's camera may have made a video transceiver already: it sends too once it has a track
    const video = this.pc.getTransceivers().find((t) => t.sender.track?.kind === "video" || t.receiver.track.kind === "video");
    if (!video) {
      if (track) this.pc.addTrack(track);
      return;
    }
    await video.sender.replaceTrack(track);
    if (track && (video.direction === "recvonly" || video.direction === "inactive")) video.direction = "sendrecv";
  }

  close(): void {
    this.pc.close();
    this.audio.srcObject = null;
    this.video = null;
  }

  /** Adds the microphone (and the camera, when on) once; false when there is no microphone (listening). */
  private attach(): boolean {
    const local = this.host.microphone();
    const track = local?.getAudioTracks()[0];
    if (this.attached || !track || !local) return this.attached;
    this.pc.addTrack(track, local);
    const camera = this.host.camera();
    if (camera) this.pc.addTrack(camera);
    this.attached = true;
    return true;
  }

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue
      .then(work)
      .catch((e) => console.warn("Mockboard: a call signal failed", e))
      .finally(() => this.host.changed());
  }
}
