import type { SyncOptions, SyncStatus, Timers } from "./ports";
import { ACCESS_CHANGED, FINAL_CLOSE_CODES, SIGN_IN_EXPIRED } from "./protocol";

/** What reconnecting needs of the client. */
export interface Reconnectable {
  stopped(): boolean;
  /** Whether a socket is open or opening (then nothing is to be done). */
  connecting(): boolean;
  open(): void;
  status(status: SyncStatus): void;
}

/** Exponential backoff with jitter: 0.5–1 × min(max, 500 ms × 2^(attempt-1)). */
export function backoffMs(attempt: number, maxMs: number, random: number): number {
  const base = Math.min(maxMs, 500 * 2 ** Math.min(attempt - 1, 10));
  return Math.round(base * (0.5 + random * 0.5));
}

/**
 * When to open the socket again: never after a close code that says so (FINAL_CLOSE_CODES); after a drop, with backoff; after the sign-in expired, at once once it is
 * renewed. A socket that could not even be opened may have been refused for an ended sign-in, so the sign-in is
 * asked first; while it says "signed-out" the client waits for `SyncClient.resume`.
 */
export class Reconnect {
  /** Failed attempts in a row (reset once joined). */
  attempt = 0;
  private timer: unknown = null;

  constructor(
    private readonly timers: Timers,
    private readonly maxBackoffMs: number,
    private readonly signIn: SyncOptions["signIn"],
    private readonly client: Reconnectable,
  ) {}

  /** The socket closed with this code; `opened` says whether it had opened. */
  afterClose(code: number, opened: boolean): void {
    const final = FINAL_CLOSE_CODES[code];
    if (final) {
      this.client.status({ kind: "failed", reason: final });
      return;
    }
    if (code === SIGN_IN_EXPIRED || code === ACCESS_CHANGED) {
      // The sign-in ran out under an open socket (or changed): renew it if it can be, and reconnect at once.
      this.attempt = 0;
      this.client.status({ kind: "connecting", attempt: 0 });
      this.whenSignedIn();
      return;
    }
    this.later(opened);
  }

  /** Backs off, then reconnects; `opened` says whether the dropped socket had opened. */
  later(opened: boolean): void {
    this.attempt++;
    const retryInMs = backoffMs(this.attempt, this.maxBackoffMs, this.timers.random());
    this.client.status({ kind: "reconnecting", attempt: this.attempt, retryInMs });
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      if (this.client.stopped()) return;
      if (!opened) this.whenSignedIn();
      else this.client.open();
    }, retryInMs);
  }

  /** Opens the socket again if the page is still signed in; otherwise says "signed-out" and waits. */
  whenSignedIn(): void {
    if (!this.signIn) {
      this.client.open();
      return;
    }
    const idle = () => !this.client.stopped() && !this.client.connecting();
    void this.signIn.check().then(
      (state) => {
        if (!idle()) return;
        if (state === "signed-out") this.client.status({ kind: "signed-out" });
        else this.client.open();
      },
      () => {
        if (idle()) this.client.open();
      },
    );
  }

  cancel(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
