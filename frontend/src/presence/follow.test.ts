import { describe, expect, it } from "vitest";
import { followViewport } from "./follow";

describe("followViewport", () => {
  it("centres the leader's view at the leader's zoom", () => {
    // leader sees scene x 100..500, y 50..350 at zoom 2
    const v = followViewport({ x: 100, y: 50, width: 400, height: 300, zoom: 2 }, 1000, 800);
    expect(v.zoom).toBe(2);
    // our visible area starts at -scroll and spans 500 x 400 scene units; its centre is the leader's (300, 200)
    expect(-v.scrollX + 1000 / 2 / 2).toBeCloseTo(300);
    expect(-v.scrollY + 800 / 2 / 2).toBeCloseTo(200);
  });

  it("clamps absurd zoom levels", () => {
    expect(followViewport({ x: 0, y: 0, width: 1, height: 1, zoom: 1000 }, 100, 100).zoom).toBe(30);
  });
});
