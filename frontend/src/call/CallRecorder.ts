import { jsonBody, type Http } from "../api/http";
import type { PendingChunk } from "./chunkQueue";
import type { Uploader } from "./Uploader";

/** How often the browser hands over a chunk of the recording. */
export const CHUNK_MS = 5_000;

/** The recording formats, best first: Opus in WebM (Chromium, Firefox), then in Ogg. */
const TYPES = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm"];

/** A PUT of one chunk through the page's HTTP client; the status code, or a thrown error without a connection. */
export function putChunk(http: Http): (chunk: PendingChunk) => Promise<number> {
  return async (chunk) => {
    const speech = chunk.speech ? `&speech=${encodeURIComponent(chunk.speech)}` : "";
    const response = await http.fetch(
      `/api/recordings/${chunk.trackId}/chunks/${chunk.seq}?startMs=${chunk.startMs}&endMs=${chunk.endMs}${speech}`,
      { method: "PUT", headers: { "Content-Type": chunk.type }, body: chunk.data },
    );
    return response.status;
  };
}

/**
 * The stretches of speech of a recording, from the speaking indicator's changes: each chunk takes those inside its
 * span ("start-end,…" in ms from the track's start); a stretch still going on is cut at the chunk's end and goes on
 * in the next chunk (the server joins the two).
 */
export class SpeechLog {
  private since: number | null = null;
  private spans: [number, number][] = [];

  /** The speaker started or stopped speaking, `at` ms from the track's start. */
  speaking(on: boolean, at: number): void {
    if (on && this.since === null) this.since = at;
    if (!on && this.since !== null) {
      this.spans.push([this.since, Math.max(this.since, at)]);
      this.since = null;
    }
  }

  /** The speech inside `from`..`to` (a chunk), for its upload; what came before is forgotten. */
  take(from: number, to: number): string {
    if (this.since !== null) {
      this.spans.push([this.since, to]);
      this.since = to;
    }
    const inside = this.spans
      .map(([a, b]): [number, number] => [Math.max(Math.round(a), from), Math.min(Math.round(b), to)])
      .filter(([a, b]) => b > a);
    this.spans = [];
    return inside.map(([a, b]) => `${a}-${b}`).join(",");
  }
}

/**
 * Records this person's own microphone, with their consent, into a track of the session: the server stamps the
 * track's start, the browser hands over a chunk every {@link CHUNK_MS} with its offsets from that start and the
 * stretches of speech in it, and the uploader keeps each chunk (in IndexedDB) until the server stored it.
 */
export class CallRecorder {
  private recorder: MediaRecorder | null = null;
  private trackId: string | null = null;
  private speech = new SpeechLog();
  private speakingNow = false;
  private startedAt: number | null = null;

  constructor(
    private readonly http: Http,
    private readonly sessionId: string,
    private readonly uploader: Uploader,
  ) {}

  /** The track being recorded, if any. */
  get track(): string | null {
    return this.trackId;
  }

  /** Starts a new track from this stream (a new microphone starts a new track). */
  async start(stream: MediaStream): Promise<void> {
    this.stop();
    if (typeof MediaRecorder === "undefined") throw new Error("This browser cannot record audio");
    const type = TYPES.find((t) => MediaRecorder.isTypeSupported(t)) ?? "";
    const track = await this.http.json<{ id: string }>(`/api/sessions/${this.sessionId}/recordings`, "Starting the recording",
      jsonBody("POST", { mimeType: type || "audio/webm" }));
    const recorder = new MediaRecorder(stream, { mimeType: type || undefined, audioBitsPerSecond: 32_000 });
    let seq = 0;
    let startedAt = 0;
    let last = 0;
    const speech = new SpeechLog();
    recorder.onstart = () => {
      startedAt = performance.now();
      this.startedAt = startedAt;
      if (this.speakingNow) speech.speaking(true, 0);
    };
    recorder.ondataavailable = (event) => {
      if (event.data.size === 0) return;
      const now = Math.max(last, Math.round(performance.now() - startedAt));
      void this.uploader.add({ trackId: track.id, seq: seq++, startMs: last, endMs: now, type: recorder.mimeType || type, data: event.data,
        speech: speech.take(last, now) });
      last = now;
    };
    this.speech = speech;
    recorder.start(CHUNK_MS);
    this.recorder = recorder;
    this.trackId = track.id;
  }

  /**
   * The speaking indicator of this person's own microphone changed (muted counts as not speaking); `quietFor`:
   * how long the voice had been quiet already when it stopped counting as speaking (the indicator's hangover).
   */
  speaking(on: boolean, quietFor = 0): void {
    if (on === this.speakingNow) return;
    this.speakingNow = on;
    if (this.recorder && this.startedAt !== null) this.speech.speaking(on, performance.now() - this.startedAt - (on ? 0 : quietFor));
  }

  /** Stops recording; the last chunk is handed over and sent like the others. */
  stop(): void {
    if (this.recorder && this.recorder.state !== "inactive") this.recorder.stop();
    this.recorder = null;
    this.startedAt = null;
    this.trackId = null;
  }
}
