import { Excalidraw } from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useCallback, useEffect, useState } from "react";
import type { Http } from "../api/http";
import { openSignIn } from "../auth";
import { CallControls } from "../call/CallControls";
import { CallVideos } from "../call/CallVideos";
import { useCall } from "../call/useCall";
import { useFollowMe } from "../presence/useFollowMe";
import { useOwnPresence } from "../presence/useOwnPresence";
import { usePeers } from "../presence/usePeers";
import { EndPractice } from "../session/EndPractice";
import { InterviewerPanel } from "../session/InterviewerPanel";
import { StepBar } from "../session/StepBar";
import { useInterview } from "../session/useInterview";
import { Notice, TopBar } from "../ui/TopBar";
import { BoardMenu } from "./BoardMenu";
import { ProtectButton, ProtectContextItem, ProtectedBadges } from "./Protection";
import { StatusBadge } from "./StatusBadge";
import { useBoardSync, type Notice as NoticeText } from "./useBoardSync";

type Props = { boardId: string | null };

/**
 * The live board: the canvas bound to the board's socket, the people on it, and around it the session's step
 * bar and (for interviewers) the interviewer panel. Without a board id it is a scratch board that is not saved.
 */
export function BoardPage({ boardId }: Props) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const [notice, setNotice] = useState<NoticeText | null>(null);
  const showError = useCallback((text: string) => setNotice({ text, severity: "error" }), []);

  const [http, setHttp] = useState<Http | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());

  const interview = useInterview(api, showError);
  const peers = usePeers(api);
  const sync = useBoardSync(api, boardId, {
    signedIn: (client) => {
      setHttp(client);
      if (boardId) interview.start(client, boardId);
    },
    rejoined: interview.rejoined,
    note: interview.addNote,
    notice: setNotice,
    peers: (you, list) => {
      peers.peers(you, list);
      call.onPeers(you, list);
      followMe.onPeers(you, list);
      setNames(new Map(list.map((p) => [p.sessionId, p.name])));
    },
    presence: peers.presence,
    signal: (signal) => {
      if (!followMe.onSignal(signal)) call.onSignal(signal);
    },
  });
  const recordedSession = interview.context?.sessionId && !interview.context.ended ? interview.context.sessionId : null;
  const call = useCall(boardId ? sync.client : null, http, recordedSession, showError);
  const { call: showCall } = peers;
  useEffect(() => showCall(call.state.peers), [showCall, call.state.peers]);
  const presence = useOwnPresence(api, boardId, sync.client, peers.followedTo);
  const followMe = useFollowMe(api, boardId ? sync.client : null, peers.follow);
  const { present, presenting } = followMe;
  const live = sync.status.kind === "live";
  useEffect(() => {
    if (!boardId) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyL") {
        event.preventDefault();
        present(!presenting);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [boardId, present, presenting]);

  const onApi = useCallback((excalidraw: ExcalidrawImperativeAPI) => {
    window.mockboard = { excalidraw };
    setApi(excalidraw);
  }, []);

  const ended = Boolean(interview.context?.ended);
  const readOnly = sync.me?.role === "observer";
  const { title, me } = sync;

  const manages = !readOnly && !ended && (interview.context?.replacesBoard ?? false);
  // practising alone: nobody to present to or call
  const alone = interview.context?.role === "practice";
  const protects = boardId !== null && !readOnly && !ended && (interview.context?.protectsElements ?? false);

  return (
    <div className="board-shell">
      <TopBar title={boardId ? (title ?? "Loading…") : "Scratch board (not saved)"}>
        {interview.flow && (
          <StepBar flow={interview.flow} skewMs={interview.skewMs} canControl={interview.context?.controlsSteps ?? false}
            onMove={interview.moveTo} />
        )}
        <span className="spacer" />
        {protects && <ProtectButton api={api} />}
        {protects && <ProtectContextItem api={api} />}
        {boardId && live && !ended && !alone && (
          <button type="button" className="panel-toggle" aria-pressed={presenting} data-testid="follow-me"
            title={presenting ? "Let everyone look around on their own again (Alt+L)" : "Bring everyone's view to yours (Alt+L)"}
            onClick={() => present(!presenting)}>
            {presenting ? "Stop presenting" : "Follow me"}
          </button>
        )}
        {interview.practising && <EndPractice onEnd={interview.endPractice} />}
        {interview.hasPanel && (
          <button type="button" className="panel-toggle" aria-pressed={interview.panelOpen} title={alone ? "Practice panel (Alt+I)" : "Interviewer panel (Alt+I)"}
            onClick={interview.togglePanel}>
            Panel
          </button>
        )}
        {call.available && !ended && !alone && (
          <CallControls state={call.state} listenOnly={readOnly} devices={call.devices} recordable={call.recordable}
            recording={call.recording} onJoin={(mic, record) => void call.join(mic, record)}
            onLeave={call.leave} onToggleMute={call.toggleMute} onDevice={call.chooseDevice} onToggleCamera={call.toggleCamera} />
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
        {boardId && <StatusBadge status={sync.status} unsent={sync.unsent} />}
      </TopBar>
      {sync.status.kind === "signed-out" && (
        <div className="notice error signed-out" role="alert" data-testid="signed-out">
          Your sign-in has ended, so your changes are not being saved. They are kept in this tab and will be saved
          as soon as you sign in again.
          <button type="button" className="primary" onClick={openSignIn} autoFocus>
            Sign in again
          </button>
        </div>
      )}
      {followMe.leader && (
        <div className="notice info following" role="status" data-testid="following">
          Following {followMe.leader.name}
          <button type="button" className="text-button" onClick={followMe.stop}>
            Stop
          </button>
        </div>
      )}
      {notice && (
        <Notice severity={notice.severity} onDismiss={() => setNotice(null)}>
          {notice.text}
        </Notice>
      )}
      <div className="board-body">
        <main className="canvas" aria-label="Whiteboard" aria-busy={!sync.loaded}>
          {!sync.loaded && sync.broughtBack === 0 && (
            <div className="loading" data-testid="board-loading">
              Loading board…
            </div>
          )}
          {!sync.loaded && sync.broughtBack > 0 && (
            // the brought-back shapes stay in view; the rest of the board comes with the connection
            <div className="loading-strip" role="status" data-testid="board-loading">
              Showing your {sync.broughtBack === 1 ? "unsent change" : `${sync.broughtBack} unsent changes`}; the rest of the
              board appears when it connects.
            </div>
          )}
          <Excalidraw
            excalidrawAPI={onApi}
            onChange={sync.onChange}
            onPointerUpdate={presence.onPointerUpdate}
            onScrollChange={presence.onScrollChange}
            isCollaborating={boardId !== null}
            viewModeEnabled={readOnly}
            name={title ?? "Mockboard board"}
            // no "Open" (a file over a shared board) and no "Reset the canvas", from the menu, shortcuts or palette
            UIOptions={{ canvasActions: { loadScene: false, clearCanvas: false } }}
          >
            <BoardMenu api={api} manages={manages} onNotice={(text, severity) => setNotice({ text, severity })} />
          </Excalidraw>
          <ProtectedBadges api={api} />
          <CallVideos state={call.state} nameOf={(id) => names.get(id) ?? "Someone"} />
        </main>
        {interview.panel && <InterviewerPanel {...interview.panel} />}
      </div>
    </div>
  );
}
