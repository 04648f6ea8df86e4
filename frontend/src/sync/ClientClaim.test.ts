import { describe, expect, it } from "vitest";
import { ADOPTED_SEQ_GAP, claimClient, MemoryLocks } from "./ClientClaim";
import { MemoryPendingStore, type PendingRecord } from "./PendingStore";
import type { ElementJson } from "./protocol";

function element(id: string): ElementJson {
  return { id, type: "rectangle", version: 2, versionNonce: 7, isDeleted: false, x: 0, y: 0, width: 10, height: 10 };
}

function record(clientId: string, savedAt: number, userId = "bob"): PendingRecord {
  return {
    boardId: "b1",
    clientId,
    userId,
    nextClientSeq: 8,
    pending: [
      { clientSeq: 6, elements: [element(`${clientId}-1`)] },
      { clientSeq: 7, elements: [element(`${clientId}-2`)] },
    ],
    savedAt,
  };
}

async function setup(...records: PendingRecord[]) {
  const store = new MemoryPendingStore();
  for (const r of records) await store.save(r);
  const locks = new MemoryLocks();
  let fresh = 0;
  const claim = () => claimClient(store, locks, "b1", "bob", () => `new-${++fresh}`);
  return { store, locks, claim };
}

describe("claimClient", () => {
  it("[S4] adopts a record whose page is gone: its clientId, its pushes with their original clientSeqs, the lock", async () => {
    const t = await setup(record("old", 1));
    const claim = await t.claim();
    expect(claim?.clientId).toBe("old");
    expect(claim?.restored?.pending.map((p) => p.clientSeq)).toEqual([6, 7]);
    expect(claim?.restored?.pending.flatMap((p) => p.elements.map((e) => e.id))).toEqual(["old-1", "old-2"]);
    expect(t.locks.held.has("old")).toBe(true);
  });

  it("[S4] numbers new pushes after the record's, with a gap for pushes a cut-off last write may not show", async () => {
    const t = await setup(record("old", 1));
    expect((await t.claim())?.restored?.nextClientSeq).toBe(8 + ADOPTED_SEQ_GAP);
  });

  it("leaves a record whose page is still open (its lock is held) and takes a new clientId", async () => {
    const t = await setup(record("open-tab", 1));
    t.locks.held.add("open-tab");
    const claim = await t.claim();
    expect(claim).toMatchObject({ clientId: "new-1", restored: null });
    expect(t.locks.held).toEqual(new Set(["open-tab", "new-1"]));
  });

  it("never gives two pages one clientId: a second page at once gets another record, then a new id", async () => {
    const t = await setup(record("a", 1), record("b", 2));
    const [first, second, third] = await Promise.all([t.claim(), t.claim(), t.claim()]);
    expect([first?.clientId, second?.clientId, third?.clientId]).toEqual(["b", "a", "new-1"]);
  });

  it("adopts the newest free record and leaves the others for other pages", async () => {
    const t = await setup(record("older", 1), record("newest", 3), record("middle", 2));
    expect((await t.claim())?.clientId).toBe("newest");
    expect((await t.store.list("b1")).map((r) => r.clientId).sort()).toEqual(["middle", "newest", "older"]);
  });

  it("[S10] never adopts another user's record: its clientId belongs to them", async () => {
    const t = await setup(record("alices", 1, "alice"));
    expect(await t.claim()).toMatchObject({ clientId: "new-1", restored: null });
    expect(t.locks.held.has("alices")).toBe(false);
  });

  it("frees the lock again when the record is gone by the time it is held (its page sent everything and left)", async () => {
    const t = await setup(record("gone", 1));
    const list = t.store.list.bind(t.store);
    let calls = 0;
    t.store.list = async (boardId) => (++calls === 1 ? list(boardId) : []);
    expect(await t.claim()).toMatchObject({ clientId: "new-1", restored: null });
    expect(t.locks.held.has("gone")).toBe(false);
  });

  it("gives the lock back on release, so a later page can adopt the clientId", async () => {
    const t = await setup(record("old", 1));
    (await t.claim())?.release();
    expect((await t.claim())?.clientId).toBe("old");
  });

  it("takes a new clientId when the store cannot be read", async () => {
    const t = await setup(record("old", 1));
    t.store.list = () => Promise.reject(new Error("blocked"));
    expect(await t.claim()).toMatchObject({ clientId: "new-1", restored: null });
  });
});
