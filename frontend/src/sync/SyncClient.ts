import { assertNever } from "../assertNever";
import { Heartbeat } from "./Heartbeat";
import { decodeServerMessage, errorAction, tooLargeText } from "./messages";
import { Outbox, type Pending } from "./Outbox";
import { Reconnect } from "./Reconnect";
import { PeerList } from "./PeerList";
import { PresenceThrottle, type PresenceState } from "./PresenceThrottle";
import { browserTimers, type SocketLike, type SyncOptions, type SyncStatus, type Timers } from "./ports";
import {
  type ClientMessage,
  type ElementJson,
  type Peer,
  type ServerError,
  type ServerMessage,
} from "./protocol";

export { browserTimers, type SocketLike, type SyncListener, type SyncOptions, type SyncStatus, type Timers } from "./ports";

/**
 * The client side of the board socket: connect → hello(lastSeq) → welcome (catch-up) → re-send
 * every unacknowledged push with its original clientSeq → live. Pushes queue while offline; the
 * queue only shrinks on an ack, so nothing is lost across reconnects (nor, with `saveOutbox` and `restored`,
 * across a reload). Reconnects back off exponentially with jitter; a silent socket (no frame for
 * pingTimeoutMs) is treated as dead.
 */
export class SyncClient {
  private readonly timers: Timers;
  private readonly heartbeat: Heartbeat;

  private socket: SocketLike | null = null;
  private opened = false;
  private joined = false;
  private stopped = false;
  private readonly reconnect: Reconnect;
  private lastSeq = 0;
  private readonly outbox: Outbox;
  private current: SyncStatus = { kind: "connecting", attempt: 0 };
  private resendTimer: unknown = null;
  private readonly presenceThrottle: PresenceThrottle;
  private renewedSignIns = 0;

  /** How many times the server accepted a renewed sign-in on this client's sockets. */
  get renewals(): number {
    return this.renewedSignIns;
  }

  /** This connection as the server sees it (name, role), once joined. */
  get identity(): Peer | null {
    return this.peers.you;
  }
  private readonly peers: PeerList;

  constructor(private readonly options: SyncOptions) {
    this.timers = options.timers ?? browserTimers;
    this.heartbeat = new Heartbeat(this.timers, options.pingEveryMs ?? 10_000, options.pingTimeoutMs ?? 25_000, {
      live: () => this.socket !== null,
      ping: (nonce) => this.send({ t: "ping", nonce }),
      dead: () => {
        // Half-open connection: nothing heard for too long. Drop it and reconnect.
        const dead = this.socket;
        this.socket = null;
        dead?.close(4100, "ping timeout");
        this.onSocketGone(1006);
      },
    });
    this.peers = new PeerList((you, peers) => options.listener.peers?.(you, peers));
    this.reconnect = new Reconnect(this.timers, options.maxBackoffMs ?? 30_000, options.signIn, {
      stopped: () => this.stopped,
      connecting: () => this.socket !== null,
      open: () => this.open(),
      status: (status) => this.setStatus(status),
    });
    this.presenceThrottle = new PresenceThrottle(this.timers, options.presenceEveryMs ?? 33, () => this.joined, (state) =>
      this.send({ t: "presence", ...state }),
    );
    this.outbox = new Outbox(
      options.maxPushElements ?? 500,
      options.maxPushChars ?? 256 * 1024,
      (element, chars, limit) => options.listener.notice(tooLargeText(element.type, chars, limit), "error"),
      options.saveOutbox,
    );
    if (options.restored) this.outbox.restore(options.restored.nextClientSeq, options.restored.pending);
  }

  /** The clientId this page says hello with (an adopted one after a reload). */
  get clientId(): string {
    return this.options.clientId;
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
    this.reconnect.attempt = 0;
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
  presence(state: PresenceState): void {
    this.presenceThrottle.offer(state);
  }

  /**
   * Sends a signal to one other session (or, with `to` null, to all of them) if the socket is live; signals are
   * ephemeral, so one that cannot be sent now is dropped and false returned (the call starts over on reconnect).
   */
  signal(to: string | null, kind: string, data: Record<string, unknown> | null = null): boolean {
    if (!this.joined) return false;
    this.send({ t: "signal", to, kind, data });
    return true;
  }

  private open(): void {
    this.joined = false;
    this.opened = false;
    this.setStatus({ kind: "connecting", attempt: this.reconnect.attempt });
    const socket = this.options.connect();
    this.socket = socket;
    socket.onopen = () => {
      if (socket !== this.socket) return;
      this.opened = true;
      this.heartbeat.start();
      this.send({ t: "hello", protocol: 1, clientId: this.options.clientId, lastSeq: this.lastSeq });
    };
    socket.onmessage = (event) => {
      if (socket !== this.socket) return;
      this.heartbeat.heard();
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
      this.onSocketGone(event.code);
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
        this.reconnect.attempt = 0;
        this.peers.welcome(message.you, message.peers);
        this.resendAll();
        this.setStatus({ kind: "live" });
        this.presenceThrottle.flush();
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
        this.peers.joined(message.peer);
        return;
      case "peer-left":
        this.peers.left(message.sessionId);
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
      case "signal":
        this.options.listener.signal?.(message);
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
    this.reconnect.attempt = 0;
    this.open();
  }

  private onError(error: ServerError): void {
    const action = errorAction(error);
    switch (action.kind) {
      case "check-sign-in":
        void this.options.signIn?.check();
        return;
      case "drop":
        if (action.putBack) {
          const refused = this.outbox.entries.find((p) => p.clientSeq === action.clientSeq)?.elements ?? [];
          this.options.listener.putBack?.(action.putBack, refused);
        }
        this.outbox.drop(action.clientSeq);
        this.options.listener.notice(action.text, "error");
        this.report();
        return;
      case "notice":
        this.options.listener.notice(action.text, action.severity);
        return;
      case "resend":
        this.scheduleResend();
        return;
      default:
        assertNever(action);
    }
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

  private onSocketGone(code: number): void {
    const opened = this.opened;
    this.joined = false;
    this.opened = false;
    this.socket = null;
    this.clearTimers();
    if (this.stopped) return;
    this.reconnect.afterClose(code, opened);
  }

  private clearTimers(): void {
    if (this.resendTimer !== null) this.timers.clearTimeout(this.resendTimer);
    this.resendTimer = null;
    this.heartbeat.stop();
    this.reconnect.cancel();
    this.presenceThrottle.cancel();
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
