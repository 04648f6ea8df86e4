import type { ElementJson } from "./protocol";

/** One unacknowledged push as kept across a reload: its clientSeq and elements. */
export type PendingPush = { clientSeq: number; elements: ElementJson[] };

/**
 * One page's unacknowledged pushes on one board, kept so a reloaded or reopened page can send them again under the
 * same (clientId, clientSeq) and the server stores each once [S4]. `userId`: a clientId belongs to the user who
 * first used it on the board [S10], so only that user's pages may adopt the record.
 */
export type PendingRecord = {
  boardId: string;
  clientId: string;
  userId: string;
  nextClientSeq: number;
  pending: PendingPush[];
  savedAt: number;
};

/** Where unsent pushes outlive the page: IndexedDB on the page, memory in tests. One record per (boardId, clientId). */
export interface PendingStore {
  /** Creates or replaces the record of (record.boardId, record.clientId). */
  save(record: PendingRecord): Promise<void>;
  /** Removes the record, if any. */
  remove(boardId: string, clientId: string): Promise<void>;
  /** Every record of the board, in no particular order. */
  list(boardId: string): Promise<PendingRecord[]>;
}

/** The store in memory, copying records in and out as IndexedDB does. */
export class MemoryPendingStore implements PendingStore {
  private readonly records = new Map<string, PendingRecord>();

  async save(record: PendingRecord): Promise<void> {
    this.records.set(key(record.boardId, record.clientId), structuredClone(record));
  }

  async remove(boardId: string, clientId: string): Promise<void> {
    this.records.delete(key(boardId, clientId));
  }

  async list(boardId: string): Promise<PendingRecord[]> {
    return [...this.records.values()].filter((r) => r.boardId === boardId).map((r) => structuredClone(r));
  }
}

function key(boardId: string, clientId: string): string {
  return JSON.stringify([boardId, clientId]);
}

/**
 * Writes one client's queue after every change. Writes run one at a time and only the newest state is written
 * next, so a burst of changes costs at most two writes and an older state never lands after a newer one. An empty
 * queue removes the record. A failing store is reported once and otherwise ignored: the page works as without one.
 */
export class PendingWriter {
  private next: PendingRecord | null = null;
  private dirty = false;
  private running: Promise<void> | null = null;
  private failed = false;

  constructor(
    private readonly store: PendingStore,
    private readonly boardId: string,
    private readonly clientId: string,
    private readonly userId: string,
    private readonly now: () => number = Date.now,
  ) {}

  save(nextClientSeq: number, pending: readonly PendingPush[]): void {
    this.next =
      pending.length === 0
        ? null
        : {
            boardId: this.boardId,
            clientId: this.clientId,
            userId: this.userId,
            nextClientSeq,
            // copied now: the queue's arrays change after this call returns
            pending: pending.map((p) => ({ clientSeq: p.clientSeq, elements: [...p.elements] })),
            savedAt: this.now(),
          };
    this.dirty = true;
    this.running ??= this.drain();
  }

  /** Resolves once everything saved so far is written (or failed). */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      const record = this.next;
      try {
        if (record) await this.store.save(record);
        else await this.store.remove(this.boardId, this.clientId);
      } catch (error) {
        if (!this.failed) console.warn("Mockboard: unsent changes cannot be kept across a reload", error);
        this.failed = true;
      }
    }
    this.running = null;
  }
}

/** The newest version of each element in the pushes (a later push holds a later local change). */
export function latestElements(pushes: readonly PendingPush[]): ElementJson[] {
  const byId = new Map<string, ElementJson>();
  for (const push of pushes) for (const element of push.elements) byId.set(element.id, element);
  return [...byId.values()];
}
