import { BoardPage } from "./board/BoardPage";
import { ReplayPage } from "./replay/ReplayPage";

/** Routes of the React bundle: it owns the canvas pages; Qute renders the others. */
export function App() {
  const replay = window.location.pathname.match(/^\/r\/([0-9a-fA-F-]{36})\/?$/);
  if (replay) return <ReplayPage sessionId={replay[1]} />;
  const match = window.location.pathname.match(/^\/b\/([0-9a-fA-F-]{36})\/?$/);
  return <BoardPage boardId={match ? match[1] : null} />;
}
