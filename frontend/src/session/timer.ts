/** Timer arithmetic for the framework step bar: pure, so it is tested without a clock. */

export type TimerState = "ok" | "near" | "over";

/** Elapsed milliseconds since `since` (a server time), given how far the local clock is ahead of the server's. */
export function elapsedMs(since: string, localNow: number, skewMs: number): number {
  return Math.max(0, localNow - skewMs - Date.parse(since));
}

/** "mm:ss", or "h:mm:ss" past an hour. */
export function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** Within budget, in its last fifth, or over it. */
export function timerState(elapsed: number, budgetMinutes: number): TimerState {
  const budget = budgetMinutes * 60_000;
  if (elapsed > budget) return "over";
  return elapsed >= budget * 0.8 ? "near" : "ok";
}

/** How far the local clock is ahead of the server's, from a response's server time and when it arrived. */
export function skew(serverNow: string, localReceivedAt: number): number {
  return localReceivedAt - Date.parse(serverNow);
}
