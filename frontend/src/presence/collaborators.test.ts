import { describe, expect, it } from "vitest";
import type { Peer } from "../sync/protocol";
import { collaborators, distinctIds, excalidrawColor } from "./collaborators";

function peer(userId: string, sessionId = `s-${userId}`): Peer {
  return { sessionId, userId, name: userId, role: "candidate", color: "#e03131" };
}

/** Two user ids that Excalidraw's hash puts on the same hue. */
function collidingPair(): [string, string] {
  const seen = new Map<string, string>();
  for (let i = 0; ; i++) {
    const id = `user-${i}`;
    const color = excalidrawColor(id);
    const other = seen.get(color);
    if (other) return [other, id];
    seen.set(color, id);
  }
}

describe("collaborator colours", () => {
  it("gives two people whose ids hash to the same hue different colours", () => {
    const [a, b] = collidingPair();
    expect(excalidrawColor(a)).toBe(excalidrawColor(b));
    const view = collaborators([peer(a), peer(b)], new Map());
    const colors = [...view.values()].map((c) => excalidrawColor(c.id));
    expect(new Set(colors).size).toBe(2);
    expect([...view.values()].map((c) => c.color.background)).toEqual(colors);
  });

  it("gives every one of four people a different colour, whatever their ids", () => {
    for (let round = 0; round < 200; round++) {
      const users = [0, 1, 2, 3].map((i) => `u${round}-${i * 7}`);
      const ids = distinctIds(users);
      expect(new Set([...ids.values()].map(excalidrawColor)).size).toBe(4);
    }
  });

  it("agrees on the colours whatever order the peers arrive in", () => {
    const [a, b] = collidingPair();
    const one = distinctIds([a, b, "carol"]);
    const two = distinctIds(["carol", b, a]);
    expect([...two.entries()].sort()).toEqual([...one.entries()].sort());
  });

  it("keeps one id for one person in two tabs, so Excalidraw shows one avatar", () => {
    const view = collaborators([peer("alice", "tab-1"), peer("alice", "tab-2")], new Map());
    expect(new Set([...view.values()].map((c) => c.id)).size).toBe(1);
  });

  it("keeps a person's plain user id when nobody else shares the hue", () => {
    expect(distinctIds(["alice"]).get("alice")).toBe("alice");
  });
});
