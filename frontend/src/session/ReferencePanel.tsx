import { useEffect, useState } from "react";
import type { Http } from "../api/http";
import { sessionApi, type ReferenceCoverage } from "./api";

/**
 * The reference architecture next to the board once the session has ended: the drawing, and how much of it the
 * board covers (component kinds and data flows present and missing), as on the review page.
 */
export function ReferencePanel({ http, sessionId }: { http: Http; sessionId: string }) {
  const [reference, setReference] = useState<ReferenceCoverage | null>(null);
  const [error, setError] = useState<string | null>(null);
  // the drawing comes with the sign-in's token, so it is fetched and shown from a blob
  const [drawing, setDrawing] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    let url: string | null = null;
    sessionApi.reference(http, sessionId).then(
      (loaded) => current && setReference(loaded),
      (e: Error) => current && setError(e.message),
    );
    void http.fetch(`/api/sessions/${sessionId}/reference/drawing.svg`).then(async (response) => {
      if (!response.ok || !current) return;
      url = URL.createObjectURL(await response.blob());
      setDrawing(url);
    }, () => undefined);
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [http, sessionId]);

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!reference) return <p className="empty-note">Loading the reference…</p>;
  const { coverage } = reference;
  return (
    <div className="reference" data-testid="reference">
      <h3>{reference.reference}</h3>
      {drawing ? (
        <a href={drawing} target="_blank" rel="noreferrer" title="Open the reference full size">
          <img src={drawing} alt={`The reference architecture: ${reference.reference}`} className="reference-drawing" />
        </a>
      ) : (
        <p className="empty-note">Drawing the reference…</p>
      )}
      <ul className="coverage-bars" data-testid="reference-scores">
        <Bar label="Components" share={coverage.componentScore} />
        <Bar label="Data flows" share={coverage.flowScore} />
      </ul>
      <Chips title="On your board" kinds={coverage.present.map((k) => k.label)} tone="ok" empty="None of the reference's components yet." />
      <Chips title="Missing" kinds={coverage.missing.map((k) => k.label)} tone="missing" empty="None: every component is there." />
      {coverage.flowsMissing.length > 0 && (
        <>
          <h4>Missing data flows</h4>
          <ul className="flow-list">
            {coverage.flowsMissing.map((f) => <li key={`${f.from}-${f.to}`}>{label(coverage, f.from)} → {label(coverage, f.to)}</li>)}
          </ul>
        </>
      )}
      {coverage.unrecognised.length > 0 && (
        <p className="muted-line">Not recognised: {coverage.unrecognised.map((u) => `“${u.shown}”`).join(", ")}</p>
      )}
    </div>
  );
}

function Bar({ label, share }: { label: string; share: number }) {
  const percent = Math.round(share * 100);
  return (
    <li>
      <span>{label}</span>
      <span className="bar-track" role="img" aria-label={`${percent}% of the reference's ${label.toLowerCase()}`}>
        <span className="bar-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="spent">{percent}%</span>
    </li>
  );
}

function Chips({ title, kinds, tone, empty }: { title: string; kinds: string[]; tone: string; empty: string }) {
  return (
    <>
      <h4>{title}</h4>
      {kinds.length === 0 ? <p className="muted-line">{empty}</p> : (
        <ul className="kind-chips">{kinds.map((k) => <li key={k} className={tone}>{k}</li>)}</ul>
      )}
    </>
  );
}

/** A kind's label from the coverage's own lists (the wire name when it is in none). */
function label(coverage: ReferenceCoverage["coverage"], wire: string): string {
  return [...coverage.present, ...coverage.missing, ...coverage.extra].find((k) => k.kind === wire)?.label ?? wire;
}
