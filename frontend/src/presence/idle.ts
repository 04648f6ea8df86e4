import type { Idle } from "../sync/protocol";

export const IDLE_AFTER_MS = 60_000;

/** Active while the person uses the board, idle after a minute without input, away while the tab is hidden. */
export function idleState(lastInputAt: number, now: number, hidden: boolean): Idle {
  if (hidden) return "away";
  return now - lastInputAt >= IDLE_AFTER_MS ? "idle" : "active";
}
