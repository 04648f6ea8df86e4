/** Whether someone is speaking, from their audio level: on at once above the threshold, off after a quiet hangover. */
export type VoiceState = { speaking: boolean; lastLoudAt: number };

/** RMS level (0..1) above which a voice counts as speaking: about -34 dBFS, above room noise and below speech. */
export const SPEAKING_LEVEL = 0.02;
/** How long a voice must stay quiet before it stops counting as speaking (pauses between words). */
export const HANGOVER_MS = 600;

export function nextVoiceState(state: VoiceState, level: number, now: number): VoiceState {
  if (level >= SPEAKING_LEVEL) return { speaking: true, lastLoudAt: now };
  return { speaking: state.speaking && now - state.lastLoudAt < HANGOVER_MS, lastLoudAt: state.lastLoudAt };
}

/** Root mean square of 8-bit time-domain samples (128 is silence), 0..1. */
export function rmsOf(samples: Uint8Array): number {
  let sum = 0;
  for (const s of samples) {
    const v = (s - 128) / 128;
    sum += v * v;
  }
  return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
}

/** Whether an ICE candidate line is a loopback one (127.0.0.0/8 or ::1). */
export function isLoopbackCandidate(candidate: string): boolean {
  // candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type> ...
  const address = candidate.replace(/^candidate:/, "").split(/\s+/)[4] ?? "";
  return address.startsWith("127.") || address === "::1";
}

/**
 * Measures the audio level of streams (the own microphone and each peer's) every 100 ms and says who speaks.
 * One AudioContext for all; a stream that ends or is unwatched is disconnected.
 */
export class VoiceMeter {
  private context: AudioContext | null = null;
  private readonly watched = new Map<string, { source: MediaStreamAudioSourceNode; analyser: AnalyserNode; state: VoiceState }>();
  private timer: number | null = null;
  private readonly buffer = new Uint8Array(512);

  constructor(private readonly changed: (key: string, speaking: boolean) => void) {}

  watch(key: string, stream: MediaStream): void {
    this.unwatch(key);
    if (stream.getAudioTracks().length === 0) return;
    this.context ??= new AudioContext();
    void this.context.resume().catch(() => {});
    const source = this.context.createMediaStreamSource(stream);
    const analyser = this.context.createAnalyser();
    analyser.fftSize = this.buffer.length;
    source.connect(analyser);
    this.watched.set(key, { source, analyser, state: { speaking: false, lastLoudAt: 0 } });
    this.timer ??= window.setInterval(() => this.sample(), 100);
  }

  unwatch(key: string): void {
    const entry = this.watched.get(key);
    if (!entry) return;
    entry.source.disconnect();
    this.watched.delete(key);
    if (entry.state.speaking) this.changed(key, false);
  }

  stop(): void {
    for (const key of [...this.watched.keys()]) this.unwatch(key);
    if (this.timer !== null) window.clearInterval(this.timer);
    this.timer = null;
    void this.context?.close().catch(() => {});
    this.context = null;
  }

  private sample(): void {
    const now = performance.now();
    for (const [key, entry] of this.watched) {
      entry.analyser.getByteTimeDomainData(this.buffer);
      const next = nextVoiceState(entry.state, rmsOf(this.buffer), now);
      if (next.speaking !== entry.state.speaking) this.changed(key, next.speaking);
      entry.state = next;
    }
  }
}
