import { CaptureUpdateAction, convertToExcalidrawElements } from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Http } from "../api/http";
import { sessionApi, type BoardContext, type Flow, type Hint, type Note, type SessionProbes } from "./api";
import { cardSkeleton } from "./hintCard";
import type { InterviewerPanelProps } from "./InterviewerPanel";
import { skew } from "./timer";

/**
 * The interview around a board: its session, the framework steps and timer, and for interviewers the
 * private notes, hint cards and the side panel. The board page starts it once signed in and tells it when
 * the socket (re)joins or a step or note frame arrives. Returns data and handlers; `panel` is what the
 * interviewer panel shows (null while it is closed or not for this person).
 *
 * `onError` is best stable (a `useCallback`): the handlers change with it.
 */
export function useInterview(api: ExcalidrawImperativeAPI | null, onError: (text: string) => void) {
  const [context, setContext] = useState<BoardContext | null>(null);
  const [flow, setFlow] = useState<Flow | null>(null);
  const [skewMs, setSkewMs] = useState(0);
  const [notes, setNotes] = useState<Note[]>([]);
  const [hints, setHints] = useState<Hint[]>([]);
  const [probes, setProbes] = useState<SessionProbes | null>(null);
  const [panelOpen, setPanelOpen] = useState(true);
  const [startWithNote, setStartWithNote] = useState(false);
  // the API client for rendering the panel; the handlers read the refs, so they stay stable once started
  const [panelHttp, setPanelHttp] = useState<Http | null>(null);
  const httpRef = useRef<Http | null>(null);
  const sessionRef = useRef<string | null>(null);
  const boardRef = useRef<string | null>(null);

  const showFlow = useCallback((next: Flow) => {
    setSkewMs(skew(next.now, Date.now()));
    setFlow(next);
  }, []);

  /** Re-reads the steps (on every (re)join and step frame, so no move is missed). */
  const rejoined = useCallback(() => {
    const http = httpRef.current;
    const sessionId = sessionRef.current;
    if (http && sessionId) void sessionApi.flow(http, sessionId).then(showFlow, () => undefined);
    // the session may have ended meanwhile (its sockets are closed then): the role and state come back with it
    const boardId = boardRef.current;
    if (http && boardId) void sessionApi.context(http, boardId).then(setContext, () => undefined);
  }, [showFlow]);

  const start = useCallback(
    (http: Http, boardId: string) => {
      httpRef.current = http;
      boardRef.current = boardId;
      setPanelHttp(http);
      sessionApi
        .context(http, boardId)
        .then(async (ctx) => {
          setContext(ctx);
          sessionRef.current = ctx.sessionId;
          if (!ctx.sessionId) return;
          showFlow(await sessionApi.flow(http, ctx.sessionId));
          if (ctx.seesPrivate) {
            const [loadedNotes, loadedHints, loadedProbes] = await Promise.all([
              sessionApi.notes(http, ctx.sessionId),
              sessionApi.hints(http, ctx.sessionId),
              sessionApi.probes(http, ctx.sessionId),
            ]);
            setNotes(loadedNotes);
            setHints(loadedHints);
            setProbes(loadedProbes);
          }
        })
        .catch((e: Error) => onError(e.message));
    },
    [onError, showFlow],
  );

  const addNote = useCallback((note: Note) => {
    setNotes((current) => (current.some((n) => n.id === note.id) ? current : [...current, note]));
  }, []);

  const moveTo = useCallback(
    (step: string) => {
      const http = httpRef.current;
      const sessionId = sessionRef.current;
      if (!http || !sessionId) return;
      sessionApi.moveTo(http, sessionId, step).then(showFlow, (e: Error) => onError(e.message));
    },
    [onError, showFlow],
  );

  const writeNote = useCallback(
    async (body: string, elementIds: string[], criterion: string | null) => {
      const http = httpRef.current;
      const sessionId = sessionRef.current;
      if (!http || !sessionId) return;
      addNote(await sessionApi.addNote(http, sessionId, body, elementIds, criterion));
    },
    [addNote],
  );

  /** Records a probe asked; the note comes back here (and to the other interviewers as a note frame). */
  const askProbe = useCallback(
    async (probeId: string) => {
      const http = httpRef.current;
      const sessionId = sessionRef.current;
      if (!http || !sessionId) return;
      addNote(await sessionApi.askProbe(http, sessionId, probeId));
    },
    [addNote],
  );

  const replaceHint = useCallback((next: Hint) => {
    setHints((current) =>
      current.some((h) => h.id === next.id) ? current.map((h) => (h.id === next.id ? next : h)) : [...current, next],
    );
  }, []);

  /** Draws the card in the middle of the interviewer's view (a normal, acknowledged change) and records the reveal. */
  const revealHint = useCallback(
    async (hint: Hint) => {
      const http = httpRef.current;
      const sessionId = sessionRef.current;
      if (!http || !api || !sessionId) return;
      const app = api.getAppState();
      const centerX = -app.scrollX + app.width / app.zoom.value / 2;
      const centerY = -app.scrollY + app.height / app.zoom.value / 2;
      const card = convertToExcalidrawElements([cardSkeleton(hint.title, hint.body, centerX, centerY)]);
      api.updateScene({
        elements: [...api.getSceneElementsIncludingDeleted(), ...card],
        captureUpdate: CaptureUpdateAction.IMMEDIATELY,
      });
      replaceHint(await sessionApi.reveal(http, sessionId, hint.id, card.map((e) => e.id)));
    },
    [api, replaceHint],
  );

  const addHint = useCallback(
    async (title: string, body: string) => {
      const http = httpRef.current;
      const sessionId = sessionRef.current;
      if (!http || !sessionId) return;
      replaceHint(await sessionApi.addHint(http, sessionId, title, body));
    },
    [replaceHint],
  );

  const selection = useCallback(() => {
    if (!api) return [];
    const selected = api.getAppState().selectedElementIds;
    return Object.keys(selected).filter((id) => selected[id]);
  }, [api]);

  const select = useCallback(
    (ids: string[]) => {
      if (!api) return;
      const present = api.getSceneElements().filter((e) => ids.includes(e.id));
      api.updateScene({ appState: { selectedElementIds: Object.fromEntries(present.map((e) => [e.id, true])) } });
      if (present.length > 0) api.scrollToContent(present, { animate: true });
    },
    [api],
  );

  /** Ends one's own practice: the board becomes read-only and the panel opens on the reference. */
  const endPractice = useCallback(async () => {
    const http = httpRef.current;
    const sessionId = sessionRef.current;
    if (!http || !sessionId) return;
    try {
      await sessionApi.endPractice(http, sessionId);
      setStartWithNote(false);
      setPanelOpen(true);
      rejoined();
    } catch (e) {
      onError(e instanceof Error ? e.message : "The practice did not end");
    }
  }, [onError, rejoined]);

  const togglePanel = useCallback(() => {
    setStartWithNote(false);
    setPanelOpen((open) => !open);
  }, []);
  const closePanel = useCallback(() => setPanelOpen(false), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.shiftKey && (event.key === "i" || event.key === "I" || event.code === "KeyI")) {
        event.preventDefault();
        togglePanel();
      }
      // Alt+N with the panel closed opens it on a new note (with the panel open, the panel itself handles it)
      if (event.altKey && !event.shiftKey && (event.key === "n" || event.key === "N" || event.code === "KeyN") && !panelOpen) {
        event.preventDefault();
        setStartWithNote(true);
        setPanelOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [panelOpen, togglePanel]);

  const hasPanel = Boolean(context?.seesPrivate && context.sessionId);
  const panel: InterviewerPanelProps | null =
    hasPanel && panelOpen && panelHttp && context?.sessionId
      ? {
          flow, notes, skewMs, canControl: context.controlsSteps && !context.ended, selection, select, onMove: moveTo,
          onNote: writeNote, hints, probes, onAsk: askProbe, onReveal: revealHint, startWithNote, onAddHint: addHint, onClose: closePanel, http: panelHttp,
          sessionId: context.sessionId, practice: context.role === "practice", ended: context.ended,
        }
      : null;

  const practising = context?.role === "practice" && !context.ended;
  return { context, flow, skewMs, start, rejoined, addNote, moveTo, hasPanel, panelOpen, togglePanel, panel, practising, endPractice };
}
