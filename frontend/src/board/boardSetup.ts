import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { Http } from "../api/http";
import { claimClient, webLocks, type Restored } from "../sync/ClientClaim";
import { IndexedDbPendingStore } from "../sync/IndexedDbPendingStore";
import { PendingWriter, type PendingPush } from "../sync/PendingStore";

/** The component library: one typed shape per component kind, ready to drag onto the board. */
export async function loadLibrary(api: ExcalidrawImperativeAPI, http: Http): Promise<void> {
  const response = await http.fetch("/api/templates/library");
  if (!response.ok) return;
  const library = (await response.json()) as { libraryItems: unknown[] };
  await api.updateLibrary({
    libraryItems: library.libraryItems as Parameters<ExcalidrawImperativeAPI["updateLibrary"]>[0]["libraryItems"],
    merge: false,
    openLibraryMenu: false,
  });
}

/** The board's title, or null when it cannot be read. */
export async function boardTitle(boardId: string, http: Http): Promise<string | null> {
  const response = await http.fetch(`/api/boards/${boardId}`);
  return response.ok ? ((await response.json()) as { title: string }).title : null;
}

/** On opening a board, its content's top-left corner comes into view (a template starts at its heading). */
export function frameContent(api: ExcalidrawImperativeAPI): void {
  const elements = api.getSceneElements();
  if (elements.length === 0) return;
  const minX = Math.min(...elements.map((e) => e.x));
  const minY = Math.min(...elements.map((e) => e.y));
  const zoom = api.getAppState().zoom.value;
  api.updateScene({ appState: { scrollX: -minX + 48 / zoom, scrollY: -minY + 96 / zoom } });
}

/** A new clientId for this tab on this board (the server keeps its exactly-once cursor by it). */
export function newClientId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** This page's clientId on a board, and where its unsent changes are kept so they outlive the page. */
export type UnsentKeeper = {
  clientId: string;
  /** An earlier page's unsent changes, adopted with its clientId; null with a new clientId. */
  restored: Restored | null;
  /** The sync client's saveOutbox. */
  save(nextClientSeq: number, pending: readonly PendingPush[]): void;
  /** Resolves once everything saved so far is written (for the browser tests). */
  saved(): Promise<void>;
  /** The page leaves the board: the last writes finish, then the clientId is free for another page to adopt. */
  close(): void;
};

/**
 * Claims a clientId for this page on the board (ClientClaim: an earlier page's, with its unsent changes, when one is
 * free) and keeps the sync client's queue in IndexedDB from then on. Without IndexedDB or Web Locks (private mode,
 * an old browser) the page works as before: a new clientId, nothing kept. Never throws.
 */
export async function keepUnsent(boardId: string, userId: string): Promise<UnsentKeeper> {
  try {
    const store = await IndexedDbPendingStore.open();
    const locks = webLocks();
    const claim = store && locks ? await claimClient(store, locks, boardId, userId, newClientId) : null;
    if (store && claim) {
      const writer = new PendingWriter(store, boardId, claim.clientId, userId);
      return {
        clientId: claim.clientId,
        restored: claim.restored,
        save: (next, pending) => writer.save(next, pending),
        saved: () => writer.idle(),
        close: () => void writer.idle().then(claim.release),
      };
    }
  } catch (error) {
    console.warn("Mockboard: unsent changes cannot be kept across a reload", error);
  }
  return { clientId: newClientId(), restored: null, save: () => {}, saved: () => Promise.resolve(), close: () => {} };
}

/** What the page says when it brought back changes a reload would otherwise have lost. */
export function broughtBackText(count: number): string {
  return `Brought back ${count === 1 ? "1 unsent change" : `${count} unsent changes`} from before the reload`;
}

/** The board socket's address on this page's host. */
export function syncUrl(boardId: string): string {
  return `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/boards/${boardId}/sync`;
}

/** What the page says when remote elements could not be shown. */
export function damagedText(count: number): string {
  return `${count === 1 ? "One element" : `${count} elements`} of this board could not be shown: ${count === 1 ? "its" : "their"} data is damaged. Everything else works as usual.`;
}
