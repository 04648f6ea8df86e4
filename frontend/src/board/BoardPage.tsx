import { Excalidraw } from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useCallback } from "react";

type Props = { boardId: string | null };

declare global {
  interface Window {
    /** The live Excalidraw API, for the browser tests and the console. */
    mockboard?: { excalidraw: ExcalidrawImperativeAPI };
  }
}

export function BoardPage({ boardId }: Props) {
  const onApi = useCallback((api: ExcalidrawImperativeAPI) => {
    window.mockboard = { excalidraw: api };
  }, []);

  return (
    <div className="board-shell">
      <header className="topbar">
        <a className="brand" href="/home">
          <span className="brand-mark" aria-hidden="true" />
          Mockboard
        </a>
        <span className="board-title">{boardId ? `Board ${boardId.slice(0, 8)}` : "Scratch board"}</span>
      </header>
      <main className="canvas" aria-label="Whiteboard">
        <Excalidraw excalidrawAPI={onApi} />
      </main>
    </div>
  );
}
