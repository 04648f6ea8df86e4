import { describe, expect, it } from "vitest";
import type { ElementJson, ServerMessage, SignalMessage } from "./protocol";
import { FakeSocket, FakeTimers } from "./fakes";
import { MemoryPendingStore, PendingWriter } from "./PendingStore";
import { SyncClient, type SyncOptions, type SyncStatus } from "./SyncClient";

function element(id: string, version = 1): ElementJson {
  return { id, type: "rectangle", version, versionNonce: 7, isDeleted: false, x: 0, y: 0, width: 10, height: 10 };
}

function setup(
  signIn?: { check(): Promise<"signed-in" | "signed-out"> },
  kept: Pick<SyncOptions, "restored" | "saveOutbox"> = {},
) {
  const sockets: FakeSocket[] = [];
  const timers = new FakeTimers();
  const remote: ElementJson[][] = [];
  const statuses: { status: SyncStatus; unsent: number }[] = [];
  const notices: string[] = [];
  const signals: SignalMessage[] = [];
  const putBack: ElementJson[][] = [];
  const client = new SyncClient({
    clientId: "tab-1",
    timers,
    signIn,
    ...kept,
    connect: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    listener: {
      remote: (elements) => remote.push(elements),
      status: (status, unsent) => statuses.push({ status, unsent }),
      notice: (message) => notices.push(message),
      signal: (signal) => signals.push(signal),
      putBack: (stored, refused) => putBack.push([...stored, ...refused]),
    },
  });
  const last = () => sockets[sockets.length - 1];
  const welcome = (head: number, ops: ServerMessage[] = []) =>
    last().receive({ t: "welcome", sessionId: "s", head, ops: ops as never, you: null as never, peers: [] });
  return { client, sockets, timers, remote, statuses, notices, signals, putBack, last, welcome };
}

describe("SyncClient", () => {
  it("sends signals only while live, drops them otherwise, and hands incoming ones to the listener", () => {
    const t = setup();
    t.client.start();
    t.last().onopen?.();
    expect(t.client.signal("s2", "offer", { sdp: "v=0" })).toBe(false);
    t.welcome(0);
    expect(t.client.signal("s2", "offer", { sdp: "v=0" })).toBe(true);
    expect(t.client.signal(null, "call-join")).toBe(true);
    expect(t.last().ofType("signal")).toEqual([
      { t: "signal", to: "s2", kind: "offer", data: { sdp: "v=0" } },
      { t: "signal", to: null, kind: "call-join", data: null },
    ]);
    t.last().receive({ t: "signal", from: "s2", kind: "answer", data: { sdp: "v=0" } });
    expect(t.signals).toEqual([{ t: "signal", from: "s2", kind: "answer", data: { sdp: "v=0" } }]);
  });

  it("says hello with the last seq and goes live on welcome", () => {
    const t = setup();
    t.client.start();
    t.last().onopen?.();
    expect(t.last().sent[0]).toEqual({ t: "hello", protocol: 1, clientId: "tab-1", lastSeq: 0 });
    t.welcome(3);
    expect(t.client.status).toEqual({ kind: "live" });
    expect(t.client.seq).toBe(3);
  });

  it("queues changes while offline, folded into one push, and sends it after the welcome", () => {
    const t = setup();
    t.client.start();
    t.client.push([element("a")]);
    t.client.push([element("b")]);
    t.client.push([element("a", 2)]);
    t.last().onopen?.();
    expect(t.last().ofType("push")).toHaveLength(0);
    t.welcome(0);
    const pushes = t.last().ofType("push") as { clientSeq: number; elements: ElementJson[] }[];
    expect(pushes.map((m) => m.clientSeq)).toEqual([1]);
    expect(pushes[0].elements.map((e) => `${e.id}@${e.version}`)).toEqual(["a@2", "b@1"]);
    expect(t.statuses[t.statuses.length - 1].unsent).toBe(2);
  });

  it("never folds new changes into a push that may already have reached the server", () => {
    const t = setup();
    t.client.start();
    t.last().onopen?.();
    t.welcome(0);
    t.client.push([element("a")]);
    t.last().drop();
    t.client.push([element("b")]);
    t.client.push([element("c")]);
    t.timers.advance(1_000);
    t.last().onopen?.();
    t.welcome(0);
    const pushes = t.last().ofType("push") as { clientSeq: number; elements: ElementJson[] }[];
    expect(pushes.map((m) => [m.clientSeq, m.elements.map((e) => e.id).join()])).toEqual([[1, "a"], [2, "b,c"]]);
  });

  it("keeps unacknowledged pushes across a reconnect and re-sends them once, in order", () => {
    const t = setup();
    t.client.start();
    t.last().onopen?.();
    t.welcome(0);
    t.client.push([element("a")]);
    t.client.push([element("b")]);
    t.last().receive({ t: "ack", clientSeq: 1, seq: 1 });
    t.last().drop();
    expect(t.client.status.kind).toBe("reconnecting");
    t.timers.advance(1_000);
    expect(t.sockets).toHaveLength(2);
    t.last().onopen?.();
    expect(t.last().sent[0]).toMatchObject({ t: "hello", lastSeq: 1 });
    t.welcome(1);
    expect(t.last().ofType("push").map((m) => m.clientSeq)).toEqual([2]);
    t.last().receive({ t: "ack", clientSeq: 2, seq: 2 });
    expect(t.client.unsent).toBe(0);
  });

  it("applies catch-up ops and peer ops, advancing lastSeq", () => {
    const t = setup();
    t.client.start();
    t.last().onopen?.();
    t.welcome(2, [
      { t: "op", seq: 1, author: "u", clientId: "x", clientSeq: 1, at: "", elements: [element("a")] },
      { t: "op", seq: 2, author: "u", clientId: "x", clientSeq: 2, at: "", elements: [element("b")] },
    ]);
    t.last().receive({ t: "op", seq: 3, author: "u", clientId: "x", clientSeq: 3, at: "", elements: [element("c")] });
    expect(t.remote.map((els) => els[0].id)).toEqual(["a", "b", "c"]);
    expect(t.client.seq).toBe(3);
  });

  it("backs off exponentially between failed connection attempts", () => {
    const t = setup();
    t.client.start();
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      t.last().drop();
      const status = t.client.status;
      if (status.kind === "reconnecting") waits.push(status.retryInMs);
      t.timers.advance(60_000);
    }
    expect(waits).toEqual([375, 750, 1500, 3000, 6000]);
  });

  it("stops for good on close codes where reconnecting cannot help", () => {
    const t = setup();
    t.client.start();
    t.last().drop(4001);
    expect(t.client.status.kind).toBe("failed");
    t.timers.advance(60_000);
    expect(t.sockets).toHaveLength(1);
  });

  it("treats a silent socket as dead and reconnects", () => {
    const t = setup();
    t.client.start();
    t.last().onopen?.();
    t.welcome(0);
    t.timers.advance(10_000);
    expect(t.last().ofType("ping")).toHaveLength(1);
    t.timers.advance(20_000);
    expect(t.client.status.kind).toBe("reconnecting");
    t.timers.advance(1_000);
    expect(t.sockets).toHaveLength(2);
  });

  it("drops a push the server refused for good and tells the user", () => {
    const t = setup();
    t.client.start();
    t.last().onopen?.();
    t.welcome(0);
    t.client.push([element("huge")]);
    t.client.push([element("ok")]);
    t.last().receive({ t: "error", code: "too_large", message: "too big", retryable: false, clientSeq: 1 });
    expect(t.client.unsent).toBe(1);
    expect(t.notices[0]).toContain("too large");
  });

  it("[S12] drops a change of protected elements, puts them back as stored and says why", () => {
    const t = setup();
    t.client.start();
    t.last().onopen?.();
    t.welcome(0);
    t.client.push([element("frame")]);
    const stored = { ...element("frame"), version: 1, customData: { protected: true } };
    t.last().receive({ t: "error", code: "protected", message: "protected by the interviewer: the frame \"1 · Clarify\" cannot be moved, edited or deleted",
      retryable: false, clientSeq: 1, elements: [stored] });
    expect(t.client.unsent).toBe(0);
    expect(t.putBack).toEqual([[stored, element("frame")]]);
    expect(t.notices[0]).toBe("This part of the board is protected by the interviewer: the frame \"1 · Clarify\" cannot be moved, edited or deleted. It was put back.");
  });

  it("re-sends pending pushes after a retryable refusal", () => {
    const t = setup();
    t.client.start();
    t.last().onopen?.();
    t.welcome(0);
    t.client.push([element("a")]);
    t.last().receive({ t: "error", code: "room_overloaded", message: "busy", retryable: true, clientSeq: 1 });
    t.timers.advance(1_000);
    expect(t.last().ofType("push")).toHaveLength(2);
  });

  it("throttles presence to the latest state", () => {
    const t = setup();
    t.client.start();
    t.last().onopen?.();
    t.welcome(0);
    const at = (x: number) => ({ cursor: { x, y: 0 }, selection: [], viewport: null, laser: null, idle: "active" as const });
    t.client.presence(at(1));
    t.client.presence(at(2));
    t.client.presence(at(3));
    expect(t.last().ofType("presence")).toHaveLength(1);
    t.timers.advance(40);
    const sent = t.last().ofType("presence");
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ cursor: { x: 3, y: 0 } });
  });
});

describe("SyncClient delivery edge cases", () => {
  function live() {
    const t = setup();
    t.client.start();
    t.last().onopen?.();
    t.welcome(5);
    return t;
  }
  const op = (seq: number, id: string): ServerMessage => ({
    t: "op", seq, author: "u", clientId: "x", clientSeq: seq, at: "", elements: [element(id)],
  });

  it("ignores an op delivered twice", () => {
    const t = live();
    t.last().receive(op(6, "a"));
    t.last().receive(op(6, "a"));
    expect(t.remote).toHaveLength(1);
    expect(t.client.seq).toBe(6);
  });

  it("resyncs when an op arrives out of order, keeping pending pushes", () => {
    const t = live();
    t.client.push([element("mine")]);
    t.last().receive(op(8, "b"));
    expect(t.remote).toHaveLength(0);
    expect(t.sockets).toHaveLength(2);
    t.last().onopen?.();
    expect(t.last().sent[0]).toMatchObject({ t: "hello", lastSeq: 5 });
    t.welcome(8);
    expect(t.last().ofType("push").map((m) => m.clientSeq)).toEqual([1]);
  });

  it("treats a duplicate ack (the push was applied before a reconnect) as done", () => {
    const t = live();
    t.client.push([element("a")]);
    t.last().receive({ t: "ack", clientSeq: 1, duplicate: true });
    expect(t.client.unsent).toBe(0);
    expect(t.client.seq).toBe(5);
  });

  it("re-sends after the ack was lost with the connection, and the server's duplicate ack clears it", () => {
    const t = live();
    t.client.push([element("a")]);
    t.last().drop();
    t.timers.advance(1_000);
    t.last().onopen?.();
    t.welcome(6, [op(6, "a")] as never);
    expect(t.last().ofType("push").map((m) => m.clientSeq)).toEqual([1]);
    t.last().receive({ t: "ack", clientSeq: 1, duplicate: true });
    expect(t.client.unsent).toBe(0);
  });

  it("resyncs on a malformed server message instead of applying it", () => {
    const t = live();
    t.last().onmessage?.({ data: "{not json" });
    expect(t.sockets).toHaveLength(2);
    t.last().onmessage?.({ data: JSON.stringify({ t: "op", seq: "x" }) });
    expect(t.remote).toHaveLength(0);
  });

  describe("sign-in", () => {
    const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
    const answering = (answers: ("signed-in" | "signed-out")[]) => {
      const asked: number[] = [];
      return {
        asked,
        check: async () => {
          asked.push(1);
          return answers.shift() ?? "signed-in";
        },
      };
    };

    it("hands a renewed token to the open socket without reconnecting", () => {
      const t = setup();
      t.client.start();
      t.last().onopen?.();
      t.welcome(0);
      t.client.reauthenticate("fresh-token");
      expect(t.last().ofType("auth")).toEqual([{ t: "auth", token: "fresh-token" }]);
      expect(t.sockets).toHaveLength(1);
      expect(t.client.status).toEqual({ kind: "live" });
    });

    it("reconnects at once when the socket's sign-in expired but can be renewed, re-sending unsent changes once", async () => {
      const signIn = answering(["signed-in"]);
      const t = setup(signIn);
      t.client.start();
      t.last().onopen?.();
      t.welcome(0);
      t.client.push([element("a")]);
      t.last().drop(1008);
      await flush();
      expect(signIn.asked).toHaveLength(1);
      expect(t.sockets).toHaveLength(2);
      t.last().onopen?.();
      t.welcome(0);
      expect(t.last().ofType("push").map((m) => m.clientSeq)).toEqual([1]);
    });

    it("waits, keeping every unsent change, while the sign-in has ended, and sends them once after resume", async () => {
      const signIn = answering(["signed-out"]);
      const t = setup(signIn);
      t.client.start();
      t.last().onopen?.();
      t.welcome(0);
      t.client.push([element("a")]);
      t.last().drop(1008);
      await flush();
      expect(t.client.status).toEqual({ kind: "signed-out" });
      t.client.push([element("b")]);
      t.timers.advance(120_000);
      expect(t.sockets).toHaveLength(1); // no endless retrying
      expect(t.client.unsentElements).toBe(2);

      t.client.resume();
      expect(t.sockets).toHaveLength(2);
      t.last().onopen?.();
      t.welcome(0);
      const pushes = t.last().ofType("push") as { clientSeq: number; elements: ElementJson[] }[];
      expect(pushes.map((m) => m.clientSeq)).toEqual([1, 2]);
      t.last().receive({ t: "ack", clientSeq: 1, seq: 1 });
      t.last().receive({ t: "ack", clientSeq: 2, seq: 2 });
      expect(t.client.unsent).toBe(0);
    });

    it("asks the sign-in before retrying an upgrade that failed, and stops retrying when it has ended", async () => {
      const signIn = answering(["signed-out"]);
      const t = setup(signIn);
      t.client.start();
      t.last().drop(1006); // refused before it opened (an expired session cookie redirects the upgrade)
      t.timers.advance(1_000);
      await flush();
      expect(signIn.asked).toHaveLength(1);
      expect(t.client.status).toEqual({ kind: "signed-out" });
      expect(t.sockets).toHaveLength(1);
    });

    it("asks the sign-in when the server refuses a renewed token", async () => {
      const signIn = answering(["signed-in"]);
      const t = setup(signIn);
      t.client.start();
      t.last().onopen?.();
      t.welcome(0);
      t.last().receive({ t: "error", code: "unauthorized", message: "no", retryable: false, clientSeq: null });
      await flush();
      expect(signIn.asked).toHaveLength(1);
      expect(t.notices).toEqual([]);
    });
  });

  describe("large pastes", () => {
    const labelled = (i: number, text = "x".repeat(300)) => ({ ...element(`p${i}`), text });

    it("splits a 1,000-element paste into pushes well under the frame limit, sent in order", () => {
      const t = setup();
      t.client.start();
      t.last().onopen?.();
      t.welcome(0);
      t.client.push(Array.from({ length: 1000 }, (_, i) => labelled(i)));
      const pushes = t.last().ofType("push") as { clientSeq: number; elements: ElementJson[] }[];
      expect(pushes.map((p) => p.clientSeq)).toEqual([1, 2]);
      expect(pushes.flatMap((p) => p.elements).map((e) => e.id)).toEqual(Array.from({ length: 1000 }, (_, i) => `p${i}`));
      for (const p of pushes) {
        expect(p.elements.length).toBeLessThanOrEqual(500);
        expect(JSON.stringify({ t: "push", ...p }).length).toBeLessThan(300 * 1024);
      }
    });

    it("splits by size as well as count: a few very large elements get pushes of their own", () => {
      const t = setup();
      t.client.start();
      t.last().onopen?.();
      t.welcome(0);
      t.client.push([labelled(1, "y".repeat(200_000)), labelled(2, "z".repeat(200_000)), labelled(3)]);
      const pushes = t.last().ofType("push") as { elements: ElementJson[] }[];
      expect(pushes.map((p) => p.elements.map((e) => e.id))).toEqual([["p1"], ["p2", "p3"]]);
    });

    it("refuses an element no push can carry, says so once, and still saves the rest", () => {
      const t = setup();
      t.client.start();
      t.last().onopen?.();
      t.welcome(0);
      t.client.push([labelled(1, "w".repeat(400_000)), labelled(2)]);
      const pushes = t.last().ofType("push") as { elements: ElementJson[] }[];
      expect(pushes.flatMap((p) => p.elements.map((e) => e.id))).toEqual(["p2"]);
      expect(t.notices).toHaveLength(1);
      expect(t.notices[0]).toMatch(/too large to save/);
      t.last().drop(1006);
      t.timers.advance(1_000);
      t.last().onopen?.();
      t.welcome(1);
      expect(t.last().ofType("push").flatMap((p) => (p.elements as ElementJson[]).map((e) => e.id))).toEqual(["p2"]);
    });

    it("folds offline changes only while the folded push stays small enough", () => {
      const t = setup();
      t.client.start();
      t.client.push(Array.from({ length: 400 }, (_, i) => labelled(i)));
      t.client.push(Array.from({ length: 400 }, (_, i) => labelled(i + 400)));
      t.last().onopen?.();
      t.welcome(0);
      const pushes = t.last().ofType("push") as { elements: ElementJson[] }[];
      expect(pushes.map((p) => p.elements.length)).toEqual([400, 400]);
    });
  });

  describe("across a reload", () => {
    const ids = (m: Record<string, unknown>) => (m.elements as ElementJson[]).map((e) => `${e.id}@${e.version}`).join();

    /** A client whose queue is kept in a store, as the page keeps it in IndexedDB. */
    function kept(restored?: SyncOptions["restored"]) {
      const store = new MemoryPendingStore();
      const writer = new PendingWriter(store, "board", "tab-1", "bob", () => 1);
      const t = setup(undefined, { restored, saveOutbox: (next, pending) => writer.save(next, pending) });
      const stored = async () => {
        await writer.idle();
        return (await store.list("board"))[0] ?? null;
      };
      return { ...t, stored };
    }

    it("[S4][S6] re-sends the adopted pushes after the welcome with their original clientSeqs, then numbers on", () => {
      const t = setup(undefined, {
        restored: { nextClientSeq: 1_008, pending: [{ clientSeq: 6, elements: [element("a", 3)] }, { clientSeq: 7, elements: [element("b")] }] },
      });
      t.client.start();
      expect(t.statuses[t.statuses.length - 1].unsent).toBe(2);
      t.client.push([element("c")]); // offline: never folded into a push the server may have stored already
      t.last().onopen?.();
      expect(t.last().ofType("push")).toHaveLength(0);
      t.welcome(4);
      expect(t.last().ofType("push").map((m) => [m.clientSeq, ids(m)])).toEqual([[6, "a@3"], [7, "b@1"], [1_008, "c@1"]]);
      t.last().receive({ t: "ack", clientSeq: 6, seq: 5 });
      t.last().receive({ t: "ack", clientSeq: 7, duplicate: true }); // stored before the reload
      expect(t.client.unsent).toBe(1);
    });

    it("keeps every change of the queue: added, folded, and shrunk by acks until the record is gone", async () => {
      const t = kept();
      t.client.start();
      t.client.push([element("a")]);
      t.client.push([element("a", 2), element("b")]);
      expect(await t.stored()).toMatchObject({ clientId: "tab-1", nextClientSeq: 2, pending: [{ clientSeq: 1 }] });
      expect((await t.stored())?.pending[0].elements.map((e) => `${e.id}@${e.version}`)).toEqual(["a@2", "b@1"]);
      t.last().onopen?.();
      t.welcome(0);
      t.client.push([element("c")]);
      expect((await t.stored())?.pending.map((p) => p.clientSeq)).toEqual([1, 2]);
      t.last().receive({ t: "ack", clientSeq: 1, seq: 1 });
      expect((await t.stored())?.pending.map((p) => p.clientSeq)).toEqual([2]);
      t.last().receive({ t: "ack", clientSeq: 2, seq: 2 });
      expect(await t.stored()).toBeNull();
    });

    it("drops a refused push from the kept record too", async () => {
      const t = kept();
      t.client.start();
      t.last().onopen?.();
      t.welcome(0);
      t.client.push([element("a")]);
      t.client.push([element("b")]);
      t.last().receive({ t: "error", code: "too_large", message: "too big", retryable: false, clientSeq: 1 });
      expect((await t.stored())?.pending.map((p) => p.clientSeq)).toEqual([2]);
    });

    it("keeps an adopted queue as it shrinks", async () => {
      const t = kept({ nextClientSeq: 1_003, pending: [{ clientSeq: 1, elements: [element("a")] }, { clientSeq: 2, elements: [element("b")] }] });
      t.client.start();
      t.last().onopen?.();
      t.welcome(0);
      t.last().receive({ t: "ack", clientSeq: 1, seq: 1 });
      expect(await t.stored()).toMatchObject({ nextClientSeq: 1_003, pending: [{ clientSeq: 2 }] });
    });
  });
});
