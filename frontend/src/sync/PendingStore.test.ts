import { describe, expect, it } from "vitest";
import type { ElementJson } from "./protocol";
import { latestElements, MemoryPendingStore, PendingWriter, type PendingRecord, type PendingStore } from "./PendingStore";

function element(id: string, version = 1): ElementJson {
  return { id, type: "rectangle", version, versionNonce: 7, isDeleted: false, x: 0, y: 0, width: 10, height: 10 };
}

function record(boardId: string, clientId: string, savedAt = 1, pending = [{ clientSeq: 1, elements: [element("a")] }]): PendingRecord {
  return { boardId, clientId, userId: "bob", nextClientSeq: pending.length + 1, pending, savedAt };
}

/**
 * What any PendingStore must do. Run against the in-memory store here; the IndexedDB one takes the same suite
 * wherever an IndexedDB exists (fake-indexeddb is not among this project's dependencies).
 */
function pendingStoreContract(name: string, open: () => Promise<PendingStore>) {
  describe(`${name} (PendingStore contract)`, () => {
    it("lists what was saved, per board", async () => {
      const store = await open();
      await store.save(record("b1", "c1"));
      await store.save(record("b1", "c2"));
      await store.save(record("b2", "c1"));
      expect((await store.list("b1")).map((r) => r.clientId).sort()).toEqual(["c1", "c2"]);
      expect(await store.list("b2")).toEqual([record("b2", "c1")]);
      expect(await store.list("b3")).toEqual([]);
    });

    it("keeps one record per board and client: a save replaces it", async () => {
      const store = await open();
      await store.save(record("b1", "c1", 1));
      const newer = record("b1", "c1", 2, [{ clientSeq: 4, elements: [element("a", 3), element("b")] }]);
      await store.save(newer);
      expect(await store.list("b1")).toEqual([newer]);
    });

    it("removes one record and leaves the others; removing what is not there is fine", async () => {
      const store = await open();
      await store.save(record("b1", "c1"));
      await store.save(record("b1", "c2"));
      await store.remove("b1", "c1");
      await store.remove("b1", "nobody");
      expect((await store.list("b1")).map((r) => r.clientId)).toEqual(["c2"]);
    });

    it("keeps a copy: changing a saved or listed record changes nothing stored", async () => {
      const store = await open();
      const saved = record("b1", "c1");
      await store.save(saved);
      saved.pending.push({ clientSeq: 2, elements: [] });
      (await store.list("b1"))[0].pending.length = 0;
      expect((await store.list("b1"))[0].pending).toHaveLength(1);
    });
  });
}

pendingStoreContract("MemoryPendingStore", async () => new MemoryPendingStore());

/** A store whose writes finish only when the test says so. */
class SlowStore implements PendingStore {
  readonly writes: string[] = [];
  readonly inner = new MemoryPendingStore();
  private finish: (() => void)[] = [];
  fail = false;
  save(r: PendingRecord) {
    this.writes.push(`save ${r.pending.map((p) => p.clientSeq).join()}`);
    return this.later(() => this.inner.save(r));
  }
  remove(boardId: string, clientId: string) {
    this.writes.push("remove");
    return this.later(() => this.inner.remove(boardId, clientId));
  }
  list(boardId: string) {
    return this.inner.list(boardId);
  }
  private later(write: () => Promise<void>): Promise<void> {
    return new Promise((resolve, reject) => this.finish.push(() => (this.fail ? reject(new Error("quota")) : void write().then(resolve))));
  }
  async complete() {
    while (this.finish.length > 0) {
      this.finish.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
  }
}

describe("PendingWriter", () => {
  const push = (clientSeq: number) => ({ clientSeq, elements: [element(`e${clientSeq}`)] });

  it("writes one at a time, and only the newest state after the one in flight", async () => {
    const store = new SlowStore();
    const writer = new PendingWriter(store, "b1", "c1", "bob", () => 5);
    writer.save(2, [push(1)]);
    writer.save(3, [push(1), push(2)]);
    writer.save(4, [push(1), push(2), push(3)]);
    expect(store.writes).toEqual(["save 1"]);
    await store.complete();
    await writer.idle();
    expect(store.writes).toEqual(["save 1", "save 1,2,3"]);
    expect(await store.list("b1")).toEqual([
      { boardId: "b1", clientId: "c1", userId: "bob", nextClientSeq: 4, pending: [push(1), push(2), push(3)], savedAt: 5 },
    ]);
  });

  it("removes the record once the queue is empty", async () => {
    const store = new SlowStore();
    const writer = new PendingWriter(store, "b1", "c1", "bob");
    writer.save(2, [push(1)]);
    await store.complete();
    writer.save(2, []);
    await store.complete();
    await writer.idle();
    expect(store.writes).toEqual(["save 1", "remove"]);
    expect(await store.list("b1")).toEqual([]);
  });

  it("copies the queue when called: later changes of its arrays are not written by mistake", async () => {
    const store = new MemoryPendingStore();
    const writer = new PendingWriter(store, "b1", "c1", "bob");
    const queue = [push(1)];
    writer.save(2, queue);
    queue[0].elements.push(element("late"));
    await writer.idle();
    expect((await store.list("b1"))[0].pending[0].elements.map((e) => e.id)).toEqual(["e1"]);
  });

  it("carries on without a word to the caller when the store fails", async () => {
    const store = new SlowStore();
    store.fail = true;
    const writer = new PendingWriter(store, "b1", "c1", "bob");
    const warn = console.warn;
    console.warn = () => {};
    try {
      writer.save(2, [push(1)]);
      await store.complete();
      await writer.idle();
      store.fail = false;
      writer.save(3, [push(1), push(2)]);
      await store.complete();
      await writer.idle();
    } finally {
      console.warn = warn;
    }
    expect((await store.list("b1"))[0].nextClientSeq).toBe(3);
  });
});

describe("latestElements", () => {
  it("gives each element once, as the latest push holds it", () => {
    const elements = latestElements([
      { clientSeq: 1, elements: [element("a", 1), element("b", 1)] },
      { clientSeq: 2, elements: [element("a", 4)] },
    ]);
    expect(elements.map((e) => `${e.id}@${e.version}`)).toEqual(["a@4", "b@1"]);
  });
});
