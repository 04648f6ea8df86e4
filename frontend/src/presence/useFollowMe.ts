import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useCallback, useEffect, useRef, useState } from "react";
import type { SyncClient } from "../sync/SyncClient";
import type { Peer, PeerPresence, SignalMessage } from "../sync/protocol";

type Viewport = NonNullable<PeerPresence["viewport"]>;

/** The signals of "everyone follow me" (relayed by the board, never stored). */
export const FOLLOW = "follow-me";
export const UNFOLLOW = "follow-me-end";

/** This page's viewport as the others' follow mode reads it (the same shape as in presence). */
export function viewportOf(api: ExcalidrawImperativeAPI): Viewport {
  const app = api.getAppState();
  return { x: -app.scrollX, y: -app.scrollY, width: app.width / app.zoom.value, height: app.height / app.zoom.value, zoom: app.zoom.value };
}

type Follow = (sessionId: string, name: string, viewport: Viewport | null) => void;

/**
 * "Everyone follow me": whoever presents brings every other person's view to theirs (a signal to all, and to each
 * newcomer while presenting); each follower sees "Following Alice" and can stop at any time, and panning by hand
 * stops it too. The viewports themselves travel in presence, as for Excalidraw's own follow mode (usePeers), and
 * are sampled into the recording with the rest of presence.
 */
export function useFollowMe(api: ExcalidrawImperativeAPI | null, client: SyncClient | null, follow: Follow) {
  const [presenting, setPresenting] = useState(false);
  const [leader, setLeader] = useState<{ sessionId: string; name: string } | null>(null);
  const board = useRef<{ me: string | null; peers: Peer[] }>({ me: null, peers: [] });
  const presentingRef = useRef(false);

  const ask = useCallback(
    (to: string | null) => {
      if (api && client) client.signal(to, FOLLOW, { viewport: viewportOf(api) });
    },
    [api, client],
  );

  const present = useCallback(
    (on: boolean) => {
      if (!client) return;
      presentingRef.current = on;
      setPresenting(on);
      if (on) ask(null);
      else client.signal(null, UNFOLLOW);
    },
    [ask, client],
  );

  /** Who is on the board: a newcomer is asked to follow too while this page presents. */
  const onPeers = useCallback(
    (you: Peer | null, list: Peer[]) => {
      const known = new Set(board.current.peers.map((p) => p.sessionId));
      board.current = { me: you?.sessionId ?? null, peers: list };
      if (presentingRef.current) for (const p of list) if (!known.has(p.sessionId)) ask(p.sessionId);
    },
    [ask],
  );

  /** Handles this feature's signals; false for the others (the call's). */
  const onSignal = useCallback(
    (signal: SignalMessage): boolean => {
      if (signal.kind === FOLLOW) {
        const name = board.current.peers.find((p) => p.sessionId === signal.from)?.name ?? "Someone";
        presentingRef.current = false;
        setPresenting(false);
        setLeader({ sessionId: signal.from, name });
        follow(signal.from, name, (signal.data?.viewport as Viewport | undefined) ?? null);
        return true;
      }
      if (signal.kind === UNFOLLOW) {
        if (api?.getAppState().userToFollow?.socketId === signal.from) api.updateScene({ appState: { userToFollow: null } });
        return true;
      }
      return false;
    },
    [api, follow],
  );

  const stop = useCallback(() => api?.updateScene({ appState: { userToFollow: null } }), [api]);

  // the banner lasts as long as Excalidraw's follow mode (Stop, panning by hand, or the leader's end all clear it)
  useEffect(() => {
    if (!api || !leader) return;
    return api.onChange((_, app) => {
      if (app.userToFollow?.socketId !== leader.sessionId) setLeader(null);
    });
  }, [api, leader]);

  return { presenting, present, leader, stop, onPeers, onSignal };
}
