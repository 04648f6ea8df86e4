import { describe, expect, it } from "vitest";
import { MemoryQueue, type PendingChunk } from "./chunkQueue";
import { Uploader } from "./Uploader";

function chunk(seq: number, trackId = "t1"): PendingChunk {
  return { trackId, seq, startMs: seq * 5_000, endMs: (seq + 1) * 5_000, type: "audio/webm", data: new Blob([new Uint8Array([seq])]) };
}

function setup(answers: number[]) {
  const queue = new MemoryQueue();
  const sent: string[] = [];
  const refused: string[] = [];
  const retries: (() => void)[] = [];
  const uploader = new Uploader(
    queue,
    async (c) => {
      sent.push(`${c.trackId}/${c.seq}`);
      return answers.shift() ?? 201;
    },
    { setTimeout: (fn) => retries.push(fn), random: () => 0.5 },
    (c, status) => refused.push(`${c.trackId}/${c.seq}:${status}`),
  );
  return { queue, uploader, sent, refused, retries };
}

describe("Uploader", () => {
  it("sends chunks in order and forgets each only once the server stored it", async () => {
    const t = setup([201, 200]);
    await t.queue.put(chunk(1));
    await t.queue.put(chunk(0));
    await t.uploader.flush();
    expect(t.sent).toEqual(["t1/0", "t1/1"]);
    expect(await t.queue.all()).toEqual([]);
    expect(t.uploader.storedChunks).toBe(2);
  });

  it("keeps a chunk the server could not store and tries again later, from that chunk on", async () => {
    const t = setup([201, 503]);
    for (const seq of [0, 1, 2]) await t.queue.put(chunk(seq));
    await t.uploader.flush();
    expect(t.sent).toEqual(["t1/0", "t1/1"]);
    expect((await t.queue.all()).map((c) => c.seq).sort()).toEqual([1, 2]);
    expect(t.retries).toHaveLength(1);
    t.retries[0]();
    await new Promise((r) => setTimeout(r, 0));
    expect(t.sent).toEqual(["t1/0", "t1/1", "t1/1", "t1/2"]);
    expect(await t.queue.all()).toEqual([]);
  });

  it("treats no connection like a server error: nothing is lost", async () => {
    const t = setup([]);
    const failing = new Uploader(t.queue, async () => Promise.reject(new Error("offline")), { setTimeout: () => 0, random: () => 0 }, () => {});
    await t.queue.put(chunk(0));
    await failing.flush();
    expect(await t.queue.all()).toHaveLength(1);
  });

  it("drops a chunk the server refuses for good, says so, and goes on", async () => {
    const t = setup([403, 201]);
    await t.queue.put(chunk(0));
    await t.queue.put(chunk(1));
    await t.uploader.flush();
    expect(t.refused).toEqual(["t1/0:403"]);
    expect(await t.queue.all()).toEqual([]);
  });

  it("sends chunks recorded while it was sending", async () => {
    const t = setup([]);
    await t.uploader.add(chunk(0));
    await t.uploader.add(chunk(1));
    await new Promise((r) => setTimeout(r, 0));
    await t.uploader.flush();
    expect(t.sent).toEqual(["t1/0", "t1/1"]);
    expect(await t.queue.all()).toEqual([]);
  });
});
