import { jsonBody, type Http } from "../api/http";

/** The board's session and what the signed-in person may do on it. */
export type BoardContext = {
  sessionId: string | null;
  role: string;
  ended: boolean;
  controlsSteps: boolean;
  seesPrivate: boolean;
  /** May load a file over the whole board or clear it (interviewers; the owner of their own board). */
  replacesBoard: boolean;
  /** May protect elements and change protected ones [S12] (interviewers). */
  protectsElements: boolean;
};

export type FlowStep = { id: string; number: number; title: string; minutes: number };
export type Move = { step: string; at: string; by: string };
export type Flow = {
  sessionId: string;
  framework: string;
  steps: FlowStep[];
  current: string | null;
  since: string | null;
  moves: Move[];
  now: string;
  /** When the session ended (timers stop there); null while it runs. */
  endedAt: string | null;
};

export type Note = {
  id: string;
  sessionId?: string;
  author: string;
  at: string;
  body: string;
  elementIds: string[];
  criterion: string | null;
  /** Set when the note records that a probe of the probe bank was asked. */
  probeId?: string | null;
};

export type Probe = { id: string; probe: string; strongAnswer: string; askedAt: string | null; noteId: string | null };
export type StepProbes = { step: string; title: string; probes: Probe[] };
/** The probe bank of the session's case study; `caseStudy` is null (no steps) when the template is no case study. */
export type SessionProbes = { caseStudy: string | null; caseStudyTitle: string | null; steps: StepProbes[] };

export type Hint = {
  id: string;
  position: number;
  title: string;
  body: string;
  revealedAt: string | null;
  revealedBy: string | null;
  elementIds: string[];
};

export type KindCount = { kind: string; label: string; count: number; elementIds: string[] };
/** The session's board against its reference architecture (`GET /api/sessions/{id}/reference`). */
export type ReferenceCoverage = {
  referenceId: string;
  reference: string;
  coverage: {
    present: KindCount[];
    missing: KindCount[];
    extra: KindCount[];
    unrecognised: { text: string; shown: string }[];
    flowsPresent: { from: string; to: string; reversed: boolean }[];
    flowsMissing: { from: string; to: string; reversed: boolean }[];
    componentScore: number;
    flowScore: number;
  };
};

export type Criterion = {
  id: string;
  title: string;
  step: string | null;
  weight: number;
  description: string;
  levels: { level: number; descriptor: string }[];
  redFlags: string[];
  positiveSignals: string[];
};
export type Score = { criterion: string; level: number | null; evidence: string; noteIds: string[] };
export type Scorecard = {
  id: string;
  status: "draft" | "submitted";
  rubric: { id: string; version: number; content: { title: string; scale: { level: number; label: string }[]; criteria: Criterion[] } };
  scores: Score[];
  recommendation: string | null;
  summary: string;
  weightedScore: number | null;
  suggested: string | null;
};
export type Draft = { scores?: Score[]; recommendation?: string; summary?: string };

export const sessionApi = {
  context: (http: Http, boardId: string) => http.json<BoardContext>(`/api/boards/${boardId}/context`, "Loading the board"),
  flow: (http: Http, sessionId: string) => http.json<Flow>(`/api/sessions/${sessionId}/flow`, "Loading the steps"),
  moveTo: (http: Http, sessionId: string, step: string) =>
    http.json<Flow>(`/api/sessions/${sessionId}/flow/step`, "Moving to the step", jsonBody("POST", { step })),
  notes: (http: Http, sessionId: string) => http.json<Note[]>(`/api/sessions/${sessionId}/notes`, "Loading notes"),
  addNote: (http: Http, sessionId: string, body: string, elementIds: string[], criterion: string | null) =>
    http.json<Note>(`/api/sessions/${sessionId}/notes`, "Saving the note", jsonBody("POST", { body, elementIds, criterion })),
  probes: (http: Http, sessionId: string) => http.json<SessionProbes>(`/api/sessions/${sessionId}/probes`, "Loading the probes"),
  askProbe: (http: Http, sessionId: string, probeId: string) =>
    http.json<Note>(`/api/sessions/${sessionId}/probes/${encodeURIComponent(probeId)}/asked`, "Recording the probe", jsonBody("POST", {})),
  reference: (http: Http, sessionId: string) =>
    http.json<ReferenceCoverage>(`/api/sessions/${sessionId}/reference`, "Loading the reference architecture"),
  endPractice: (http: Http, sessionId: string) =>
    http.json<unknown>(`/api/practice/${sessionId}/end`, "Ending the practice", jsonBody("POST", {})),
  hints: (http: Http, sessionId: string) => http.json<Hint[]>(`/api/sessions/${sessionId}/hints`, "Loading hint cards"),
  addHint: (http: Http, sessionId: string, title: string, body: string) =>
    http.json<Hint>(`/api/sessions/${sessionId}/hints`, "Adding the card", jsonBody("POST", { title, body })),
  reveal: (http: Http, sessionId: string, hintId: string, elementIds: string[]) =>
    http.json<Hint>(`/api/sessions/${sessionId}/hints/${hintId}/reveal`, "Revealing the card", jsonBody("POST", { elementIds })),
  scorecard: (http: Http, sessionId: string) =>
    http.json<Scorecard>(`/api/sessions/${sessionId}/scorecard`, "Loading your scorecard"),
  saveScorecard: (http: Http, sessionId: string, draft: Draft) =>
    http.json<Scorecard>(`/api/sessions/${sessionId}/scorecard`, "Saving the scorecard", jsonBody("PUT", draft)),
  submitScorecard: (http: Http, sessionId: string) =>
    http.json<Scorecard>(`/api/sessions/${sessionId}/scorecard/submit`, "Submitting the scorecard", jsonBody("POST", {})),
};
