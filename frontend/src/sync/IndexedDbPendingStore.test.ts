import { describe, expect, it } from "vitest";
import { IndexedDbPendingStore } from "./IndexedDbPendingStore";

// The store's contract runs against MemoryPendingStore (PendingStore.test.ts); Node has no IndexedDB and
// fake-indexeddb is not a dependency, so here only what the page relies on when IndexedDB cannot be used.
describe("IndexedDbPendingStore.open", () => {
  it("gives null, without throwing, where there is no IndexedDB", async () => {
    expect(await IndexedDbPendingStore.open(50)).toBeNull();
  });

  it("gives null when opening throws (as in some private modes)", async () => {
    const refusing = { open: () => { throw new DOMException("denied", "InvalidStateError"); } } as unknown as IDBFactory;
    expect(await IndexedDbPendingStore.open(50, refusing)).toBeNull();
  });

  it("gives null when opening never answers, so the board does not wait for it", async () => {
    const silent = { open: () => ({}) } as unknown as IDBFactory;
    expect(await IndexedDbPendingStore.open(20, silent)).toBeNull();
  });

  it("gives null when opening fails", async () => {
    const request: Record<string, unknown> = {};
    const failing = { open: () => { setTimeout(() => (request.onerror as () => void)(), 0); return request; } } as unknown as IDBFactory;
    expect(await IndexedDbPendingStore.open(1_000, failing)).toBeNull();
  });
});
