import { exhaustive } from "../assertNever";
import type { ElementJson, ServerError, ServerMessage } from "./protocol";

/** Every server message type, checked against the union: a new type does not compile until it is listed. */
const SERVER_TYPES: Record<ServerMessage["t"], true> = {
  welcome: true,
  ack: true,
  op: true,
  presence: true,
  "peer-joined": true,
  "peer-left": true,
  error: true,
  pong: true,
  note: true,
  step: true,
  authed: true,
  signal: true,
};

/** A server frame as a message, or null when it is not JSON or not a message this client knows. */
export function decodeServerMessage(data: unknown): ServerMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(String(data));
  } catch {
    return null;
  }
  return isServerMessage(value) ? value : null;
}

function isServerMessage(value: unknown): value is ServerMessage {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  if (typeof m.t !== "string" || !Object.hasOwn(SERVER_TYPES, m.t)) return false;
  switch (m.t) {
    case "welcome":
      return typeof m.head === "number" && Array.isArray(m.ops) && Array.isArray(m.peers);
    case "op":
      return typeof m.seq === "number" && Array.isArray(m.elements);
    case "ack":
      return typeof m.clientSeq === "number";
    case "signal":
      return typeof m.from === "string" && typeof m.kind === "string" && (m.data === null || m.data === undefined || typeof m.data === "object");
    default:
      return true;
  }
}

/** A refused change in plain words (the server's own message where it says it best). */
export function describe(error: ServerError): string {
  switch (error.code) {
    case "too_large":
      return "This change was too large and was not saved. Try splitting it into smaller pieces.";
    case "invalid_element":
      return `This change was not saved: ${error.message}`;
    case "forbidden":
      return "You can watch this board but not edit it.";
    case "protected":
      return `This part of the board is ${error.message}. It was put back.`;
    case "bad_json":
    case "unknown_type":
    case "invalid_message":
    case "unsupported_protocol":
    case "not_joined":
    case "already_joined":
    case "store_unavailable":
    case "store_conflict":
    case "room_overloaded":
    case "rate_limited":
    case "unauthorized":
    case "server_error":
      return error.message;
    default:
      // a code newer than this client: its message as the server wrote it
      return exhaustive(error.code, error.message);
  }
}

/** What the client does about an error message. */
export type ErrorAction =
  | { kind: "check-sign-in" }
  | { kind: "drop"; clientSeq: number; text: string; putBack: ElementJson[] | null }
  | { kind: "notice"; text: string; severity: "info" | "error" }
  | { kind: "resend" };

/** The client's answer to each error (docs/sync-protocol.md, "Error codes"). */
export function errorAction(error: ServerError): ErrorAction {
  // the renewed token was refused: ask the page's sign-in (it says so if the sign-in has ended)
  if (error.code === "unauthorized") return { kind: "check-sign-in" };
  // the server refused this change for good: drop it so the queue can move on, and say so
  // (a refused change of protected elements [S12] also puts them back as stored)
  if (error.clientSeq !== null && !error.retryable) {
    return { kind: "drop", clientSeq: error.clientSeq, text: describe(error), putBack: error.elements ?? null };
  }
  if (error.code === "store_unavailable") {
    // the server holds the push and stores it as soon as it can; the ack follows
    return { kind: "notice", text: "Saving is delayed: the server cannot reach its database. Your changes are kept.", severity: "info" };
  }
  if (error.retryable) return { kind: "resend" };
  return { kind: "notice", text: describe(error), severity: "error" };
}

/** Said once about an element no push can carry, instead of re-sending it forever. */
export function tooLargeText(type: string, chars: number, limit: number): string {
  return (
    `One ${type} is too large to save (${Math.round(chars / 1024)} KB; the limit is ${Math.round(limit / 1024)} KB). ` +
    "It stays on this page only; the rest of your work is saved."
  );
}
