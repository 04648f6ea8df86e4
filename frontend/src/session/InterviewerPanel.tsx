import { useEffect, useRef, useState } from "react";
import type { Http } from "../api/http";
import type { Flow, Hint, Note, SessionProbes } from "./api";
import { HintCards } from "./HintCards";
import { ProbeList } from "./ProbeList";
import { ReferencePanel } from "./ReferencePanel";
import { ScorecardForm } from "./ScorecardForm";
import { useTick } from "./StepBar";
import { clock } from "./timer";

export type InterviewerPanelProps = {
  flow: Flow | null;
  notes: Note[];
  skewMs: number;
  canControl: boolean;
  selection: () => string[];
  select: (ids: string[]) => void;
  onMove: (step: string) => void;
  onNote: (body: string, elementIds: string[], criterion: string | null) => Promise<void>;
  hints: Hint[];
  /** The probe bank of the session's case study (null while loading). */
  probes: SessionProbes | null;
  onAsk: (probeId: string) => Promise<void>;
  onReveal: (hint: Hint) => Promise<void>;
  onAddHint: (title: string, body: string) => Promise<void>;
  onClose: () => void;
  http: Http;
  sessionId: string;
  /** Opened with Alt+N: start on a new note (the selection pinned, the note box focused). */
  startWithNote?: boolean;
  /** Practising alone: no probes or hint cards; the scorecard is a self-score; the reference opens at the end. */
  practice: boolean;
  ended: boolean;
};

type Tab = "interview" | "scorecard" | "reference";

/** Time on each step so far, from the moves (the current step counts up to now). */
function timePerStep(flow: Flow, now: number, skewMs: number): Map<string, number> {
  const spent = new Map<string, number>();
  flow.moves.forEach((move, i) => {
    // the current step counts up to now, or to the end of an ended session
    const end = i + 1 < flow.moves.length ? Date.parse(flow.moves[i + 1].at) : flow.endedAt ? Date.parse(flow.endedAt) : now - skewMs;
    spent.set(move.step, (spent.get(move.step) ?? 0) + Math.max(0, end - Date.parse(move.at)));
  });
  return spent;
}

/**
 * The interviewer's side panel: the framework steps (click to move, time spent vs budget), the case study's
 * probes for the current step (one click records one asked), private, server-timestamped notes (Alt+N to write one, Ctrl+Enter to save), optionally pinned to the selected
 * elements. Candidates never get this panel, and the server never sends them its data.
 */
export function InterviewerPanel(props: InterviewerPanelProps) {
  const { flow, notes, skewMs, canControl, selection, select, onMove, onNote, onClose } = props;
  const now = useTick();
  const [body, setBody] = useState("");
  const [pin, setPin] = useState(true);
  const [criterion, setCriterion] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // opened for a note (Alt+N): the selection it pins is the one at that moment
  const [selected, setSelected] = useState<string[]>(() => (props.startWithNote ? selection() : []));
  const box = useRef<HTMLTextAreaElement>(null);
  // the tab picked, if any: an ended practice opens on the reference
  const [picked, setTab] = useState<Tab | null>(null);
  const { practice, ended } = props;
  const tab: Tab = picked ?? (practice && ended ? "reference" : "interview");

  const { startWithNote } = props;
  useEffect(() => {
    if (startWithNote) box.current?.focus();
  }, [startWithNote]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.shiftKey && (event.key === "n" || event.key === "N" || event.code === "KeyN")) {
        event.preventDefault();
        setSelected(selection());
        setTab("interview");
        window.setTimeout(() => box.current?.focus(), 0);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selection]);

  const started = flow?.moves[0]?.at ?? null;
  const spent = flow ? timePerStep(flow, now, skewMs) : new Map<string, number>();

  const save = async () => {
    const text = body.trim();
    if (!text || saving) return;
    setSaving(true);
    setError(null);
    try {
      await onNote(text, pin ? selection() : [], criterion || null);
      setBody("");
    } catch (e) {
      setError(e instanceof Error ? e.message : "The note was not saved");
    } finally {
      setSaving(false);
    }
  };

  return (
    <aside className={tab === "reference" ? "side-panel wide" : "side-panel"} aria-label={practice ? "Practice panel" : "Interviewer panel"}
      data-testid="interviewer-panel">
      <div className="side-head">
        <h2>{practice ? "Practice" : "Interviewer"}</h2>
        <button type="button" className="icon-button" aria-label="Close the panel" title="Close (Alt+I)" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="tabs" role="tablist" aria-label="Panel">
        <button type="button" role="tab" aria-selected={tab === "interview"} onClick={() => setTab("interview")}>Interview</button>
        <button type="button" role="tab" aria-selected={tab === "scorecard"} onClick={() => setTab("scorecard")}
          data-testid="tab-scorecard">{practice ? "Score yourself" : "Scorecard"}</button>
        {ended && (
          <button type="button" role="tab" aria-selected={tab === "reference"} onClick={() => setTab("reference")}
            data-testid="tab-reference">Reference</button>
        )}
      </div>
      {tab === "reference" ? (
        <ReferencePanel http={props.http} sessionId={props.sessionId} />
      ) : tab === "scorecard" ? (
        <ScorecardForm http={props.http} sessionId={props.sessionId} notes={notes} self={practice} />
      ) : (
        <>
      {flow && (
        <section aria-labelledby="steps-title">
          <h3 id="steps-title">Steps</h3>
          <ol className="step-list">
            {flow.steps.map((step) => {
              const ms = spent.get(step.id) ?? 0;
              const over = ms > step.minutes * 60_000;
              return (
                <li key={step.id} className={step.id === flow.current ? "current" : ""}>
                  <button type="button" disabled={!canControl || step.id === flow.current || !flow.current}
                    onClick={() => onMove(step.id)} data-testid={`go-${step.id}`}>
                    <span>{step.number}. {step.title}</span>
                    <span className={over ? "spent over" : "spent"}>
                      {ms > 0 ? clock(ms) : "—"} / {step.minutes}m
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </section>
      )}
      {!practice && <ProbeList probes={props.probes} flow={flow} notes={notes} started={started} onAsk={props.onAsk} />}
      <section aria-labelledby="notes-title">
        <h3 id="notes-title">{practice ? "Notes to self" : "Private notes"}</h3>
        <form
          className="note-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor="note-body" className="visually-hidden">New note</label>
          <textarea id="note-body" ref={box} rows={3} maxLength={4000} value={body} placeholder="What did you notice? (Alt+N)"
            onFocus={() => setSelected(selection())}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void save();
              }
              e.stopPropagation(); // typing here must not trigger the canvas' shortcuts
            }} />
          <label className="pin">
            <input type="checkbox" checked={pin} onChange={(e) => setPin(e.target.checked)} />
            Pin to the selection ({selected.length} element{selected.length === 1 ? "" : "s"})
          </label>
          {flow && (
            <select aria-label="Rubric criterion" className="text-input" value={criterion} onChange={(e) => setCriterion(e.target.value)}>
              <option value="">No criterion</option>
              {flow.steps.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
              <option value="communication">Communication</option>
            </select>
          )}
          {error && <p className="form-error" role="alert">{error}</p>}
          <button type="submit" className="button" disabled={saving || !body.trim()}>
            {saving ? "Saving…" : "Add note"}
          </button>
        </form>
        {notes.length === 0 ? (
          <p className="empty-note">
            {practice ? "No notes yet. They are timestamped and yours alone." : "No notes yet. They are timestamped and only interviewers see them."}
          </p>
        ) : (
          <ul className="note-list" data-testid="notes">
            {[...notes].reverse().map((note) => (
              <li key={note.id}>
                <div className="note-meta">
                  <time dateTime={note.at}>{started ? clock(Math.max(0, Date.parse(note.at) - Date.parse(started))) : new Date(note.at).toLocaleTimeString()}</time>
                  <span>{note.author}</span>
                  {note.criterion && <span className="tag">{flow?.steps.find((s) => s.id === note.criterion)?.title ?? note.criterion}</span>}
                </div>
                <p>{note.body}</p>
                {note.elementIds.length > 0 && (
                  <button type="button" className="link" onClick={() => select(note.elementIds)}>
                    Show the {note.elementIds.length} pinned element{note.elementIds.length === 1 ? "" : "s"}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {!practice && <HintCards hints={props.hints} canReveal={canControl} onReveal={props.onReveal} onAdd={props.onAddHint} select={select} />}
        </>
      )}
    </aside>
  );
}
