import type { BinaryFiles, ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import { Http } from "../api/http";
import { onSignedInElsewhere, requireSession, SignInKeeper } from "../auth";
import type { Peer, PeerPresence, PrivateNote, SignalMessage } from "../sync/protocol";
import { SyncClient, type SocketLike, type SyncStatus } from "../sync/SyncClient";
import { latestElements } from "../sync/PendingStore";
import { boardTitle, broughtBackText, damagedText, frameContent, keepUnsent, loadLibrary, syncUrl, type UnsentKeeper } from "./boardSetup";
import { ExcalidrawBinding } from "./ExcalidrawBinding";
import { FileSync } from "./files";
import { restoreRemote } from "./restore";

declare global {
  interface Window {
    /** The live Excalidraw API and sync client, for the browser tests and the console. */
    mockboard?: {
      excalidraw: ExcalidrawImperativeAPI;
      sync?: SyncClient;
      signIn?: SignInKeeper;
      /** Every connection state the board went through, with when (for the browser tests and support). */
      statusLog?: { kind: string; at: number }[];
      /** Resolves once the unsent changes are written where a reload finds them (for the browser tests). */
      unsentSaved?: () => Promise<void>;
    };
  }
}

export type Notice = { text: string; severity: "info" | "error" };

/** What the board's connection tells the rest of the page. Read when called: they need not be stable. */
export type BoardSyncEvents = {
  /** Signed in: the API client for this board's page. */
  signedIn(http: Http): void;
  /** The socket (re)joined, or the session moved to a step: re-read what may have changed meanwhile. */
  rejoined(): void;
  note(note: PrivateNote): void;
  notice(notice: Notice): void;
  peers(you: Peer | null, list: Peer[]): void;
  presence(presence: PeerPresence): void;
  signal(signal: SignalMessage): void;
};

/**
 * One board's connection, for as long as the canvas and the board stay the same: signs in, opens the socket
 * (SyncClient), binds it to the canvas (ExcalidrawBinding), syncs image files, keeps the sign-in renewed, and
 * loads the board's title and the component library. Returns the connection's state and the canvas' onChange.
 */
export function useBoardSync(api: ExcalidrawImperativeAPI | null, boardId: string | null, events: BoardSyncEvents) {
  const [status, setStatus] = useState<SyncStatus>({ kind: "connecting", attempt: 0 });
  const [unsent, setUnsent] = useState(0);
  const [loaded, setLoaded] = useState(boardId === null);
  // how many changes from before a reload are on the canvas while the board has not loaded yet
  const [broughtBack, setBroughtBack] = useState(0);
  const [title, setTitle] = useState<string | null>(null);
  const [me, setMe] = useState<Peer | null>(null);
  const [client, setClient] = useState<SyncClient | null>(null);
  const bindingRef = useRef<ExcalidrawBinding | null>(null);
  const filesRef = useRef<FileSync | null>(null);

  const signedIn = useEffectEvent((http: Http) => events.signedIn(http));
  const rejoined = useEffectEvent(() => events.rejoined());
  const note = useEffectEvent((n: PrivateNote) => events.note(n));
  const notice = useEffectEvent((n: Notice) => events.notice(n));
  const peers = useEffectEvent((you: Peer | null, list: Peer[]) => events.peers(you, list));
  const presence = useEffectEvent((p: PeerPresence) => events.presence(p));
  const signal = useEffectEvent((m: SignalMessage) => events.signal(m));

  useEffect(() => {
    if (!api || !boardId) return;
    let cancelled = false;
    let live: SyncClient | null = null;
    let unsentKept: UnsentKeeper | null = null;
    let stopSignIn = () => {};
    // a reload or a closed tab: changes still waiting for the binding's next flush go to the queue (and so to the
    // socket and the kept copy) now, not 80 ms later when the page is gone
    const onPageHide = () => bindingRef.current?.flush();
    window.addEventListener("pagehide", onPageHide);
    void requireSession().then(async (session) => {
      if (!session || cancelled) return;
      const kept = await keepUnsent(boardId, session.user.id);
      if (cancelled) {
        kept.close();
        return;
      }
      unsentKept = kept;
      const keeper = new SignInKeeper(session);
      const http = new Http(keeper);
      signedIn(http);
      let framed = false;
      const files = new FileSync(api, http, boardId, (text) => notice({ text, severity: "error" }));
      filesRef.current = files;
      void loadLibrary(api, http).catch(() => notice({ text: "The component library could not be loaded.", severity: "info" }));
      void boardTitle(boardId, http).then((t) => {
        if (!cancelled && t) {
          setTitle(t);
          document.title = `${t} · Mockboard`;
          // exported images and files are named after the board (Excalidraw reads the name prop only once)
          api.updateScene({ appState: { name: t } });
        }
      });
      const statusLog: { kind: string; at: number }[] = [];
      const url = syncUrl(boardId);
      const client = new SyncClient({
        clientId: kept.clientId,
        restored: kept.restored ?? undefined,
        saveOutbox: kept.save,
        connect: () => new WebSocket(url) as unknown as SocketLike,
        signIn: session.accessToken === null ? undefined : keeper,
        listener: {
          putBack: (stored, refused) => bindingRef.current?.putBack(stored, refused),
          remote: (elements) => {
            bindingRef.current?.applyRemote(elements);
            if (elements.some((e) => e.type === "image")) files.fetchMissing();
          },
          status: (s, n) => {
            if (statusLog[statusLog.length - 1]?.kind !== s.kind) statusLog.push({ kind: s.kind, at: Date.now() });
            setStatus(s);
            setUnsent(n);
            if (s.kind === "live") {
              setLoaded(true);
              if (!framed) {
                framed = true;
                frameContent(api);
              }
              rejoined();
            }
          },
          step: () => rejoined(),
          note: (n) => note(n),
          notice: (text, severity) => notice({ text, severity }),
          peers: (you, list) => {
            setMe(you);
            peers(you, list);
          },
          presence: (p) => presence(p),
          signal: (m) => signal(m),
        },
      });
      live = client;
      bindingRef.current = new ExcalidrawBinding(api, client, 80, restoreRemote, (ids) =>
        notice({ text: damagedText(ids.length), severity: "info" }),
      );
      if (kept.restored) {
        // shown at once, also while still offline; the welcome's scene merges with them by version [S5]
        const unsent = latestElements(kept.restored.pending);
        bindingRef.current.bringBack(unsent);
        setBroughtBack(unsent.length);
        if (unsent.some((e) => e.type === "image")) files.fetchMissing();
        notice({ text: broughtBackText(unsent.length), severity: "info" });
      }
      window.mockboard = { excalidraw: api, sync: client, signIn: keeper, statusLog, unsentSaved: kept.saved };
      stopSignIn = keepSignedIn(keeper, client);
      setClient(client);
      client.start();
    });
    return () => {
      cancelled = true;
      window.removeEventListener("pagehide", onPageHide);
      stopSignIn();
      bindingRef.current?.dispose();
      live?.stop();
      unsentKept?.close(); // after the binding's last flush, so that is kept too
      bindingRef.current = null;
      filesRef.current = null;
      setClient(null);
    };
  }, [api, boardId]);

  /** Excalidraw's onChange: local changes go to the socket, new image files to the server. */
  const onChange = useCallback((_elements: unknown, _appState: unknown, files: BinaryFiles) => {
    bindingRef.current?.onChange();
    filesRef.current?.upload(files);
  }, []);

  return { status, unsent, loaded, broughtBack, title, me, client, onChange };
}

/**
 * Hands renewed tokens to the socket and resumes it once the person signed in again ("Sign in again" finishes
 * in a popup or another tab; a focused tab also looks for itself). Returns the function that stops it all.
 */
function keepSignedIn(keeper: SignInKeeper, client: SyncClient): () => void {
  const unlisten = keeper.listen({
    renewed: (token) => client.reauthenticate(token),
    state: (state) => {
      if (state === "signed-in") client.resume();
    },
  });
  const recheck = () => {
    if (keeper.state === "signed-out") void keeper.check();
  };
  const unsubscribe = onSignedInElsewhere(recheck);
  window.addEventListener("focus", recheck);
  return () => {
    unlisten();
    unsubscribe();
    window.removeEventListener("focus", recheck);
    keeper.stop();
  };
}
