import type { PendingPush, PendingStore } from "./PendingStore";

/** One lock per clientId, held by the page that uses it: two open pages must never share a clientId. */
export interface ClientLocks {
  /** Holds the clientId's lock until released or the page is gone; null when another page holds it. */
  tryHold(clientId: string): Promise<(() => void) | null>;
}

/** The Web Locks API ("mockboard-client-" + clientId), or null where the browser has none (not a secure context). */
export function webLocks(): ClientLocks | null {
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  if (!locks) return null;
  return {
    tryHold: (clientId) =>
      new Promise((resolve) => {
        locks
          .request(`mockboard-client-${clientId}`, { ifAvailable: true }, (lock) => {
            if (!lock) return resolve(null);
            // the lock is held until this promise settles: until release() or the page is gone
            return new Promise<void>((release) => resolve(() => release()));
          })
          .catch(() => resolve(null));
      }),
  };
}

/** Locks in memory, for tests: a set of held clientIds. */
export class MemoryLocks implements ClientLocks {
  readonly held = new Set<string>();

  async tryHold(clientId: string): Promise<(() => void) | null> {
    if (this.held.has(clientId)) return null;
    this.held.add(clientId);
    return () => this.held.delete(clientId);
  }
}

/**
 * A stored record can lag the page that wrote it by its last write (a reload cuts it off), and that page may have
 * sent pushes numbered from the record's nextClientSeq on. The server takes any clientSeq up to the highest it
 * stored for the clientId as a duplicate [S4], so reusing one would lose a change without a word. An adopting page
 * numbers its new pushes from this far ahead instead; gaps are allowed.
 */
export const ADOPTED_SEQ_GAP = 1_000;

/** What a page takes over from an earlier one with its clientId: the pushes to re-send and where new ones start. */
export type Restored = { nextClientSeq: number; pending: PendingPush[] };

export type Claim = {
  clientId: string;
  /** The adopted record's queue, or null with a new clientId. */
  restored: Restored | null;
  /** Gives up the clientId's lock (the page leaves the board). */
  release(): void;
};

/**
 * Chooses this page's clientId on a board. The newest record of this user whose page is gone (its lock is free)
 * is adopted: the page sends its pushes again with their own clientId and clientSeqs, so the server stores each
 * once [S4][S6]. Other free records are left for other pages (another tab now, or this one's next load): re-queuing
 * them under this clientId would give them new clientSeqs, and one the server already stored would be stored twice.
 * Without a free record: a new clientId. Null when not even a new clientId's lock can be held.
 */
export async function claimClient(
  store: PendingStore,
  locks: ClientLocks,
  boardId: string,
  userId: string,
  newClientId: () => string,
): Promise<Claim | null> {
  const candidates = (await store.list(boardId).catch(() => []))
    .filter((r) => r.userId === userId)
    .sort((a, b) => b.savedAt - a.savedAt);
  for (const candidate of candidates) {
    const release = await locks.tryHold(candidate.clientId);
    if (!release) continue; // an open page owns it
    // Read again under the lock: a page that held it until just now may have changed or removed it.
    const record = (await store.list(boardId).catch(() => [])).find((r) => r.clientId === candidate.clientId);
    if (!record || record.pending.length === 0) {
      release();
      continue;
    }
    return {
      clientId: record.clientId,
      restored: { nextClientSeq: record.nextClientSeq + ADOPTED_SEQ_GAP, pending: record.pending },
      release,
    };
  }
  const clientId = newClientId();
  const release = await locks.tryHold(clientId);
  return release ? { clientId, restored: null, release } : null;
}
