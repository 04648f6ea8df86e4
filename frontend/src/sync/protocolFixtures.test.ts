// The wire contract shared with the server: protocol-fixtures/ at the repository root (see its README). The
// server's tests read the same files, so a change to either side that breaks the contract fails a build.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PlaybackScene, type RecordedOp } from "../replay/playback";
import { decodeServerMessage, errorAction } from "./messages";
import { ACCESS_CHANGED, ERROR_CODES, FINAL_CLOSE_CODES, SIGN_IN_EXPIRED, remoteWins, type ElementJson, type ServerError, type ServerMessage } from "./protocol";
import { FakeSocket, FakeTimers } from "./fakes";
import { SyncClient } from "./SyncClient";

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../../protocol-fixtures/${name}`, import.meta.url), "utf8")) as T;
}

type MergeCase = { name: string; current: ElementJson | null; incoming: ElementJson; incomingWins: boolean };
type ErrorCodeRow = { code: string; retryable: boolean };
type CloseCodeRow = { code: number; name: string | null; reconnect: "none" | "never" | "backoff" | "long-backoff" | "now" | "renew-sign-in" };
type Frame = { name: string; frame: Record<string, unknown> };

const merge = fixture<{ cases: MergeCase[] }>("merge-cases.json").cases;
const errorCodes = fixture<{ codes: ErrorCodeRow[] }>("error-codes.json").codes;
const closeCodes = fixture<{ codes: CloseCodeRow[] }>("close-codes.json").codes;
const frames = fixture<{ client: Frame[]; server: Frame[] }>("frames.json");
const frame = (side: "client" | "server", name: string) => frames[side].find((f) => f.name === name)!.frame;

describe("[S5] merge rule (merge-cases.json)", () => {
  it.each(merge)("remoteWins: $name", ({ current, incoming, incomingWins }) => {
    expect(remoteWins(current ?? undefined, incoming)).toBe(incomingWins);
  });

  it.each(merge)("the replay applies it the same way: $name", ({ current, incoming, incomingWins }) => {
    const scene = new PlaybackScene();
    scene.reset(0, current ? [current] : []);
    const op: RecordedOp = { seq: 1, author: "u", at: "2026-01-01T00:00:00Z", elements: [incoming], corrupt: false };
    scene.apply([op]);
    const expected = incomingWins ? incoming : current!;
    expect(scene.visible()).toEqual(expected.isDeleted ? [] : [expected]);
  });
});

describe("error codes (error-codes.json)", () => {
  it("the client knows exactly the server's codes", () => {
    expect([...ERROR_CODES].sort()).toEqual(errorCodes.map((c) => c.code).sort());
  });

  it.each(errorCodes)("$code: a push refused for good is dropped, a retryable one is kept", ({ code, retryable }) => {
    const error = (clientSeq: number | null): ServerError => ({ t: "error", code: code as ServerError["code"], message: "m", retryable, clientSeq });
    const about = errorAction(error(7)).kind;
    if (code === "unauthorized") expect(about).toBe("check-sign-in");
    else if (retryable) expect(about).not.toBe("drop");
    else expect(about).toBe("drop");
    // an error about no push never drops one
    expect(errorAction(error(null)).kind).not.toBe("drop");
  });
});

function live(clientId = "k3J9_tab-1", signIn?: { check(): Promise<"signed-in" | "signed-out"> }) {
  const sockets: FakeSocket[] = [];
  const timers = new FakeTimers();
  const remote: ElementJson[][] = [];
  const client = new SyncClient({
    clientId,
    timers,
    signIn,
    connect: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    listener: { remote: (elements) => remote.push(elements), status: () => {}, notice: () => {} },
  });
  client.start();
  sockets[0].onopen?.();
  return { client, sockets, timers, remote };
}

describe("close codes (close-codes.json)", () => {
  it("the codes the client gives up on are exactly those not to reconnect after", () => {
    expect(Object.keys(FINAL_CLOSE_CODES).map(Number).sort()).toEqual(closeCodes.filter((c) => c.reconnect === "never").map((c) => c.code).sort());
    expect([SIGN_IN_EXPIRED, ACCESS_CHANGED].sort()).toEqual(closeCodes.filter((c) => c.reconnect === "renew-sign-in").map((c) => c.code).sort());
  });

  it.each(closeCodes.filter((c) => c.reconnect !== "none"))("$code ($name): $reconnect", async ({ code, reconnect }) => {
    let checks = 0;
    const { client, sockets, timers } = live("tab-1", {
      check: async () => {
        checks++;
        return "signed-in";
      },
    });
    sockets[0].receive(frame("server", "welcome with a snapshot"));
    sockets[0].onclose?.({ code, reason: "" });
    if (reconnect === "never") {
      expect(client.status).toEqual({ kind: "failed", reason: FINAL_CLOSE_CODES[code] });
      timers.advance(120_000);
      expect(sockets).toHaveLength(1);
    } else if (reconnect === "renew-sign-in") {
      await Promise.resolve();
      expect(checks).toBe(1);
      expect(sockets).toHaveLength(2);
    } else {
      expect(client.status.kind).toBe("reconnecting");
      timers.advance(30_000);
      expect(sockets.length).toBeGreaterThanOrEqual(2);
    }
    client.stop();
  });
});

describe("frames (frames.json)", () => {
  it.each(frames.server)("decodes the server's $name", ({ frame: f }) => {
    const message = decodeServerMessage(JSON.stringify(f));
    expect(message).not.toBeNull();
    expect((message as ServerMessage).t).toBe(f.t);
  });

  it("takes a welcome with ops and then an op, and says hello with the last seq it has", () => {
    const { client, sockets, timers, remote } = live();
    const welcome = frame("server", "welcome with ops") as { head: number; ops: { elements: ElementJson[] }[] };
    sockets[0].receive({ ...welcome, head: 41, ops: [] });
    expect(client.seq).toBe(41);
    sockets[0].onclose?.({ code: 1006, reason: "" });
    timers.advance(1_000);
    expect(sockets[1]).toBeDefined();
    sockets[1].onopen?.();
    expect(sockets[1].sent[0]).toEqual(frame("client", "hello"));
    sockets[1].receive(welcome);
    expect(client.seq).toBe(43);
    expect(remote.slice(-2)).toEqual(welcome.ops.map((op) => op.elements));
    client.stop();
  });

  it("sends pushes, presence and pings shaped like the fixtures", () => {
    const { client, sockets, timers } = live();
    sockets[0].receive(frame("server", "welcome with a snapshot"));
    const push = frame("client", "push") as { clientSeq: number; elements: ElementJson[] };
    for (let i = 1; i < push.clientSeq; i++) {
      client.push([{ ...push.elements[0], version: i }]);
      sockets[0].receive({ t: "ack", clientSeq: i, seq: 43 + i });
    }
    client.push(push.elements);
    expect(sockets[0].sent.at(-1)).toEqual(push);
    const presence = frame("client", "presence");
    const { t: _t, ...state } = presence;
    client.presence(state as Parameters<SyncClient["presence"]>[0]);
    expect(sockets[0].sent.at(-1)).toEqual(presence);
    timers.advance(10_000);
    expect(Object.keys(sockets[0].sent.at(-1)!).sort()).toEqual(Object.keys(frame("client", "ping")).sort());
    client.stop();
  });

  it("acks and a duplicate ack empty the queue; errors and other frames do not break the connection", () => {
    const { client, sockets } = live();
    sockets[0].receive(frame("server", "welcome with a snapshot"));
    for (const f of frames.server.filter((s) => !s.name.startsWith("welcome") && s.frame.t !== "ack" && s.frame.t !== "op")) sockets[0].receive(f.frame);
    expect(client.status.kind).toBe("live");
    expect(sockets).toHaveLength(1);
    client.push([{ id: "x", type: "rectangle", version: 1, versionNonce: 1, isDeleted: false }]);
    sockets[0].receive({ ...frame("server", "duplicate ack"), clientSeq: 1 });
    expect(client.unsent).toBe(0);
  });
});
