import type { Peer, PeerPresence } from "../sync/protocol";

/** Excalidraw's collaborator shape (the part Mockboard fills). */
export type CollaboratorView = {
  id: string;
  socketId: string;
  username: string;
  color: { background: string; stroke: string };
  pointer?: { x: number; y: number; tool: "pointer" | "laser" };
  button: "up" | "down";
  selectedElementIds: Record<string, true>;
  userState: "active" | "idle" | "away";
  isCurrentUser?: boolean;
  isInCall?: boolean;
  isSpeaking?: boolean;
  isMuted?: boolean;
};

/** A person's part in the board's call, as Excalidraw shows it on their avatar. */
export type CallView = { speaking: boolean; muted: boolean };

/** Excalidraw's own hash of a collaborator id (`clients.ts`): it picks the avatar, cursor and outline colour. */
function excalidrawHash(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash << 5) - hash + id.charCodeAt(i);
  return Math.abs(hash);
}

const HUES = 37; // Excalidraw's colour is hsl((hash % 37) * 10, 100%, 83%)

/** The colour Excalidraw draws for a collaborator id. */
export function excalidrawColor(id: string): string {
  return `hsl(${(excalidrawHash(id) % HUES) * 10}, 100%, 83%)`;
}

/**
 * Collaborator ids with a different colour for every person on the board. Excalidraw colours avatars, cursors and
 * selection outlines by a hash of the id, so two people can hash to the same hue; each person's id gets the smallest
 * suffix that lands on a free hue, starting from a hue that follows from their user id. Every client sees the same
 * people, sorts them the same way and so agrees on the colours. One person in two tabs keeps one id (one avatar).
 */
export function distinctIds(userIds: string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<number>();
  for (const userId of [...new Set(userIds)].sort()) {
    let id = userId;
    for (let k = 0; taken.has(excalidrawHash(id) % HUES) && k < 50 * HUES; k++) id = `${userId}~${k}`;
    taken.add(excalidrawHash(id) % HUES);
    ids.set(userId, id);
  }
  return ids;
}

/** Builds Excalidraw's collaborators map from the peers and their latest presence. */
export function collaborators(
  peers: Peer[],
  presence: Map<string, PeerPresence>,
  call: Map<string, CallView> = new Map(),
): Map<string, CollaboratorView> {
  const map = new Map<string, CollaboratorView>();
  const ids = distinctIds(peers.map((peer) => peer.userId));
  for (const peer of peers) {
    const id = ids.get(peer.userId) ?? peer.userId;
    const color = excalidrawColor(id);
    const p = presence.get(peer.sessionId);
    const laser = p?.laser && p.laser.length > 0 ? p.laser[p.laser.length - 1] : null;
    map.set(peer.sessionId, {
      id,
      socketId: peer.sessionId,
      username: peer.name,
      color: { background: color, stroke: color },
      pointer: laser
        ? { x: laser[0], y: laser[1], tool: "laser" }
        : p?.cursor
          ? { x: p.cursor.x, y: p.cursor.y, tool: "pointer" }
          : undefined,
      // a laser trail is drawn while the button is down
      button: laser ? "down" : "up",
      selectedElementIds: Object.fromEntries((p?.selection ?? []).map((id) => [id, true as const])),
      userState: p?.idle ?? "active",
      ...(call.has(peer.sessionId)
        ? { isInCall: true, isSpeaking: call.get(peer.sessionId)!.speaking, isMuted: call.get(peer.sessionId)!.muted }
        : {}),
    });
  }
  return map;
}
