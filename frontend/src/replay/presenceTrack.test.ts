import { describe, expect, it } from "vitest";
import { PresenceTrack, STALE_MS, type PresenceSample } from "./presenceTrack";

const T0 = Date.parse("2026-01-01T10:00:00Z");
let nextId = 1;
function sample(userId: string, offsetMs: number, x: number, idle: PresenceSample["idle"] = "active"): PresenceSample {
  return {
    id: nextId++, at: new Date(T0 + offsetMs).toISOString(), userId, name: userId.toUpperCase(), cursorX: x, cursorY: 0,
    viewport: { x: 0, y: 0, width: 100, height: 100, zoom: 1 }, laser: null, selection: [], idle,
  };
}

describe("PresenceTrack", () => {
  it("shows each participant's latest sample at or before the moment", () => {
    const track = new PresenceTrack();
    track.add([sample("ada", 0, 1), sample("bob", 100, 10), sample("ada", 500, 2), sample("ada", 1000, 3)]);
    const at = (t: number) => Object.fromEntries(track.at(T0 + t).map((s) => [s.userId, s.cursorX]));
    expect(at(-1)).toEqual({});
    expect(at(0)).toEqual({ ada: 1 });
    expect(at(499)).toEqual({ ada: 1, bob: 10 });
    expect(at(500)).toEqual({ ada: 2, bob: 10 });
    expect(at(5_000)).toEqual({ ada: 3, bob: 10 });
  });

  it("drops stale and away participants", () => {
    const track = new PresenceTrack();
    track.add([sample("ada", 0, 1), sample("bob", 0, 2), sample("bob", 1000, 2, "away")]);
    expect(track.at(T0 + 500).map((s) => s.userId).sort()).toEqual(["ada", "bob"]);
    expect(track.at(T0 + 1000).map((s) => s.userId)).toEqual(["ada"]);
    expect(track.at(T0 + STALE_MS + 1)).toEqual([]);
  });

  it("keeps out-of-order samples sorted and gives stable colours by first appearance", () => {
    const track = new PresenceTrack();
    track.add([sample("ada", 1000, 2), sample("bob", 0, 5), sample("ada", 0, 1)]);
    expect(track.at(T0 + 10)[0].cursorX).toBe(1);
    expect(track.colorOf("ada")).not.toBe(track.colorOf("bob"));
    const { peers, presence } = track.asPeers(track.at(T0 + 2000));
    expect(peers.map((p) => p.name)).toEqual(["ADA", "BOB"]);
    expect(presence.get("ada")?.cursor).toEqual({ x: 2, y: 0 });
  });
});
