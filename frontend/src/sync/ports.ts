import type { PendingPush } from "./PendingStore";
import type { ElementJson, Peer, PeerPresence, PrivateNote, SignalMessage, StepMessage } from "./protocol";

/** The little of a WebSocket the client needs, so tests can drive it without a browser. */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: (() => void) | null;
}

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  random(): number;
}

export const browserTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
  random: () => Math.random(),
};

export type SyncStatus =
  | { kind: "connecting"; attempt: number }
  | { kind: "live" }
  | { kind: "reconnecting"; attempt: number; retryInMs: number }
  | { kind: "signed-out" }
  | { kind: "failed"; reason: string };

export interface SyncListener {
  /** Remote elements to merge into the scene (catch-up, snapshot or a peer's op). */
  remote(elements: ElementJson[], source: "snapshot" | "op"): void;
  /** Connection state and how many elements have changes not yet acknowledged. */
  status(status: SyncStatus, unsentElements: number): void;
  /**
   * [S12] A push refused whole (it changed protected elements): `stored` are the server's versions of its elements, to
   * put back whatever the local version; `refused` are the push's own elements (those not stored are new: removed).
   */
  putBack?(stored: ElementJson[], refused: ElementJson[]): void;
  /** A message for the person at the keyboard, in plain words. */
  notice(message: string, severity: "info" | "error"): void;
  peers?(you: Peer | null, peers: Peer[]): void;
  presence?(presence: PeerPresence): void;
  /** A private interviewer note (only interviewers' sockets receive these). */
  note?(note: PrivateNote): void;
  /** The session moved to a framework step. */
  step?(step: StepMessage): void;
  /** A signal from another session on the board (the call's signalling). */
  signal?(signal: SignalMessage): void;
}

export interface SyncOptions {
  connect: () => SocketLike;
  clientId: string;
  /**
   * An earlier page's unacknowledged pushes under this clientId (adopted after a reload): sent again after the
   * welcome with their own clientSeqs [S4][S6]; new pushes are numbered from nextClientSeq on.
   */
  restored?: { nextClientSeq: number; pending: PendingPush[] };
  /** Told the queue after every change (add, fold, ack, drop; empty: nothing left), to keep it across a reload. */
  saveOutbox?: (nextClientSeq: number, pending: readonly PendingPush[]) => void;
  listener: SyncListener;
  timers?: Timers;
  pingEveryMs?: number;
  pingTimeoutMs?: number;
  maxBackoffMs?: number;
  presenceEveryMs?: number;
  /** Most elements in one push (the server takes up to 1,000). */
  maxPushElements?: number;
  /** Most characters of element JSON in one push (the server takes frames up to 1 MiB). */
  maxPushChars?: number;
  /**
   * The page's sign-in, for signed-in accounts: asked before reconnecting a socket that closed because its
   * sign-in expired (1008) or that could not be opened. While it says "signed-out" the client waits, keeping
   * every unsent change, until `SyncClient.resume` is called.
   */
  signIn?: { check(): Promise<"signed-in" | "signed-out"> };
}
