import type { PendingRecord, PendingStore } from "./PendingStore";

const DATABASE = "mockboard";
const RECORDS = "pending";
const BY_BOARD = "boardId";

/** {@link PendingStore} in the browser's IndexedDB: one object store keyed by [boardId, clientId], indexed by board. */
export class IndexedDbPendingStore implements PendingStore {
  private constructor(private readonly db: IDBDatabase) {}

  /**
   * The store, or null when IndexedDB cannot be used (private mode, blocked, a browser without it). An open that
   * neither succeeds nor fails within `timeoutMs` (another tab blocking an upgrade) also gives null: the board
   * must not wait for it.
   */
  static open(timeoutMs = 2_000, factory: IDBFactory | undefined = globalThis.indexedDB): Promise<IndexedDbPendingStore | null> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (store: IndexedDbPendingStore | null) => {
        if (!settled) resolve(store);
        settled = true;
      };
      const timer = setTimeout(() => settle(null), timeoutMs);
      let request: IDBOpenDBRequest;
      try {
        if (!factory) throw new Error("no IndexedDB");
        request = factory.open(DATABASE, 1);
      } catch {
        clearTimeout(timer);
        settle(null);
        return;
      }
      request.onupgradeneeded = () => {
        request.result.createObjectStore(RECORDS, { keyPath: ["boardId", "clientId"] }).createIndex(BY_BOARD, "boardId");
      };
      request.onsuccess = () => {
        clearTimeout(timer);
        const db = request.result;
        if (settled) {
          db.close(); // too late: the page went on without it
          return;
        }
        db.onversionchange = () => db.close(); // never block a newer page's upgrade
        settle(new IndexedDbPendingStore(db));
      };
      request.onerror = () => {
        clearTimeout(timer);
        settle(null);
      };
    });
  }

  save(record: PendingRecord): Promise<void> {
    return this.run("readwrite", (records) => records.put(record)).then(() => undefined);
  }

  remove(boardId: string, clientId: string): Promise<void> {
    return this.run("readwrite", (records) => records.delete([boardId, clientId]));
  }

  list(boardId: string): Promise<PendingRecord[]> {
    return this.run("readonly", (records) => records.index(BY_BOARD).getAll(boardId) as IDBRequest<PendingRecord[]>);
  }

  /** One request in its own transaction; resolves when the transaction commits, so a save is durable when it resolves. */
  private run<T>(mode: IDBTransactionMode, work: (records: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    return new Promise((resolve, reject) => {
      const tx = this.db.transaction(RECORDS, mode);
      const request = work(tx.objectStore(RECORDS));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
    });
  }
}
