import { assertNever } from "../assertNever";
import { decodeServerMessage, describe } from "./messages";
import { Outbox, type Pending } from "./Outbox";
import { browserTimers, type SocketLike, type SyncOptions, type SyncStatus, type Timers } from "./ports";
import {
  ACCESS_CHANGED,
  FINAL_CLOSE_CODES,
  SIGN_IN_EXPIRED,
  type ClientMessage,
  type ElementJson,
  type Peer,
  type Presence,
  type ServerError,
  type ServerMessage,
} from "./protocol";

export { browserTimers, type SocketLike, type SyncListener, type SyncOptions, type SyncStatus, type Timers } from "./ports";

/**
 * The client side of the board socket: connect → hello(lastSeq) → welcome (catch-up) → re-send
 * every unacknowledged push with its original clientSeq → live. Pushes queue while offline; the
 * queue only shrinks on an ack, so nothing is lost across reconnects. Reconnects back off
 * exponentially with jitter; a silent socket (no frame for pingTimeoutMs) is treated as dead.
 */
export class SyncClient {
  private readonly timers: Timers;
  private readonly pingEveryMs: number;
  private readonly pingTimeoutMs: number;
  private readonly maxBackoffMs: number;
  private readonly presenceEveryMs: number;

  private socket: SocketLike | null = null;
  private opened = false;
  private joined = false;
  private stopped = false;
  private attempt = 0;
  private lastSeq = 0;
  private readonly outbox: Outbox;
  private current: SyncStatus = { kind: "connecting", attempt: 0 };
  private lastFrameAt = 0;
  private pingTimer: unknown = null;
  private retryTimer: unknown = null;
  private resendTimer: unknown = null;
  private presenceTimer: unknown = null;
  private queuedPresence: Omit<Presence, "t"> | null = null;
  private lastPresenceAt = -Infinity;
  private you: Peer | null = null;
  private renewedSignIns = 0;

  /** How many times the server accepted a renewed sign-in on this client's sockets. */
  get renewals(): number {
    return this.renewedSignIns;
  }

  /** This connection as the server sees it (name, role), once joined. */
  get identity(): Peer | null {
    return this.you;
  }
  private readonly peers = new Map<string, Peer>();

  constructor(private readonly options: SyncOptions) {
    this.timers = options.timers ?? browserTimers;
    this.pingEveryMs = options.pingEveryMs ?? 10_000;
    this.pingTimeoutMs = options.pingTimeoutMs ?? 25_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.presenceEveryMs = options.presenceEveryMs ?? 33;
    this.outbox = new Outbox(options.maxPushElements ?? 500, options.maxPushChars ?? 256 * 1024, (element, chars, limit) =>
      // No push can carry it: say so once instead of re-sending it forever.
      options.listener.notice(
        `One ${element.type} is too large to save (${Math.round(chars / 1024)} KB; the limit is ${Math.round(limit / 1024)} KB). ` +
          "It stays on this page only; the rest of your work is saved.",
        "error",
      ),
    );
  }

  start(): void {
    this.stopped = false;
    this.open();
  }

  /**
   * Hands the socket the renewed access token of the same person, before the one it runs on expires; the
   * server swaps the identity in place (no reconnect, nothing re-sent). A socket not yet open needs nothing:
   * it is opened with the refreshed session cookie.
   */
  reauthenticate(token: string): void {
    if (this.socket && this.opened) this.send({ t: "auth", token });
  }

  /** Carries on after the person signed in again: reconnects at once and sends every unsent change. */
  resume(): void {
    if (this.stopped || this.current.kind !== "signed-out") return;
    this.attempt = 0;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.socket?.close(1000, "left the board");
    this.socket = null;
  }

  get status(): SyncStatus {
    return this.current;
  }

  get unsent(): number {
    return this.outbox.length;
  }

  get seq(): number {
    return this.lastSeq;
  }

  /**
   * Queues local element changes; they are sent now if live, else on the next welcome. Offline
   * changes fold into the last push that was never sent (latest version of each element wins), so
   * a long offline stretch re-sends one push per element, not one per gesture frame.
   */
  push(elements: ElementJson[]): void {
    if (!this.outbox.add(elements, !this.joined)) return;
    if (this.joined) for (const entry of this.outbox.unsent()) this.sendPush(entry);
    this.report();
  }

  /** Elements with changes the server has not acknowledged yet. */
  get unsentElements(): number {
    return this.outbox.elementCount;
  }

  /** Presence is latest-wins and throttled (≈30 Hz); only the newest state is sent. */
  presence(state: Omit<Presence, "t">): void {
    this.queuedPresence = state;
    if (!this.joined || this.presenceTimer !== null) return;
    const wait = this.lastPresenceAt + this.presenceEveryMs - this.timers.now();
    if (wait <= 0) {
      this.flushPresence();
    } else {
      this.presenceTimer = this.timers.setTimeout(() => {
        this.presenceTimer = null;
        this.flushPresence();
      }, wait);
    }
  }

  private flushPresence(): void {
    if (!this.joined || !this.queuedPresence) return;
    this.send({ t: "presence", ...this.queuedPresence });
    this.queuedPresence = null;
    this.lastPresenceAt = this.timers.now();
  }

  private open(): void {
    this.joined = false;
    this.opened = false;
    this.setStatus({ kind: "connecting", attempt: this.attempt });
    const socket = this.options.connect();
    this.socket = socket;
    socket.onopen = () => {
      if (socket !== this.socket) return;
      this.opened = true;
      this.lastFrameAt = this.timers.now();
      this.send({ t: "hello", protocol: 1, clientId: this.options.clientId, lastSeq: this.lastSeq });
      this.schedulePing();
    };
    socket.onmessage = (event) => {
      if (socket !== this.socket) return;
      this.lastFrameAt = this.timers.now();
      const message = decodeServerMessage(event.data);
      if (!message) {
        console.error("Mockboard: malformed message from the server; resyncing", event.data);
        this.resync();
        return;
      }
      this.handle(message);
    };
    socket.onclose = (event) => {
      if (socket !== this.socket) return;
      this.onSocketGone(event.code, event.reason);
    };
    socket.onerror = () => {
      /* onclose follows */
    };
  }

  private handle(message: ServerMessage): void {
    switch (message.t) {
      case "welcome": {
        if (message.snapshot) this.options.listener.remote(message.snapshot.elements, "snapshot");
        for (const op of message.ops) this.options.listener.remote(op.elements, "op");
        this.lastSeq = message.head;
        this.joined = true;
        this.attempt = 0;
        this.you = message.you;
        this.peers.clear();
        for (const peer of message.peers) this.peers.set(peer.sessionId, peer);
        this.options.listener.peers?.(this.you, [...this.peers.values()]);
        this.resendAll();
        this.setStatus({ kind: "live" });
        if (this.queuedPresence) this.flushPresence();
        return;
      }
      case "ack": {
        if (typeof message.seq === "number" && !this.advance(message.seq)) return;
        this.outbox.acknowledge(message.clientSeq);
        this.report();
        return;
      }
      case "op":
        if (message.seq <= this.lastSeq) return; // delivered twice: already applied
        if (!this.advance(message.seq)) return;
        this.options.listener.remote(message.elements, "op");
        return;
      case "presence":
        this.options.listener.presence?.(message);
        return;
      case "peer-joined":
        this.peers.set(message.peer.sessionId, message.peer);
        this.options.listener.peers?.(this.you, [...this.peers.values()]);
        return;
      case "peer-left":
        this.peers.delete(message.sessionId);
        this.options.listener.peers?.(this.you, [...this.peers.values()]);
        return;
      case "error":
        this.onError(message);
        return;
      case "pong":
        return;
      case "note":
        this.options.listener.note?.(message);
        return;
      case "step":
        this.options.listener.step?.(message);
        return;
      case "authed":
        this.renewedSignIns++;
        return;
      default:
        // decodeServerMessage lets only known types through
        assertNever(message);
    }
  }

  /** Seqs arrive one by one (as acks or ops); a gap means something was missed, so catch up again. */
  private advance(seq: number): boolean {
    if (seq <= this.lastSeq) return true;
    if (seq !== this.lastSeq + 1) {
      console.error(`Mockboard: expected seq ${this.lastSeq + 1} but got ${seq}; resyncing`);
      this.resync();
      return false;
    }
    this.lastSeq = seq;
    return true;
  }

  /** Drops the connection and reconnects at once; the welcome brings whatever was missed. */
  private resync(): void {
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    this.joined = false;
    this.clearTimers();
    socket.close(4100, "resync");
    this.attempt = 0;
    this.open();
  }

  private onError(error: ServerError): void {
    if (error.code === "unauthorized") {
      // The renewed token was refused: ask the page's sign-in (it says so if the sign-in has ended).
      void this.options.signIn?.check();
      return;
    }
    if (error.clientSeq !== null && !error.retryable) {
      // The server refused this change for good: drop it so the queue can move on, and say so.
      this.outbox.drop(error.clientSeq);
      this.options.listener.notice(describe(error), "error");
      this.report();
      return;
    }
    if (error.code === "store_unavailable") {
      // The server holds the push and stores it as soon as it can; the ack follows.
      this.options.listener.notice("Saving is delayed: the server cannot reach its database. Your changes are kept.", "info");
      return;
    }
    if (error.retryable) {
      this.scheduleResend();
      return;
    }
    this.options.listener.notice(describe(error), "error");
  }

  private scheduleResend(): void {
    if (this.resendTimer !== null) return;
    this.resendTimer = this.timers.setTimeout(() => {
      this.resendTimer = null;
      if (this.joined) this.resendAll();
    }, 500 + this.timers.random() * 500);
  }

  private resendAll(): void {
    for (const p of this.outbox.entries) this.sendPush(p);
  }

  private sendPush(entry: Pending): void {
    entry.sent = true;
    this.send({ t: "push", clientSeq: entry.clientSeq, elements: entry.elements });
  }

  private schedulePing(): void {
    this.pingTimer = this.timers.setTimeout(() => {
      this.pingTimer = null;
      if (!this.socket) return;
      if (this.timers.now() - this.lastFrameAt > this.pingTimeoutMs) {
        // Half-open connection: nothing heard for too long. Drop it and reconnect.
        const dead = this.socket;
        this.socket = null;
        dead.close(4100, "ping timeout");
        this.onSocketGone(1006, "ping timeout");
        return;
      }
      this.send({ t: "ping", nonce: this.timers.now() });
      this.schedulePing();
    }, this.pingEveryMs);
  }

  private onSocketGone(code: number, reason: string): void {
    const opened = this.opened;
    this.joined = false;
    this.opened = false;
    this.socket = null;
    this.clearTimers();
    if (this.stopped) return;
    const final = FINAL_CLOSE_CODES[code];
    if (final) {
      this.setStatus({ kind: "failed", reason: final });
      return;
    }
    if (code === SIGN_IN_EXPIRED || code === ACCESS_CHANGED) {
      // The sign-in ran out under an open socket (or changed): renew it if it can be, and reconnect at once.
      this.attempt = 0;
      this.setStatus({ kind: "connecting", attempt: 0 });
      this.reconnectWhenSignedIn();
      return;
    }
    this.attempt++;
    const base = Math.min(this.maxBackoffMs, 500 * 2 ** Math.min(this.attempt - 1, 10));
    const retryInMs = Math.round(base * (0.5 + this.timers.random() * 0.5));
    this.setStatus({ kind: "reconnecting", attempt: this.attempt, retryInMs });
    void reason;
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      if (this.stopped) return;
      // An upgrade that failed may have been refused for an ended sign-in (it answers with a redirect).
      if (!opened) this.reconnectWhenSignedIn();
      else this.open();
    }, retryInMs);
  }

  /** Opens the socket again if the page is still signed in; otherwise waits for {@link resume}. */
  private reconnectWhenSignedIn(): void {
    const signIn = this.options.signIn;
    if (!signIn) {
      this.open();
      return;
    }
    void signIn.check().then(
      (state) => {
        if (this.stopped || this.socket) return;
        if (state === "signed-out") this.setStatus({ kind: "signed-out" });
        else this.open();
      },
      () => {
        if (!this.stopped && !this.socket) this.open();
      },
    );
  }

  private clearTimers(): void {
    for (const handle of [this.pingTimer, this.retryTimer, this.resendTimer, this.presenceTimer]) {
      if (handle !== null) this.timers.clearTimeout(handle);
    }
    this.pingTimer = this.retryTimer = this.resendTimer = this.presenceTimer = null;
  }

  private send(message: ClientMessage): void {
    this.socket?.send(JSON.stringify(message));
  }

  private setStatus(status: SyncStatus): void {
    this.current = status;
    this.report();
  }

  private report(): void {
    this.options.listener.status(this.current, this.unsentElements);
  }
}
