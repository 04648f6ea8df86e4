import { useState } from "react";
import type { Hint } from "./api";

type HintProps = {
  hints: Hint[];
  canReveal: boolean;
  onReveal: (hint: Hint) => Promise<void>;
  onAdd: (title: string, body: string) => Promise<void>;
  select: (ids: string[]) => void;
};

/** The hidden layer: cards only interviewers see, each revealed into the shared board with one click. */
export function HintCards({ hints, canReveal, onReveal, onAdd, select }: HintProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");

  const run = async (key: string, action: () => Promise<void>) => {
    setBusy(key);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : "That did not work");
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="hints-title">
      <h3 id="hints-title">Hint cards</h3>
      <ul className="hint-list" data-testid="hints">
        {hints.map((hint) => (
          <li key={hint.id} className={hint.revealedAt ? "revealed" : ""} data-testid={`hint-${hint.position}`}>
            <strong>{hint.title}</strong>
            {hint.body && <p>{hint.body}</p>}
            {hint.revealedAt ? (
              <button type="button" className="link" onClick={() => select(hint.elementIds)}>
                Revealed {new Date(hint.revealedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}: show it
              </button>
            ) : (
              <button type="button" className="button small" disabled={!canReveal || busy !== null}
                onClick={() => void run(hint.id, () => onReveal(hint))}>
                {busy === hint.id ? "Revealing…" : "Reveal on the board"}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && <p className="form-error" role="alert">{error}</p>}
      {adding ? (
        <form className="note-form" onSubmit={(e) => {
          e.preventDefault();
          void run("new", async () => {
            await onAdd(title, body);
            setTitle("");
            setBody("");
            setAdding(false);
          });
        }}>
          <label htmlFor="hint-title" className="visually-hidden">Card title</label>
          <input id="hint-title" className="text-input" maxLength={120} required placeholder="e.g. Now it must run on-device"
            value={title} onChange={(e) => setTitle(e.target.value)} onKeyDown={(e) => e.stopPropagation()} />
          <label htmlFor="hint-body" className="visually-hidden">Card text</label>
          <textarea id="hint-body" rows={2} maxLength={2000} placeholder="What the candidate reads (optional)"
            value={body} onChange={(e) => setBody(e.target.value)} onKeyDown={(e) => e.stopPropagation()} />
          <button type="submit" className="button" disabled={!title.trim() || busy !== null}>Add card</button>
        </form>
      ) : (
        <button type="button" className="link" onClick={() => setAdding(true)}>+ Add a card</button>
      )}
    </section>
  );
}
