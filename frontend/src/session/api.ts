import type { Api } from "../board/files";

/** The board's session and what the signed-in person may do on it. */
export type BoardContext = {
  sessionId: string | null;
  role: string;
  ended: boolean;
  controlsSteps: boolean;
  seesPrivate: boolean;
  /** May load a file over the whole board or clear it (interviewers; the owner of their own board). */
  replacesBoard: boolean;
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
};

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) {
    let detail = "";
    try {
      detail = ((await response.json()) as { detail?: string }).detail ?? "";
    } catch {
      /* not a problem document */
    }
    throw new Error(detail || `${what} failed (${response.status})`);
  }
  return (await response.json()) as T;
}

const post = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

export type Hint = {
  id: string;
  position: number;
  title: string;
  body: string;
  revealedAt: string | null;
  revealedBy: string | null;
  elementIds: string[];
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

const put = (body: unknown): RequestInit => ({ ...post(body), method: "PUT" });

export const sessionApi = {
  context: async (http: Api, boardId: string) => json<BoardContext>(await http.fetch(`/api/boards/${boardId}/context`), "Loading the board"),
  flow: async (http: Api, sessionId: string) => json<Flow>(await http.fetch(`/api/sessions/${sessionId}/flow`), "Loading the steps"),
  moveTo: async (http: Api, sessionId: string, step: string) =>
    json<Flow>(await http.fetch(`/api/sessions/${sessionId}/flow/step`, post({ step })), "Moving to the step"),
  notes: async (http: Api, sessionId: string) => json<Note[]>(await http.fetch(`/api/sessions/${sessionId}/notes`), "Loading notes"),
  addNote: async (http: Api, sessionId: string, body: string, elementIds: string[], criterion: string | null) =>
    json<Note>(await http.fetch(`/api/sessions/${sessionId}/notes`, post({ body, elementIds, criterion })), "Saving the note"),
  hints: async (http: Api, sessionId: string) => json<Hint[]>(await http.fetch(`/api/sessions/${sessionId}/hints`), "Loading hint cards"),
  addHint: async (http: Api, sessionId: string, title: string, body: string) =>
    json<Hint>(await http.fetch(`/api/sessions/${sessionId}/hints`, post({ title, body })), "Adding the card"),
  reveal: async (http: Api, sessionId: string, hintId: string, elementIds: string[]) =>
    json<Hint>(await http.fetch(`/api/sessions/${sessionId}/hints/${hintId}/reveal`, post({ elementIds })), "Revealing the card"),
  scorecard: async (http: Api, sessionId: string) =>
    json<Scorecard>(await http.fetch(`/api/sessions/${sessionId}/scorecard`), "Loading your scorecard"),
  saveScorecard: async (http: Api, sessionId: string, draft: Draft) =>
    json<Scorecard>(await http.fetch(`/api/sessions/${sessionId}/scorecard`, put(draft)), "Saving the scorecard"),
  submitScorecard: async (http: Api, sessionId: string) =>
    json<Scorecard>(await http.fetch(`/api/sessions/${sessionId}/scorecard/submit`, post({})), "Submitting the scorecard"),
};
