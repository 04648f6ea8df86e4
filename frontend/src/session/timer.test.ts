import { describe, expect, it } from "vitest";
import { clock, elapsedMs, skew, timerState } from "./timer";

describe("step timer", () => {
  it("counts from the server's time, corrected for the local clock's skew", () => {
    const since = "2026-11-22T10:00:00.000Z";
    const serverNow = "2026-11-22T10:01:00.000Z";
    const localReceivedAt = Date.parse(serverNow) + 5_000; // local clock runs 5 s ahead
    const offset = skew(serverNow, localReceivedAt);
    expect(offset).toBe(5_000);
    expect(elapsedMs(since, localReceivedAt + 30_000, offset)).toBe(90_000);
  });

  it("never shows negative time", () => {
    expect(elapsedMs("2026-11-22T10:00:00Z", Date.parse("2026-11-22T09:59:00Z"), 0)).toBe(0);
  });

  it("formats minutes and seconds, and hours when needed", () => {
    expect(clock(0)).toBe("00:00");
    expect(clock(4 * 60_000 + 12_000)).toBe("04:12");
    expect(clock(3_600_000 + 65_000)).toBe("1:01:05");
  });

  it("turns near in the budget's last fifth and over past it", () => {
    expect(timerState(3 * 60_000, 5)).toBe("ok");
    expect(timerState(4 * 60_000, 5)).toBe("near");
    expect(timerState(5 * 60_000, 5)).toBe("near");
    expect(timerState(5 * 60_000 + 1, 5)).toBe("over");
  });
});
