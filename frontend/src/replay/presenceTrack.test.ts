import { describe, expect, it } from "vitest";
import { PresenceTrack, type PresenceSample } from "./presenceTrack";

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

  it("drops away participants until they come back", () => {
    const track = new PresenceTrack();
    track.add([sample("ada", 0, 1), sample("bob", 0, 2), sample("bob", 1000, 2, "away"), sample("bob", 3000, 4)]);
    expect(track.at(T0 + 500).map((s) => s.userId).sort()).toEqual(["ada", "bob"]);
    expect(track.at(T0 + 1000).map((s) => s.userId)).toEqual(["ada"]);
    expect(track.at(T0 + 3000).map((s) => s.userId).sort()).toEqual(["ada", "bob"]);
  });

  // The recorder writes a sample only when someone's presence changed (PresenceRecorder), so a participant who
  // holds still (reading, talking) has no newer sample: their last one still says where they are and what they see.
  it("keeps showing a participant who holds still, however long ago their last sample was", () => {
    const track = new PresenceTrack();
    track.add([sample("ada", 0, 1), sample("bob", 0, 2), sample("ada", 20_000, 3)]);
    const at = (t: number) => Object.fromEntries(track.at(T0 + t).map((s) => [s.userId, s.cursorX]));
    // 1:00 into a recording where both stopped moving at 0:00 and 0:20: both viewports are still there
    expect(at(60_000)).toEqual({ ada: 3, bob: 2 });
    expect(track.at(T0 + 60_000).every((s) => s.viewport !== null)).toBe(true);
    // scrubbing back and forth gives the same answer wherever it lands
    expect(at(100_000)).toEqual({ ada: 3, bob: 2 });
    expect(at(10_000)).toEqual({ ada: 1, bob: 2 });
  });

  it("gives the same presence whether the samples came in one chunk or several", () => {
    const samples = [sample("ada", 0, 1), sample("bob", 500, 2), sample("ada", 40_000, 3), sample("bob", 45_000, 4)];
    const whole = new PresenceTrack().with(samples);
    const chunked = new PresenceTrack().with(samples.slice(0, 2)).with(samples.slice(2));
    for (const t of [0, 1_000, 39_999, 40_000, 44_000, 90_000]) expect(chunked.at(T0 + t)).toEqual(whole.at(T0 + t));
    expect(chunked.size).toBe(4);
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
