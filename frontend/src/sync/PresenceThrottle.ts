import type { Timers } from "./ports";
import type { Presence } from "./protocol";

export type PresenceState = Omit<Presence, "t">;

/**
 * Presence is latest-wins and throttled [S8]: at most one frame per `everyMs`, always the newest state; a state
 * offered while not live waits for the next welcome.
 */
export class PresenceThrottle {
  private queued: PresenceState | null = null;
  private timer: unknown = null;
  private lastAt = -Infinity;

  constructor(
    private readonly timers: Timers,
    private readonly everyMs: number,
    private readonly live: () => boolean,
    private readonly send: (state: PresenceState) => void,
  ) {}

  offer(state: PresenceState): void {
    this.queued = state;
    if (!this.live() || this.timer !== null) return;
    const wait = this.lastAt + this.everyMs - this.timers.now();
    if (wait <= 0) {
      this.flush();
    } else {
      this.timer = this.timers.setTimeout(() => {
        this.timer = null;
        this.flush();
      }, wait);
    }
  }

  /** Sends the newest state now, if there is one and the socket is live. */
  flush(): void {
    if (!this.live() || !this.queued) return;
    this.send(this.queued);
    this.queued = null;
    this.lastAt = this.timers.now();
  }

  /** Forgets the scheduled send (the socket went away); the newest state stays queued. */
  cancel(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
