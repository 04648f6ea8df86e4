import type { AppState, Collaborator, ExcalidrawImperativeAPI, SocketId } from "@excalidraw/excalidraw/types";
import { useCallback, useRef } from "react";
import type { Peer, PeerPresence } from "../sync/protocol";

type Viewport = NonNullable<PeerPresence["viewport"]>;
import { collaborators, type CallView } from "./collaborators";
import { followViewport } from "./follow";

/**
 * The other people on the board as Excalidraw draws them (cursors, selections, laser, idle state), and follow
 * mode: while the person follows someone (from Excalidraw's collaborator list) their viewport is mirrored.
 */
export function usePeers(api: ExcalidrawImperativeAPI | null) {
  const list = useRef<Peer[]>([]);
  const latest = useRef(new Map<string, PeerPresence>());
  const appliedScroll = useRef<{ x: number; y: number } | null>(null);
  const inCall = useRef(new Map<string, CallView>());

  const render = useCallback(() => {
    api?.updateScene({
      collaborators: collaborators(list.current, latest.current, inCall.current) as unknown as Map<SocketId, Collaborator>,
    });
  }, [api]);

  /** Who of them is in the call, speaking or muted: drawn on their avatars. */
  const call = useCallback(
    (peers: { sessionId: string; speaking: boolean; muted: boolean }[]) => {
      inCall.current = new Map(peers.map((p) => [p.sessionId, { speaking: p.speaking, muted: p.muted }]));
      render();
    },
    [render],
  );

  /** Who is on the board now; the presence of those who left is forgotten. */
  const peers = useCallback(
    (_you: Peer | null, now: Peer[]) => {
      list.current = now;
      for (const key of [...latest.current.keys()]) if (!now.some((p) => p.sessionId === key)) latest.current.delete(key);
      render();
    },
    [render],
  );

  /** Shows what a leader's viewport shows, fitted to this page. */
  const showViewport = useCallback(
    (viewport: Viewport) => {
      if (!api) return;
      const app = api.getAppState();
      const view = followViewport(viewport, app.width, app.height);
      appliedScroll.current = { x: view.scrollX, y: view.scrollY };
      api.updateScene({
        appState: { scrollX: view.scrollX, scrollY: view.scrollY, zoom: { value: view.zoom as AppState["zoom"]["value"] } },
      });
    },
    [api],
  );

  /** A peer's presence; the followed peer's viewport becomes this page's. */
  const presence = useCallback(
    (p: PeerPresence) => {
      latest.current.set(p.sessionId, p);
      render();
      if (!api || api.getAppState().userToFollow?.socketId !== p.sessionId || !p.viewport) return;
      showViewport(p.viewport);
    },
    [api, render, showViewport],
  );

  /** Starts following a peer (asked by them: "everyone follow me"), from their viewport now if given. */
  const follow = useCallback(
    (sessionId: string, name: string, viewport: Viewport | null) => {
      api?.updateScene({ appState: { userToFollow: { socketId: sessionId as SocketId, username: name } } });
      const last = latest.current.get(sessionId)?.viewport;
      if (viewport ?? last) showViewport((viewport ?? last) as Viewport);
    },
    [api, showViewport],
  );

  /** Whether a scroll is the one follow mode applied last (not the person panning by hand). */
  const followedTo = useCallback((scrollX: number, scrollY: number) => {
    const applied = appliedScroll.current;
    return applied !== null && Math.abs(applied.x - scrollX) < 0.5 && Math.abs(applied.y - scrollY) < 0.5;
  }, []);

  return { peers, presence, call, followedTo, follow };
}
