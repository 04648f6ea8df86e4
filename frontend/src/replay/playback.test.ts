import { describe, expect, it } from "vitest";
import { advance, FADED_OPACITY, inSceneOrder, PlaybackScene, position, sinceStart, type RecordedOp } from "./playback";

const el = (id: string, version: number, extra: Record<string, unknown> = {}) =>
  ({ id, type: "rectangle", version, versionNonce: version, isDeleted: false, ...extra }) as never;
const op = (seq: number, elements: unknown[], corrupt = false, author = "a"): RecordedOp =>
  ({ seq, author, at: "2026-11-22T10:00:00Z", elements, corrupt }) as RecordedOp;

describe("playback scene", () => {
  it("applies ops in order with the merge rule, once each", () => {
    const scene = new PlaybackScene();
    scene.reset(0, []);
    scene.apply([op(1, [el("a", 1)]), op(2, [el("a", 3)]), op(3, [el("a", 2)])]);
    expect(scene.visible()).toEqual([el("a", 3)]);
    expect(scene.apply([op(2, [el("b", 1)])])).toBe(false);
    expect(scene.seq).toBe(3);
  });

  it("hides deleted elements and skips corrupt ops, remembering them", () => {
    const scene = new PlaybackScene();
    scene.reset(10, [el("a", 1)]);
    scene.apply([op(11, [], true), op(12, [el("a", 2, { isDeleted: true })])]);
    expect(scene.visible()).toEqual([]);
    expect(scene.skipped).toEqual([11]);
  });
});

describe("highlight by author", () => {
  it("fades the elements someone else changed last", () => {
    const scene = new PlaybackScene();
    scene.reset(0, []);
    scene.apply([op(1, [el("a", 1), el("b", 1)], false, "ada"), op(2, [el("b", 2)], false, "bob")]);
    const shown = Object.fromEntries(scene.visible("ada").map((e) => [e.id, e.opacity ?? 100]));
    expect(shown).toEqual({ a: 100, b: FADED_OPACITY });
    expect(scene.visible().map((e) => e.opacity ?? 100)).toEqual([100, 100]);
  });
});

describe("playback clock", () => {
  it("moves by elapsed time times speed and stops at the end", () => {
    expect(advance(0, 100, 4, null, false, 10_000)).toBe(400);
    expect(advance(9_900, 100, 32, null, false, 10_000)).toBe(10_000);
  });

  it("jumps over quiet stretches when skipping idle time", () => {
    expect(advance(0, 100, 1, 60_000, true, 100_000)).toBe(59_500);
    expect(advance(0, 100, 1, 60_000, false, 100_000)).toBe(100);
    expect(advance(0, 100, 1, 1_000, true, 100_000)).toBe(100);
  });

  it("skips only time where nothing is drawn and nobody speaks", () => {
    // someone speaks now: nothing is skipped although the next drawing is a minute away
    expect(advance(0, 100, 1, 60_000, true, 100_000, 0)).toBe(100);
    // the next word comes before the next drawing: the jump stops just before it
    expect(advance(0, 100, 1, 60_000, true, 100_000, 30_000)).toBe(29_500);
    // nothing is drawn any more, but someone speaks later
    expect(advance(0, 100, 1, null, true, 100_000, 30_000)).toBe(29_500);
  });

  it("maps moments onto the scrubber and formats time since the start", () => {
    expect(position(5, 0, 10)).toBe(0.5);
    expect(position(20, 0, 10)).toBe(1);
    expect(sinceStart(65_000)).toBe("1:05");
    expect(sinceStart(3_725_000)).toBe("1:02:05");
  });
});

describe("scene order", () => {
  it("[S5] orders the replayed scene by fractional index, not by when elements arrived", () => {
    const scene = new PlaybackScene();
    scene.reset(0, [el("top", 1, { index: "a2" }), el("loose", 1)]);
    // sent to the back after it was drawn: arrives last, with the lowest index
    scene.apply([op(1, [el("mid", 1, { index: "a1" })]), op(2, [el("back", 1, { index: "a0" })]), op(3, [el("top", 2, { index: "a2" })])]);
    expect(scene.visible().map((e) => e.id)).toEqual(["back", "mid", "top", "loose"]);
  });

  it("compares order keys as strings (Excalidraw's rule), ties by id, unindexed last in arrival order", () => {
    const order = inSceneOrder([
      el("z", 1),
      el("b", 1, { index: "a1" }),
      el("a", 1, { index: "a1" }),
      el("y", 1, { index: null }),
      el("c", 1, { index: "Zz" }),
      el("d", 1, { index: "a0V" }),
    ]);
    expect(order.map((e: { id: string }) => e.id)).toEqual(["c", "d", "a", "b", "z", "y"]);
  });
});
