import type { AppState, ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useCallback, useEffect, useRef } from "react";
import type { Cursor } from "../sync/protocol";
import type { SyncClient } from "../sync/SyncClient";
import { idleState } from "./idle";

type PointerPayload = { pointer: { x: number; y: number; tool: "pointer" | "laser" }; button: "down" | "up" };

/**
 * This person's presence on the board: cursor, laser, selection, viewport and idle state, sent on every pointer
 * move and scroll (the sync client throttles it, latest wins) and when the idle state changes. Panning by hand
 * ends follow mode.
 */
export function useOwnPresence(
  api: ExcalidrawImperativeAPI | null,
  boardId: string | null,
  client: SyncClient | null,
  followedTo: (scrollX: number, scrollY: number) => boolean,
) {
  const pointer = useRef<{ cursor: Cursor | null; laser: boolean; lastInputAt: number } | null>(null);

  const sendPresence = useCallback(() => {
    if (!client || !api) return;
    const app: AppState = api.getAppState();
    const { cursor, laser, lastInputAt } = pointer.current ?? { cursor: null, laser: false, lastInputAt: Date.now() };
    client.presence({
      cursor,
      // peers outline at most this many selected elements; a select-all on a large board stays a small frame
      selection: Object.keys(app.selectedElementIds).slice(0, 100),
      viewport: {
        x: -app.scrollX,
        y: -app.scrollY,
        width: app.width / app.zoom.value,
        height: app.height / app.zoom.value,
        zoom: app.zoom.value,
      },
      laser: laser && cursor ? [[cursor.x, cursor.y]] : null,
      idle: idleState(lastInputAt, Date.now(), document.hidden),
    });
  }, [api, client]);

  useEffect(() => {
    if (!boardId) return;
    // the page opened counts as input
    pointer.current ??= { cursor: null, laser: false, lastInputAt: Date.now() };
    let last = "";
    const check = () => {
      const now = idleState(pointer.current?.lastInputAt ?? Date.now(), Date.now(), document.hidden);
      if (now !== last) {
        last = now;
        sendPresence();
      }
    };
    const timer = window.setInterval(check, 5_000);
    document.addEventListener("visibilitychange", check);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", check);
    };
  }, [boardId, sendPresence]);

  const onPointerUpdate = useCallback(
    (payload: PointerPayload) => {
      pointer.current = {
        cursor: { x: payload.pointer.x, y: payload.pointer.y },
        laser: payload.pointer.tool === "laser" && payload.button === "down",
        lastInputAt: Date.now(),
      };
      sendPresence();
    },
    [sendPresence],
  );

  const onScrollChange = useCallback(
    (scrollX: number, scrollY: number) => {
      // Follow mode (started from Excalidraw's collaborator list) stops when the person pans by hand.
      if (api && api.getAppState().userToFollow && !followedTo(scrollX, scrollY)) {
        api.updateScene({ appState: { userToFollow: null } });
      }
      sendPresence();
    },
    [api, followedTo, sendPresence],
  );

  return { onPointerUpdate, onScrollChange };
}
