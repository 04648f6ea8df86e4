import { Excalidraw } from "@excalidraw/excalidraw";
import { BoardMenu } from "./BoardMenu";
import { restoreRemote } from "./restore";
import type { AppState, BinaryFiles, Collaborator, ExcalidrawImperativeAPI, SocketId } from "@excalidraw/excalidraw/types";
import { useCallback, useEffect, useRef, useState } from "react";
import { collaborators } from "../presence/collaborators";
import { followViewport } from "../presence/follow";
import { idleState } from "../presence/idle";
import type { Cursor, Peer, PeerPresence } from "../sync/protocol";
import { SyncClient, type SocketLike, type SyncStatus } from "../sync/SyncClient";
import { ExcalidrawBinding } from "./ExcalidrawBinding";
import { onSignedInElsewhere, openSignIn, requireSession, SignInKeeper } from "../auth";
import { Api, FileSync } from "./files";
import { StatusBadge } from "./StatusBadge";
import { StepBar } from "../session/StepBar";
import { useInterview } from "../session/useInterview";

type Props = { boardId: string | null };

declare global {
  interface Window {
    /** The live Excalidraw API and sync client, for the browser tests and the console. */
    mockboard?: {
      excalidraw: ExcalidrawImperativeAPI;
      sync?: SyncClient;
      signIn?: SignInKeeper;
      /** Every connection state the board went through, with when (for the browser tests and support). */
      statusLog?: { kind: string; at: number }[];
    };
  }
}

/** The component library: one typed shape per component kind, ready to drag onto the board. */
async function loadLibrary(api: ExcalidrawImperativeAPI, http: Api): Promise<void> {
  const response = await http.fetch("/api/templates/library");
  if (!response.ok) return;
  const library = (await response.json()) as { libraryItems: unknown[] };
  await api.updateLibrary({
    libraryItems: library.libraryItems as Parameters<ExcalidrawImperativeAPI["updateLibrary"]>[0]["libraryItems"],
    merge: false,
    openLibraryMenu: false,
  });
}

async function boardTitle(boardId: string, http: Api): Promise<string | null> {
  const response = await http.fetch(`/api/boards/${boardId}`);
  return response.ok ? ((await response.json()) as { title: string }).title : null;
}

/** On opening a board, its content's top-left corner comes into view (a template starts at its heading). */
function frameContent(api: ExcalidrawImperativeAPI): void {
  const elements = api.getSceneElements();
  if (elements.length === 0) return;
  const minX = Math.min(...elements.map((e) => e.x));
  const minY = Math.min(...elements.map((e) => e.y));
  const zoom = api.getAppState().zoom.value;
  api.updateScene({ appState: { scrollX: -minX + 48 / zoom, scrollY: -minY + 96 / zoom } });
}

function newClientId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function BoardPage({ boardId }: Props) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const [status, setStatus] = useState<SyncStatus>({ kind: "connecting", attempt: 0 });
  const [unsent, setUnsent] = useState(0);
  const [loaded, setLoaded] = useState(boardId === null);
  const [notice, setNotice] = useState<{ text: string; severity: "info" | "error" } | null>(null);
  const [title, setTitle] = useState<string | null>(null);
  const [readOnly, setReadOnly] = useState(false);
  const [me, setMe] = useState<Peer | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const bindingRef = useRef<ExcalidrawBinding | null>(null);
  const clientRef = useRef<SyncClient | null>(null);
  const filesRef = useRef<FileSync | null>(null);
  const pointer = useRef<{ cursor: Cursor | null; laser: boolean; lastInputAt: number }>({
    cursor: null,
    laser: false,
    lastInputAt: Date.now(),
  });
  const appliedScroll = useRef<{ x: number; y: number } | null>(null);

  /** Sends the latest presence (throttled and latest-wins in the sync client). */
  const sendPresence = useCallback(() => {
    const client = clientRef.current;
    if (!client || !api) return;
    const app: AppState = api.getAppState();
    const { cursor, laser, lastInputAt } = pointer.current;
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
  }, [api]);

  useEffect(() => {
    if (!boardId) return;
    let last = "";
    const check = () => {
      const now = idleState(pointer.current.lastInputAt, Date.now(), document.hidden);
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

  const interview = useInterview(api, (text) => setNotice({ text, severity: "error" }));
  const ended = Boolean(interview.context?.ended);

  const onApi = useCallback((excalidraw: ExcalidrawImperativeAPI) => {
    window.mockboard = { excalidraw };
    setApi(excalidraw);
  }, []);

  useEffect(() => {
    if (!api || !boardId) return;
    let cancelled = false;
    let client: SyncClient | null = null;
    const peers: { you: Peer | null; list: Peer[] } = { you: null, list: [] };
    const presence = new Map<string, PeerPresence>();
    const render = () =>
      api.updateScene({
        collaborators: collaborators(peers.list, presence) as unknown as Map<SocketId, Collaborator>,
      });

    let stopSignIn = () => {};
    requireSession().then((session) => {
      if (!session || cancelled) return;
      const keeper = new SignInKeeper(session);
      const http = new Api(keeper);
      interview.start(http, boardId);
      let framed = false;
      const files = new FileSync(api, http, boardId, (text) => setNotice({ text, severity: "error" }));
      filesRef.current = files;
      void loadLibrary(api, http).catch(() => setNotice({ text: "The component library could not be loaded.", severity: "info" }));
      void boardTitle(boardId, http).then((t) => {
        if (!cancelled && t) {
          setTitle(t);
          document.title = `${t} · Mockboard`;
          // exported images and files are named after the board (Excalidraw reads the name prop only once)
          api.updateScene({ appState: { name: t } });
        }
      });
      const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/boards/${boardId}/sync`;
      const statusLog: { kind: string; at: number }[] = [];
      client = new SyncClient({
        clientId: newClientId(),
        connect: () => new WebSocket(url) as unknown as SocketLike,
        signIn: session.accessToken === null ? undefined : keeper,
        listener: {
          remote: (elements) => {
            bindingRef.current?.applyRemote(elements);
            if (elements.some((e) => e.type === "image")) files.fetchMissing();
          },
          status: (s, n) => {
            if (statusLog[statusLog.length - 1]?.kind !== s.kind) statusLog.push({ kind: s.kind, at: Date.now() });
            setSignedOut(s.kind === "signed-out");
            setStatus(s);
            setUnsent(n);
            if (s.kind === "live") {
              setLoaded(true);
              if (!framed) {
                framed = true;
                frameContent(api);
              }
              interview.rejoined();
            }
          },
          step: () => interview.rejoined(),
          note: (note) => interview.addNote(note),
          notice: (text, severity) => setNotice({ text, severity }),
          peers: (you, list) => {
            setReadOnly(you?.role === "observer");
            setMe(you);
            peers.you = you;
            peers.list = list;
            for (const key of [...presence.keys()]) if (!list.some((p) => p.sessionId === key)) presence.delete(key);
            render();
          },
          presence: (p) => {
            presence.set(p.sessionId, p);
            render();
            if (api.getAppState().userToFollow?.socketId === p.sessionId && p.viewport) {
              const app = api.getAppState();
              const view = followViewport(p.viewport, app.width, app.height);
              appliedScroll.current = { x: view.scrollX, y: view.scrollY };
              api.updateScene({
                appState: { scrollX: view.scrollX, scrollY: view.scrollY, zoom: { value: view.zoom as AppState["zoom"]["value"] } },
              });
            }
          },
        },
      });
      bindingRef.current = new ExcalidrawBinding(api, client, 80, restoreRemote, (ids) =>
        setNotice({
          text: `${ids.length === 1 ? "One element" : `${ids.length} elements`} of this board could not be shown: ${ids.length === 1 ? "its" : "their"} data is damaged. Everything else works as usual.`,
          severity: "info",
        }),
      );
      clientRef.current = client;
      window.mockboard = { excalidraw: api, sync: client, signIn: keeper, statusLog };
      const live = client;
      const unlisten = keeper.listen({
        renewed: (token) => live.reauthenticate(token),
        state: (state) => {
          if (state === "signed-in") live.resume();
        },
      });
      // "Sign in again" finishes in a popup or another tab; a focused tab also looks for itself.
      const recheck = () => {
        if (keeper.state === "signed-out") void keeper.check();
      };
      const unsubscribe = onSignedInElsewhere(recheck);
      window.addEventListener("focus", recheck);
      stopSignIn = () => {
        unlisten();
        unsubscribe();
        window.removeEventListener("focus", recheck);
        keeper.stop();
      };
      client.start();
    });
    return () => {
      cancelled = true;
      stopSignIn();
      bindingRef.current?.dispose();
      client?.stop();
      bindingRef.current = null;
      clientRef.current = null;
      filesRef.current = null;
    };
    // the interview's callbacks are stable; the connection depends on the canvas and the board only
  }, [api, boardId]);

  const onChange = useCallback((_elements: unknown, _appState: unknown, files: BinaryFiles) => {
    bindingRef.current?.onChange();
    filesRef.current?.upload(files);
  }, []);
  const onPointerUpdate = useCallback(
    (payload: { pointer: { x: number; y: number; tool: "pointer" | "laser" }; button: "down" | "up" }) => {
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
      const applied = appliedScroll.current;
      const ours = applied && Math.abs(applied.x - scrollX) < 0.5 && Math.abs(applied.y - scrollY) < 0.5;
      // Follow mode (started from Excalidraw's collaborator list) stops when the person pans by hand.
      if (api && api.getAppState().userToFollow && !ours) {
        api.updateScene({ appState: { userToFollow: null } });
      }
      sendPresence();
    },
    [api, sendPresence],
  );

  const manages = !readOnly && !ended && (interview.context?.replacesBoard ?? false);

  return (
    <div className="board-shell">
      <header className="topbar">
        <a className="brand" href="/home">
          <span className="brand-mark" aria-hidden="true" />
          Mockboard
        </a>
        <span className="board-title">{boardId ? (title ?? "Loading…") : "Scratch board (not saved)"}</span>
        {interview.flow && (
          <StepBar flow={interview.flow} skewMs={interview.skewMs} canControl={interview.context?.controlsSteps ?? false}
            onMove={interview.moveTo} />
        )}
        <span className="spacer" />
        {interview.hasPanel && (
          <button type="button" className="panel-toggle" aria-pressed={interview.panelOpen} title="Interviewer panel (Alt+I)"
            onClick={interview.togglePanel}>
            Panel
          </button>
        )}
        {me && (
          <span className="who" data-testid="you">
            {me.name}
            {/* on an ended board everyone is read-only; the person is still named by their part in the session */}
            <span className="role">{(ended && interview.context ? interview.context.role : me.role).replace("_", "-")}</span>
          </span>
        )}
        {ended && (
          <span className="status ended" data-testid="ended" title="This session has ended; its board is read-only">
            Ended{interview.flow?.endedAt ? ` ${new Date(interview.flow.endedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}` : ""}
          </span>
        )}
        {readOnly && !ended && (
          <span className="status read-only" title="You can watch this board but not change it">
            Read-only
          </span>
        )}
        {boardId && <StatusBadge status={status} unsent={unsent} />}
      </header>
      {signedOut && (
        <div className="notice error signed-out" role="alert" data-testid="signed-out">
          Your sign-in has ended, so your changes are not being saved. They are kept in this tab and will be saved
          as soon as you sign in again.
          <button type="button" className="primary" onClick={openSignIn} autoFocus>
            Sign in again
          </button>
        </div>
      )}
      {notice && (
        <div className={`notice ${notice.severity}`} role={notice.severity === "error" ? "alert" : "status"}>
          {notice.text}
          <button type="button" onClick={() => setNotice(null)} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      <div className="board-body">
      <main className="canvas" aria-label="Whiteboard" aria-busy={!loaded}>
        {!loaded && (
          <div className="loading" data-testid="board-loading">
            Loading board…
          </div>
        )}
        <Excalidraw
          excalidrawAPI={onApi}
          onChange={onChange}
          onPointerUpdate={onPointerUpdate}
          onScrollChange={onScrollChange}
          isCollaborating={boardId !== null}
          viewModeEnabled={readOnly}
          name={title ?? "Mockboard board"}
          // no "Open" (a file over a shared board) and no "Reset the canvas", from the menu, shortcuts or palette
          UIOptions={{ canvasActions: { loadScene: false, clearCanvas: false } }}
        >
          <BoardMenu
            api={api}
            manages={manages}
            onNotice={(text, severity) => setNotice({ text, severity })}
          />
        </Excalidraw>
      </main>
      {interview.panel}
      </div>
    </div>
  );
}
