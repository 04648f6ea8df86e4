import { useCallback, useEffect, useRef, useState } from "react";
import type { Http } from "../api/http";
import { sessionApi, type Draft, type Note, type Score, type Scorecard } from "./api";

const RECOMMENDATIONS: { value: string; label: string }[] = [
  { value: "strong_no_hire", label: "Strong no hire" },
  { value: "no_hire", label: "No hire" },
  { value: "hire", label: "Hire" },
  { value: "strong_hire", label: "Strong hire" },
];

/** `self`: the person scores their own practice (the prompts speak to them). */
type Props = { http: Http; sessionId: string; notes: Note[]; self?: boolean };

/** What keeps a scorecard from being submitted, with the field to take the person to; null when it can go. */
export function missingForSubmit(card: Scorecard): { message: string; field: string } | null {
  const missing = card.rubric.content.criteria.filter((c) => !card.scores.find((s) => s.criterion === c.id)?.level);
  if (missing.length > 0) {
    return {
      message: `Give a level for every criterion before submitting; missing: ${missing.map((c) => c.title).join(", ")}`,
      field: `criterion-${missing[0].id}`,
    };
  }
  if (!card.recommendation) return { message: "Choose an overall recommendation before submitting", field: "recommendation" };
  return null;
}

/** Brings a scorecard field into view and puts the keyboard on it. */
function focusField(field: string): void {
  const box = document.querySelector<HTMLElement>(`[data-testid='${field}']`);
  box?.scrollIntoView({ block: "center" });
  box?.querySelector<HTMLElement>("input, textarea")?.focus({ preventScroll: true });
}

/**
 * The interviewer's own scorecard: a level and evidence per criterion (evidence can link to notes), the
 * overall recommendation (four points, no neutral) and a summary. Saved as a draft as you type; submitted once.
 */
export function ScorecardForm({ http, sessionId, notes, self = false }: Props) {
  const [card, setCard] = useState<Scorecard | null>(null);
  const [state, setState] = useState<"idle" | "saving" | "saved" | "error">("idle");
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<Draft>({});
  const timer = useRef<number | null>(null);

  useEffect(() => {
    sessionApi.scorecard(http, sessionId).then(setCard, (e: Error) => setError(e.message));
  }, [http, sessionId]);

  const flush = useCallback(async () => {
    const draft = pending.current;
    pending.current = {};
    if (!draft.scores && draft.recommendation === undefined && draft.summary === undefined) return;
    setState("saving");
    try {
      setCard(await sessionApi.saveScorecard(http, sessionId, draft));
      setState("saved");
      setError(null);
    } catch (e) {
      setState("error");
      setError(e instanceof Error ? e.message : "Not saved");
    }
  }, [http, sessionId]);

  const change = (draft: Draft, local: (c: Scorecard) => Scorecard) => {
    setCard((c) => (c ? local(c) : c));
    const merged = pending.current;
    if (draft.scores) {
      const byId = new Map((merged.scores ?? []).map((s) => [s.criterion, s]));
      draft.scores.forEach((s) => byId.set(s.criterion, s));
      merged.scores = [...byId.values()];
    }
    if (draft.recommendation !== undefined) merged.recommendation = draft.recommendation;
    if (draft.summary !== undefined) merged.summary = draft.summary;
    if (timer.current) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), 700);
  };

  const setScore = (score: Score) =>
    change({ scores: [score] }, (c) => ({ ...c, scores: c.scores.map((s) => (s.criterion === score.criterion ? score : s)) }));

  const submit = async () => {
    // checked before asking to confirm, and said where the person is looking (next to the button), with the
    // missing field brought into view and focused
    const missing = card ? missingForSubmit(card) : null;
    if (missing) {
      setError(missing.message);
      focusField(missing.field);
      return;
    }
    if (!window.confirm("Submit your scorecard? It cannot be changed afterwards.")) return;
    await flush();
    try {
      setCard(await sessionApi.submitScorecard(http, sessionId));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Not submitted");
    }
  };

  if (!card) return <p className="empty-note">{error ?? "Loading your scorecard…"}</p>;
  const done = card.status === "submitted";
  const scale = card.rubric.content.scale;

  return (
    <div className="scorecard" data-testid="scorecard" data-status={card.status}>
      <p className="muted-line">
        {card.rubric.content.title} · v{card.rubric.version}
        {card.weightedScore !== null && (
          <>
            {" · "}
            <strong data-testid="weighted-score">{card.weightedScore.toFixed(2)}</strong> / 4
          </>
        )}
      </p>
      {card.rubric.content.criteria.map((criterion) => {
        const score = card.scores.find((s) => s.criterion === criterion.id)!;
        const anchor = criterion.levels.find((l) => l.level === score.level)?.descriptor;
        return (
          <fieldset key={criterion.id} className="criterion" disabled={done} data-testid={`criterion-${criterion.id}`}>
            <legend>
              {criterion.title} <span className="weight">{criterion.weight}%</span>
            </legend>
            <div className="levels" role="radiogroup" aria-label={`${criterion.title} level`}>
              {scale.map((level) => (
                <label key={level.level} className={score.level === level.level ? "level on" : "level"}
                  title={criterion.levels.find((l) => l.level === level.level)?.descriptor}>
                  <input type="radio" name={`level-${criterion.id}`} value={level.level} checked={score.level === level.level}
                    onChange={() => setScore({ ...score, level: level.level })} />
                  {level.label}
                </label>
              ))}
            </div>
            {anchor && <p className="anchor">{anchor}</p>}
            {criterion.redFlags.length > 0 && (
              <details className="flags">
                <summary>Red flags and signals</summary>
                <ul>
                  {criterion.redFlags.map((f) => <li key={f} className="red">{f}</li>)}
                  {criterion.positiveSignals.map((f) => <li key={f} className="green">{f}</li>)}
                </ul>
              </details>
            )}
            <label className="visually-hidden" htmlFor={`evidence-${criterion.id}`}>Evidence for {criterion.title}</label>
            <textarea id={`evidence-${criterion.id}`} rows={2} maxLength={4000} placeholder={self ? "Evidence: what did you say or draw?" : "Evidence: what did they say or draw?"}
              value={score.evidence} onChange={(e) => setScore({ ...score, evidence: e.target.value })}
              onKeyDown={(e) => e.stopPropagation()} />
            {notes.length > 0 && !done && (
              <select aria-label={`Link a note to ${criterion.title}`} value=""
                onChange={(e) => e.target.value && setScore({ ...score, noteIds: [...new Set([...score.noteIds, e.target.value])] })}>
                <option value="">Link a note…</option>
                {notes.map((n) => <option key={n.id} value={n.id}>{n.body.slice(0, 60)}</option>)}
              </select>
            )}
            {score.noteIds.length > 0 && (
              <ul className="linked">
                {score.noteIds.map((id) => <li key={id}>↳ {notes.find((n) => n.id === id)?.body.slice(0, 80) ?? "a note"}</li>)}
              </ul>
            )}
          </fieldset>
        );
      })}
      <fieldset className="criterion" disabled={done} data-testid="recommendation">
        <legend>Overall recommendation</legend>
        <div className="levels" role="radiogroup" aria-label="Overall recommendation">
          {RECOMMENDATIONS.map((r) => (
            <label key={r.value} className={card.recommendation === r.value ? "level on" : "level"}>
              <input type="radio" name="recommendation" value={r.value} checked={card.recommendation === r.value}
                onChange={() => change({ recommendation: r.value }, (c) => ({ ...c, recommendation: r.value }))} />
              {r.label}
            </label>
          ))}
        </div>
        {card.suggested && (
          <p className="anchor">Suggested by the scores: {RECOMMENDATIONS.find((r) => r.value === card.suggested)?.label}</p>
        )}
        <label className="visually-hidden" htmlFor="summary">Summary</label>
        <textarea id="summary" rows={3} maxLength={8000} placeholder={self ? "What would you do differently next time?" : "Summary for the hiring decision"} value={card.summary}
          onChange={(e) => change({ summary: e.target.value }, (c) => ({ ...c, summary: e.target.value }))}
          onKeyDown={(e) => e.stopPropagation()} />
      </fieldset>
      {done ? (
        <p className="submitted" data-testid="scorecard-submitted">
          Submitted. <a href={`/sessions/${sessionId}/scorecards`} target="_blank" rel="noreferrer">All scorecards</a>
        </p>
      ) : (
        <div className="submit-row">
          {error && (
            <p className="form-error" role="alert" data-testid="scorecard-error">
              {error}
            </p>
          )}
          <span className="save-state" aria-live="polite">
            {state === "saving" ? "Saving…" : state === "saved" ? "Draft saved" : state === "error" ? "Not saved" : ""}
          </span>
          <button type="button" className="button" onClick={() => void submit()}>Submit scorecard</button>
        </div>
      )}
    </div>
  );
}
