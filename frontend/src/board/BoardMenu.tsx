import { CaptureUpdateAction, MainMenu, loadFromBlob, newElementWith } from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useRef } from "react";

/** A 20 px outline icon in the style of Excalidraw's menu (Tabler). */
function icon(path: string) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor"
      strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      <path d={path} />
    </svg>
  );
}

const LOAD_ICON = icon("M5 19l2.757 -7.351a1 1 0 0 1 .936 -.649h12.307a1 1 0 0 1 .986 1.164l-.996 5.211a2 2 0 0 1 -1.964 1.625h-14.026a2 2 0 0 1 -2 -2v-11a2 2 0 0 1 2 -2h4l3 3h7a2 2 0 0 1 2 2v2");
const CLEAR_ICON = icon("M4 7h16M10 11v6M14 11v6M5 7l1 12a2 2 0 0 0 2 2h8a2 2 0 0 0 2 -2l1 -12M9 7v-3a1 1 0 0 1 1 -1h4a1 1 0 0 1 1 1v3");

/** Files bigger than this are refused before they are read: a board is shared, and every byte goes to everyone. */
export const MAX_LOAD_BYTES = 20 * 1024 * 1024;

type Props = {
  /** Absent where the board cannot be changed (the replay). */
  api?: ExcalidrawImperativeAPI | null;
  /** Whether this person may replace or clear the whole board (the interviewers; the owner of a board of their own). */
  manages?: boolean;
  onNotice?: (text: string, severity: "info" | "error") => void;
};

/**
 * Excalidraw's menu, Mockboard's way. Excalidraw's own "Open" and "Reset the canvas" are off for everybody: they
 * replace the scene without a trace in the undo history. Instead, whoever manages the board gets "Load from file…"
 * and "Clear the board…": both ask first, and both are one step of the undo history (Ctrl+Z brings the board back,
 * for everyone). The social links are gone; export, find, help and theme stay, plus the way home.
 */
export function BoardMenu({ api = null, manages = false, onNotice = () => {} }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);

  async function load(file: File): Promise<void> {
    if (!api) return;
    if (file.size > MAX_LOAD_BYTES) {
      onNotice(`"${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB; a board file can be at most 20 MB.`, "error");
      return;
    }
    const current = api.getSceneElements();
    let loaded;
    try {
      loaded = await loadFromBlob(file, api.getAppState(), current);
    } catch {
      onNotice(`"${file.name}" is not an Excalidraw file (.excalidraw), so nothing was loaded.`, "error");
      return;
    }
    const elements = loaded.elements.filter((element) => !element.isDeleted);
    const replace = window.confirm(
      `Replace everything on this board with "${file.name}" (${elements.length} elements)? ` +
        "Everyone on the board sees the change. Ctrl+Z undoes it.",
    );
    if (!replace) return;
    const incoming = new Set(elements.map((element) => element.id));
    const removed = current.filter((element) => !incoming.has(element.id)).map((element) => newElementWith(element, { isDeleted: true }));
    const files = Object.values(loaded.files ?? {});
    if (files.length > 0) api.addFiles(files);
    api.updateScene({ elements: [...elements, ...removed], captureUpdate: CaptureUpdateAction.IMMEDIATELY });
    api.scrollToContent(elements, { fitToContent: true });
    onNotice(`Loaded "${file.name}": ${elements.length} elements. Ctrl+Z undoes it.`, "info");
  }

  function clear(): void {
    if (!api) return;
    const current = api.getSceneElements();
    if (current.length === 0) {
      onNotice("The board is already empty.", "info");
      return;
    }
    if (!window.confirm(`Clear the board for everyone (${current.length} elements)? Ctrl+Z undoes it.`)) return;
    api.updateScene({
      elements: current.map((element) => newElementWith(element, { isDeleted: true })),
      captureUpdate: CaptureUpdateAction.IMMEDIATELY,
    });
    onNotice("The board was cleared. Ctrl+Z brings it back.", "info");
  }

  return (
    <>
      <input
        ref={fileInput}
        type="file"
        accept=".excalidraw,application/json,.json"
        hidden
        data-testid="load-file-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) void load(file);
        }}
      />
      <MainMenu>
        {manages && (
          <MainMenu.Item icon={LOAD_ICON} onSelect={() => fileInput.current?.click()} data-testid="menu-load-file">
            Load from file…
          </MainMenu.Item>
        )}
        <MainMenu.DefaultItems.SaveAsImage />
        <MainMenu.DefaultItems.Export />
        <MainMenu.DefaultItems.SearchMenu />
        <MainMenu.DefaultItems.Help />
        {manages && (
          <MainMenu.Item icon={CLEAR_ICON} onSelect={clear} data-testid="menu-clear-board">
            Clear the board…
          </MainMenu.Item>
        )}
        <MainMenu.DefaultItems.ToggleTheme />
        <MainMenu.DefaultItems.ChangeCanvasBackground />
        <MainMenu.Separator />
        <MainMenu.ItemLink href="/home" data-testid="menu-home">
          Mockboard home
        </MainMenu.ItemLink>
      </MainMenu>
    </>
  );
}
