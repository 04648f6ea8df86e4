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
    const response = await http.fetch(
      `/api/recordings/${chunk.trackId}/chunks/${chunk.seq}?startMs=${chunk.startMs}&endMs=${chunk.endMs}`,
      { method: "PUT", headers: { "Content-Type": chunk.type }, body: chunk.data },
    );
    return response.status;
  };
}

/**
 * Records this person's own microphone, with their consent, into a track of the session: the server stamps the
 * track's start, the browser hands over a chunk every {@link CHUNK_MS} with its offsets from that start, and the
 * uploader keeps each chunk (in IndexedDB) until the server stored it.
 */
export class CallRecorder {
  private recorder: MediaRecorder | null = null;
  private trackId: string | null = null;

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
    recorder.onstart = () => {
      startedAt = performance.now();
    };
    recorder.ondataavailable = (event) => {
      if (event.data.size === 0) return;
      const now = Math.round(performance.now() - startedAt);
      void this.uploader.add({ trackId: track.id, seq: seq++, startMs: last, endMs: Math.max(last, now), type: recorder.mimeType || type, data: event.data });
      last = Math.max(last, now);
    };
    recorder.start(CHUNK_MS);
    this.recorder = recorder;
    this.trackId = track.id;
  }

  /** Stops recording; the last chunk is handed over and sent like the others. */
  stop(): void {
    if (this.recorder && this.recorder.state !== "inactive") this.recorder.stop();
    this.recorder = null;
    this.trackId = null;
  }
}
