import type { ChunkQueue, PendingChunk } from "./chunkQueue";

/** How the uploader reaches the server: one PUT per chunk; the status says what happened. */
export type PutChunk = (chunk: PendingChunk) => Promise<number>;

export type UploaderTimers = { setTimeout(fn: () => void, ms: number): unknown; random(): number };

/**
 * Sends waiting chunks to the server, one at a time in order, and forgets a chunk only once the server said it
 * stored it (201, or 200: stored before). A failure that may pass (no connection, 429, 5xx) is retried with
 * backoff; a refusal that will not pass (another 4xx) drops the chunk and says so.
 */
export class Uploader {
  private running = false;
  private again = false;
  private failures = 0;
  private scheduled = false;
  private stored = 0;

  constructor(
    private readonly queue: ChunkQueue,
    private readonly put: PutChunk,
    private readonly timers: UploaderTimers,
    private readonly refused: (chunk: PendingChunk, status: number) => void,
  ) {}

  /** Chunks stored by this uploader since the page opened. */
  get storedChunks(): number {
    return this.stored;
  }

  /** A chunk was recorded: keep it, then send what waits. */
  async add(chunk: PendingChunk): Promise<void> {
    await this.queue.put(chunk);
    void this.flush();
  }

  /** Sends everything that waits (also what an earlier page left behind). Resolves when the queue is empty or a retry is due. */
  async flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        if (!(await this.sendWaiting())) return;
      } while (this.again);
    } finally {
      this.running = false;
    }
  }

  /** One pass over the waiting chunks; false when it stopped to retry later. */
  private async sendWaiting(): Promise<boolean> {
    const waiting = (await this.queue.all()).sort((a, b) => (a.trackId === b.trackId ? a.seq - b.seq : a.trackId < b.trackId ? -1 : 1));
    for (const chunk of waiting) {
      let status: number;
      try {
        status = await this.put(chunk);
      } catch {
        status = 0; // no connection
      }
      if (status === 200 || status === 201) {
        await this.queue.remove(chunk.trackId, chunk.seq);
        this.stored++;
        this.failures = 0;
      } else if (status === 0 || status === 429 || status >= 500 || status === 401) {
        this.retryLater();
        return false;
      } else {
        await this.queue.remove(chunk.trackId, chunk.seq);
        this.refused(chunk, status);
      }
    }
    return true;
  }

  private retryLater(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.failures++;
    const delay = Math.min(30_000, 500 * 2 ** Math.min(this.failures, 6)) * (0.5 + this.timers.random());
    this.timers.setTimeout(() => {
      this.scheduled = false;
      void this.flush();
    }, delay);
  }
}
