import { newElementWith, sceneCoordsToViewportCoords } from "@excalidraw/excalidraw";
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { AppState, ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";

/**
 * Protected elements [S12]: `customData.protected` marks an element (a template's scaffold starts so) that only
 * interviewers may change; the server refuses anyone else's change and the page puts the element back. Here:
 * the lock badges everyone sees, and the interviewer's Protect / Unprotect of the selection (Alt+P).
 */
export function isProtected(element: { customData?: Record<string, unknown> }): boolean {
  return element.customData?.protected === true;
}

type SceneState = { elements: readonly ExcalidrawElement[]; appState: AppState };

/** The canvas's elements and view, following every change (one update per animation frame). */
function useScene(api: ExcalidrawImperativeAPI | null): SceneState | null {
  const [scene, setScene] = useState<SceneState | null>(null);
  useEffect(() => {
    if (!api) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setScene({ elements: api.getSceneElements(), appState: api.getAppState() });
    };
    read();
    const unsubscribe = api.onChange(() => {
      if (frame === 0) frame = requestAnimationFrame(read);
    });
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [api]);
  return scene;
}

/**
 * The selection protected (or unprotected) in one change, as a new version of each element. A selected frame takes
 * what is inside it along: moving a frame moves its contents, so they go together.
 */
export function toggleProtection(api: ExcalidrawImperativeAPI): void {
  const selected = api.getAppState().selectedElementIds;
  const elements = api.getSceneElements();
  const frames = new Set(elements.filter((e) => selected[e.id] && e.type === "frame").map((e) => e.id));
  const chosen = (e: ExcalidrawElement) => Boolean(selected[e.id]) || (e.frameId !== null && frames.has(e.frameId));
  if (!elements.some((e) => selected[e.id])) return;
  const protect = !elements.filter((e) => selected[e.id]).every(isProtected);
  api.updateScene({
    elements: elements.map((e) => (chosen(e) ? newElementWith(e, { customData: { ...e.customData, protected: protect } }) : e)),
  });
}

type ButtonProps = { api: ExcalidrawImperativeAPI | null };

/** Protect / Unprotect for the current selection; Alt+P does the same. Interviewers only. */
export function ProtectButton({ api }: ButtonProps) {
  const scene = useScene(api);
  useEffect(() => {
    if (!api) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyP") {
        event.preventDefault();
        toggleProtection(api);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [api]);
  if (!api || !scene) return null;
  const selected = scene.elements.filter((e) => scene.appState.selectedElementIds[e.id] && !e.isDeleted);
  if (selected.length === 0) return null;
  const unprotect = selected.every(isProtected);
  return (
    <button type="button" className="panel-toggle protect-toggle" data-testid="protect-toggle" onClick={() => toggleProtection(api)}
      title={unprotect ? "Let the candidate change the selection (Alt+P)" : "Keep the candidate from changing the selection (Alt+P)"}>
      {unprotect ? "Unprotect" : "Protect"}
    </button>
  );
}

/** A small padlock, drawn (no emoji font needed). */
/**
 * Protect / Unprotect in Excalidraw's context menu (right-click on the selection). Excalidraw has no way to add an
 * item, so this one is placed at the top of its menu while the menu is open, and looks like the menu's own items.
 */
export function ProtectContextItem({ api }: ButtonProps) {
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!api) return;
    let item: HTMLElement | null = null;
    const attach = () => {
      const menu = document.querySelector<HTMLElement>(".excalidraw ul.context-menu");
      const selected = api.getAppState().selectedElementIds;
      const hasSelection = api.getSceneElements().some((e) => selected[e.id]);
      if (menu && hasSelection && (!item || !menu.contains(item))) {
        item = document.createElement("li");
        item.setAttribute("data-testid", "protect-context");
        const separator = document.createElement("hr");
        separator.className = "context-menu-item-separator";
        menu.prepend(item, separator);
        setHost(item);
      } else if (!menu && item) {
        item = null;
        setHost(null);
      }
    };
    const observer = new MutationObserver(attach);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [api]);
  if (!api || !host) return null;
  const selected = api.getAppState().selectedElementIds;
  const unprotect = api.getSceneElements().filter((e) => selected[e.id]).every(isProtected);
  return createPortal(
    <button type="button" className="context-menu-item" onClick={() => {
      toggleProtection(api);
      api.updateScene({ appState: { contextMenu: null } as Partial<AppState> as AppState });
    }}>
      <div className="context-menu-item__label">{unprotect ? "Unprotect" : "Protect from the candidate"}</div>
      <kbd className="context-menu-item__shortcut">Alt+P</kbd>
    </button>,
    host,
  );
}

function LockIcon() {
  return (
    <svg width="10" height="12" viewBox="0 0 10 12" aria-hidden="true">
      <path d="M2.5 5V3.5a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <rect x="1" y="5" width="8" height="6.5" rx="1.2" fill="currentColor" />
    </svg>
  );
}

/**
 * A lock badge at the top-right corner of every protected element, for everyone on the board. Elements inside a
 * protected frame share the frame's badge.
 */
export function ProtectedBadges({ api }: ButtonProps) {
  const scene = useScene(api);
  if (!scene) return null;
  const { elements, appState } = scene;
  const lockedFrames = new Set(elements.filter((e) => e.type === "frame" && isProtected(e) && !e.isDeleted).map((e) => e.id));
  const badges = elements.filter((e) => !e.isDeleted && isProtected(e) && !(e.frameId && lockedFrames.has(e.frameId)));
  return (
    <div className="protected-badges" aria-hidden="true">
      {badges.map((e) => {
        const corner = sceneCoordsToViewportCoords({ sceneX: e.x + e.width, sceneY: e.y }, appState);
        return (
          <span key={e.id} className="protected-badge" data-testid="protected-badge" title="Protected by the interviewer"
            style={{ left: corner.x - appState.offsetLeft, top: corner.y - appState.offsetTop }}>
            <LockIcon />
          </span>
        );
      })}
    </div>
  );
}
