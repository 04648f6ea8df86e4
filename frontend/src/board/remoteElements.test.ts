import { describe, expect, it } from "vitest";
import type { ElementJson } from "../sync/protocol";
import { isOrderKey, sanitize, verdict } from "./remoteElements";

const rect = (extra: Record<string, unknown> = {}): ElementJson =>
  ({ id: "r1", type: "rectangle", x: 0, y: 0, width: 10, height: 10, version: 2, versionNonce: 5, isDeleted: false,
    groupIds: [], boundElements: null, index: "a0", ...extra }) as ElementJson;

/** Stands in for Excalidraw's restoreElements: fills what is missing, gives a fresh order key. */
const restore = (broken: ElementJson[]) =>
  broken.map((e) => ({ ...e, groupIds: Array.isArray(e.groupIds) ? e.groupIds : [], index: e.index ?? "a1", version: e.version + 1 }));

describe("remote elements", () => {
  it("knows Excalidraw's order keys", () => {
    for (const good of ["a0", "a1", "aV", "a0V", "b10", "Zz", "c123"]) expect(isOrderKey(good), good).toBe(true);
    for (const bad of ["b1", "a", "Z", "a10", "a0V0", "", "a-1"]) expect(isOrderKey(bad), bad).toBe(false);
  });

  it("shows sound elements as they are", () => {
    const ok = rect();
    expect(sanitize([ok], restore)).toEqual({ elements: [ok], skipped: [], repaired: [] });
  });

  it("repairs an element without groupIds or with an invalid order key instead of crashing the canvas", () => {
    const noGroups = rect({ id: "g" });
    delete (noGroups as Record<string, unknown>).groupIds;
    const badIndex = rect({ id: "i", index: "b1" });
    const result = sanitize([noGroups, badIndex], restore);
    expect(result.repaired).toEqual(["g", "i"]);
    expect(result.elements.map((e) => verdict(e))).toEqual(["ok", "ok"]);
    expect(result.elements[1].index).toBe("a1");
  });

  it("skips what cannot be shown, by id, and never throws", () => {
    const result = sanitize(
      [null, 42, "x", { id: "u", type: "spaceship" }, rect({ id: "n", x: "far" }), rect({ id: "l", type: "line" }), rect()],
      () => {
        throw new Error("restore failed");
      },
    );
    expect(result.elements.map((e) => e.id)).toEqual(["r1"]);
    expect(result.skipped).toEqual(["?", "?", "?", "u", "n", "l"]);
  });
});
