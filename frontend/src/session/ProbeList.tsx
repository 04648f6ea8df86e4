import { useState } from "react";
import type { Flow, Note, SessionProbes } from "./api";
import { clock } from "./timer";

type Props = {
  probes: SessionProbes | null;
  flow: Flow | null;
  notes: Note[];
  /** When the session started, for "asked at 12:03" (else the wall clock). */
  started: string | null;
  onAsk: (probeId: string) => Promise<void>;
};

/**
 * The probe bank for a step: the follow-up questions of the session's case study, each with what a strong answer
 * names (folded), and one click to record it asked (a private note, so a marker in the replay and a line of the
 * review). It shows the current step's probes and follows the session from step to step; another step can be picked
 * to look ahead. A probe counts as asked once a note names it, whoever asked it.
 */
export function ProbeList({ probes, flow, notes, started, onAsk }: Props) {
  const current = flow?.current ?? probes?.steps[0]?.step ?? null;
  // a step picked to look ahead, and the session's step when it was picked: a move brings the list to the new step
  const [picked, setPicked] = useState<{ step: string; during: string | null } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (probes === null) return <Section><p className="empty-note">Loading the probes…</p></Section>;
  if (probes.caseStudy === null) {
    return (
      <Section>
        <p className="empty-note" data-testid="no-probes">
          This session is not from a case study, so it has no probe bank. Hint cards and notes work as usual.
        </p>
      </Section>
    );
  }
  const shown = probes.steps.find((s) => s.step === (picked?.during === current ? picked.step : current)) ?? probes.steps[0];
  const asked = new Map(notes.filter((n) => n.probeId).map((n) => [n.probeId as string, n]));
  const askedHere = shown.probes.filter((p) => asked.has(p.id)).length;

  const ask = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await onAsk(id);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The probe was not recorded");
    } finally {
      setBusy(null);
    }
  };

  return (
    <Section>
      <label className="probe-step">
        <span className="visually-hidden">Probes for the step</span>
        <select className="text-input" value={shown.step} onChange={(e) => setPicked({ step: e.target.value, during: current })} data-testid="probe-step">
          {probes.steps.map((s) => (
            <option key={s.step} value={s.step}>
              {s.title}{s.step === current ? " (now)" : ""}
            </option>
          ))}
        </select>
        <span className="spent">{askedHere}/{shown.probes.length} asked</span>
      </label>
      <ol className="probe-list" data-testid="probes">
        {shown.probes.map((probe) => {
          const note = asked.get(probe.id);
          return (
            <li key={probe.id} className={note ? "asked" : ""} data-testid={`probe-${probe.id}`}>
              <p>{probe.probe}</p>
              <details className="flags">
                <summary>What a strong answer names</summary>
                <p className="anchor">{probe.strongAnswer}</p>
              </details>
              {note ? (
                <span className="asked-at" data-testid="asked">
                  ✓ Asked <time dateTime={note.at}>{at(note.at, started)}</time>
                </span>
              ) : (
                <button type="button" className="button small" disabled={busy !== null} onClick={() => void ask(probe.id)}>
                  {busy === probe.id ? "Recording…" : "Mark asked"}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {error && <p className="form-error" role="alert">{error}</p>}
    </Section>
  );
}

function Section({ children }: { children: React.ReactNode }) {
  return (
    <section aria-labelledby="probes-title">
      <h3 id="probes-title">Probes</h3>
      {children}
    </section>
  );
}

function at(when: string, started: string | null): string {
  return started ? clock(Math.max(0, Date.parse(when) - Date.parse(started))) : new Date(when).toLocaleTimeString();
}
