import { BoardPage } from "./board/BoardPage";

/** Routes of the React bundle: it owns the canvas pages; Qute renders the others. */
export function App() {
  const match = window.location.pathname.match(/^\/b\/([0-9a-fA-F-]{36})\/?$/);
  return <BoardPage boardId={match ? match[1] : null} />;
}
