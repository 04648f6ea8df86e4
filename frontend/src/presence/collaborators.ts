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
};

/** Builds Excalidraw's collaborators map from the peers and their latest presence. */
export function collaborators(peers: Peer[], presence: Map<string, PeerPresence>): Map<string, CollaboratorView> {
  const map = new Map<string, CollaboratorView>();
  for (const peer of peers) {
    const p = presence.get(peer.sessionId);
    const laser = p?.laser && p.laser.length > 0 ? p.laser[p.laser.length - 1] : null;
    map.set(peer.sessionId, {
      id: peer.userId,
      socketId: peer.sessionId,
      username: peer.name,
      color: { background: peer.color, stroke: peer.color },
      pointer: laser
        ? { x: laser[0], y: laser[1], tool: "laser" }
        : p?.cursor
          ? { x: p.cursor.x, y: p.cursor.y, tool: "pointer" }
          : undefined,
      // a laser trail is drawn while the button is down
      button: laser ? "down" : "up",
      selectedElementIds: Object.fromEntries((p?.selection ?? []).map((id) => [id, true as const])),
      userState: p?.idle ?? "active",
    });
  }
  return map;
}
