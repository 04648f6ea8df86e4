import type { Timers } from "./ports";

/** The socket the heartbeat watches. */
export interface Watched {
  /** Whether there is a socket to watch still. */
  live(): boolean;
  ping(nonce: number): void;
  /** Nothing was heard for too long: a half-open connection. */
  dead(): void;
}

/** Pings every `everyMs` while the socket is open, and declares it dead after `timeoutMs` without a frame. */
export class Heartbeat {
  private lastFrameAt = 0;
  private timer: unknown = null;

  constructor(
    private readonly timers: Timers,
    private readonly everyMs: number,
    private readonly timeoutMs: number,
    private readonly socket: Watched,
  ) {}

  /** The socket opened: it counts as heard now. */
  start(): void {
    this.heard();
    this.schedule();
  }

  /** A frame arrived. */
  heard(): void {
    this.lastFrameAt = this.timers.now();
  }

  stop(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      if (!this.socket.live()) return;
      if (this.timers.now() - this.lastFrameAt > this.timeoutMs) {
        this.socket.dead();
        return;
      }
      this.socket.ping(this.timers.now());
      this.schedule();
    }, this.everyMs);
  }
}
