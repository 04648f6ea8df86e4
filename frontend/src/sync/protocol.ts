// Wire messages of the board socket (docs/sync-protocol.md). JSON text frames, discriminated by "t".

/** An Excalidraw element as JSON; the sync layer only reads id, version, versionNonce, isDeleted. */
export type ElementJson = {
  id: string;
  type: string;
  version: number;
  versionNonce: number;
  isDeleted: boolean;
  index?: string | null;
  [key: string]: unknown;
};

export type Cursor = { x: number; y: number };
export type Viewport = { x: number; y: number; width: number; height: number; zoom: number };
export type Idle = "active" | "idle" | "away";

export type Hello = { t: "hello"; protocol: 1; clientId: string; lastSeq: number };
export type Push = { t: "push"; clientSeq: number; elements: ElementJson[] };
export type Presence = {
  t: "presence";
  cursor: Cursor | null;
  selection: string[];
  viewport: Viewport | null;
  laser: [number, number][] | null;
  idle: Idle;
};
export type Ping = { t: "ping"; nonce: number };
/** The renewed access token of the same person: the socket keeps running on it (no reconnect). */
export type Auth = { t: "auth"; token: string };
/** A small message for other sessions on the board (`to`: one session; absent: all of them), relayed, never stored. */
export type Signal = { t: "signal"; to?: string | null; kind: string; data?: Record<string, unknown> | null };
export type ClientMessage = Hello | Push | Presence | Ping | Auth | Signal;

export type Peer = { sessionId: string; userId: string; name: string; role: string; color: string };
export type Op = {
  t?: "op";
  seq: number;
  author: string;
  clientId: string;
  clientSeq: number;
  at: string;
  elements: ElementJson[];
};
export type Welcome = {
  t: "welcome";
  sessionId: string;
  head: number;
  ops: Op[];
  snapshot?: { seq: number; elements: ElementJson[] };
  you: Peer;
  peers: Peer[];
};
export type Ack = { t: "ack"; clientSeq: number; seq?: number; duplicate?: boolean };
export type PeerPresence = Omit<Presence, "t"> & { t: "presence"; sessionId: string; userId: string };
export type PeerJoined = { t: "peer-joined"; peer: Peer };
export type PeerLeft = { t: "peer-left"; sessionId: string };
/** Every error code (`ErrorCode` on the server; protocol-fixtures/error-codes.json). */
export const ERROR_CODES = [
  "bad_json",
  "unknown_type",
  "invalid_message",
  "invalid_element",
  "unsupported_protocol",
  "too_large",
  "not_joined",
  "already_joined",
  "forbidden",
  "protected",
  "store_unavailable",
  "store_conflict",
  "room_overloaded",
  "rate_limited",
  "unauthorized",
  "server_error",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
/** `elements`: only with `protected` [S12], the stored versions of the protected elements to put back. */
export type ServerError = {
  t: "error";
  code: ErrorCode;
  message: string;
  retryable: boolean;
  clientSeq: number | null;
  elements?: ElementJson[];
};
export type Pong = { t: "pong"; nonce: number };
/** An interviewer's private note; only sockets of interviewers (and admins) ever receive it. */
export type PrivateNote = {
  t: "note";
  id: string;
  at: string;
  author: string;
  body: string;
  elementIds: string[];
  criterion: string | null;
  /** The probe bank's question this note records as asked, else null. */
  probeId: string | null;
};
/** A signal from another session on the board; `from` is its session id (stamped by the server). */
export type SignalMessage = { t: "signal"; from: string; kind: string; data: Record<string, unknown> | null };
/** The socket now runs on the renewed sign-in, until expiresAt. */
export type Authed = { t: "authed"; expiresAt: string | null };
/** The session moved to a framework step; everyone on the board receives it. */
export type StepMessage = { t: "step"; step: string; at: string; by: string };
export type ServerMessage =
  | Welcome
  | Ack
  | (Op & { t: "op" })
  | PeerPresence
  | PeerJoined
  | PeerLeft
  | ServerError
  | Pong
  | PrivateNote
  | StepMessage
  | SignalMessage
  | Authed;

/** Close codes after which reconnecting cannot help. */
export const FINAL_CLOSE_CODES: Record<number, string> = {
  4000: "This board was opened again in another tab; this tab stopped syncing.",
  4001: "You may no longer open this board: you are signed out, your invite was revoked or your access was removed.",
  4003: "This page's address is not allowed to connect to the board.",
  4010: "This board does not exist, or you may not open it.",
  4029: "This board is open in too many of your tabs or devices. Close some, then reload this page.",
  4030: "This board is full: it has as many people as it takes. Ask the interviewer, then reload this page.",
};

/** The server closes a socket whose sign-in expired with 1008; the page then checks whether it can renew it. */
export const SIGN_IN_EXPIRED = 1008;
/** The person's role on the board changed with a renewed sign-in: reconnect at once to get the new role. */
export const ACCESS_CHANGED = 4011;

/** Excalidraw's rule: higher version wins; equal versions, lower versionNonce wins; equal both keeps current. */
export function remoteWins(current: ElementJson | undefined, incoming: ElementJson): boolean {
  if (!current) return true;
  if (incoming.version !== current.version) return incoming.version > current.version;
  return incoming.versionNonce < current.versionNonce;
}
