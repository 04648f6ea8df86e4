import { describe, expect, it } from "vitest";
import { IDLE_AFTER_MS, idleState } from "./idle";

describe("idleState", () => {
  it("is away while the tab is hidden, idle after a minute without input, else active", () => {
    expect(idleState(0, 10, true)).toBe("away");
    expect(idleState(0, IDLE_AFTER_MS - 1, false)).toBe("active");
    expect(idleState(0, IDLE_AFTER_MS, false)).toBe("idle");
  });
});
