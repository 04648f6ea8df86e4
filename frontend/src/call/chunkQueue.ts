/**
 * One recorded chunk waiting to be stored on the server; `speech`: when its speaker spoke in it, as
 * "start-end,start-end" in milliseconds from the track's start (empty when they did not).
 */
export type PendingChunk = { trackId: string; seq: number; startMs: number; endMs: number; type: string; data: Blob; speech?: string };

/** Where chunks wait until the server has stored them: IndexedDB, so a reload or a crash loses none. */
export interface ChunkQueue {
  put(chunk: PendingChunk): Promise<void>;
  /** Every waiting chunk, oldest track and lowest number first. */
  all(): Promise<PendingChunk[]>;
  remove(trackId: string, seq: number): Promise<void>;
}

const DB = "mockboard-recordings";
const STORE = "chunks";

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** The browser's IndexedDB, keyed by [trackId, seq]. */
export class IndexedDbQueue implements ChunkQueue {
  private db: Promise<IDBDatabase> | null = null;

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const open = indexedDB.open(DB, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: ["trackId", "seq"] });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    return this.db;
  }

  async put(chunk: PendingChunk): Promise<void> {
    const db = await this.open();
    await request(db.transaction(STORE, "readwrite").objectStore(STORE).put(chunk));
  }

  async all(): Promise<PendingChunk[]> {
    const db = await this.open();
    return (await request(db.transaction(STORE, "readonly").objectStore(STORE).getAll())) as PendingChunk[];
  }

  async remove(trackId: string, seq: number): Promise<void> {
    const db = await this.open();
    await request(db.transaction(STORE, "readwrite").objectStore(STORE).delete([trackId, seq]));
  }
}

/** A queue in memory: for tests, and for browsers without IndexedDB (private windows of some browsers). */
export class MemoryQueue implements ChunkQueue {
  private readonly chunks = new Map<string, PendingChunk>();

  async put(chunk: PendingChunk): Promise<void> {
    this.chunks.set(`${chunk.trackId}/${chunk.seq}`, chunk);
  }

  async all(): Promise<PendingChunk[]> {
    return [...this.chunks.values()];
  }

  async remove(trackId: string, seq: number): Promise<void> {
    this.chunks.delete(`${trackId}/${seq}`);
  }
}
