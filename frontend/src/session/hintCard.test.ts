import { describe, expect, it } from "vitest";
import { cardSkeleton, wrap } from "./hintCard";

const NL = String.fromCharCode(10);

describe("hint card", () => {
  it("wraps at spaces and keeps paragraphs", () => {
    expect(wrap("Traffic is now one hundred times what you planned", 20)).toBe(
      ["Traffic is now one", "hundred times what", "you planned"].join(NL),
    );
    expect(wrap(["a", "b"].join(NL), 10)).toBe(["a", "b"].join(NL));
  });

  it("centres the card and grows it with its text", () => {
    const small = cardSkeleton("Short", "", 0, 0);
    const long = cardSkeleton("Latency", "word ".repeat(60), 100, 100);
    expect(small.x + small.width / 2).toBe(0);
    expect(long.height).toBeGreaterThan(small.height);
    expect(long.label.text.split(NL).every((line) => line.length <= 34)).toBe(true);
  });
});
