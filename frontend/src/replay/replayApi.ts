import { jsonBody, type Http } from "../api/http";
import type { ElementJson } from "../sync/protocol";
import type { RecordedOp } from "./playback";
import type { PresenceSample } from "./presenceTrack";

export type Marker = { kind: string; at: string; title: string; detail: string; elementIds: string[] };
export type Timeline = {
  sessionId: string;
  from: string;
  to: string;
  head: number;
  opCount: number;
  presenceSamples: number;
  markers: Marker[];
};
/** Who last changed each element at a seq, and the authors' names. */
export type Authors = { names: Record<string, string>; elements: Record<string, string> };
export type SceneAt = { seq: number; at: string | null; skipped: number[]; elements: ElementJson[] };

const LOADING = "Loading the recording";

/** The replay API of a session, or of a review shared through a link (read without signing in). */
export function replayBase(sessionId: string, share: string | null): string {
  return share ? `/api/shared/${encodeURIComponent(share)}` : `/api/sessions/${sessionId}`;
}

export const replayApi = {
  timeline: (http: Http, base: string) => http.json<Timeline>(`${base}/replay`, LOADING),
  /** The scene at a moment, built by the server (one snapshot plus a bounded number of ops). */
  sceneAt: (http: Http, base: string, at: number) =>
    http.json<SceneAt>(`${base}/replay/scene?at=${encodeURIComponent(new Date(at).toISOString())}`, LOADING),
  ops: (http: Http, base: string, after: number, limit: number) =>
    http.json<RecordedOp[]>(`${base}/replay/ops?after=${after}&limit=${limit}`, LOADING),
  presence: (http: Http, base: string, after: number, limit: number) =>
    http.json<PresenceSample[]>(`${base}/replay/presence?after=${after}&limit=${limit}`, LOADING),
  authors: (http: Http, base: string, seq: number) => http.json<Authors>(`${base}/replay/authors?seq=${seq}`, LOADING),
  /** A new board with the scene at a moment; its id. */
  restore: (http: Http, sessionId: string, at: number) =>
    http.json<{ id: string }>(`/api/sessions/${sessionId}/replay/restore`, "Creating the board", jsonBody("POST", { at: new Date(at).toISOString() })),
};

/** The replay's address for a moment (seconds since the start), keeping the pinned elements and the share link. */
export function replayUrl(pathname: string, seconds: number, focus: Set<string>, share: string | null): string {
  const focusParam = focus.size ? `&focus=${[...focus].map(encodeURIComponent).join(",")}` : "";
  const shareParam = share ? `&share=${encodeURIComponent(share)}` : "";
  return `${pathname}?t=${seconds}${focusParam}${shareParam}`;
}
