import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { Http } from "../api/http";

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

/** The board socket's address on this page's host. */
export function syncUrl(boardId: string): string {
  return `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/boards/${boardId}/sync`;
}

/** What the page says when remote elements could not be shown. */
export function damagedText(count: number): string {
  return `${count === 1 ? "One element" : `${count} elements`} of this board could not be shown: ${count === 1 ? "its" : "their"} data is damaged. Everything else works as usual.`;
}
