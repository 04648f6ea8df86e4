import { useState } from "react";

/**
 * "End practice" in the top bar of one's own practice board: asks first (the board becomes read-only), then ends it;
 * the panel then shows the reference next to the board and the self-scorecard.
 */
export function EndPractice({ onEnd }: { onEnd: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const [ending, setEnding] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="panel-toggle end-practice" data-testid="end-practice" onClick={() => setAsking(true)}>
        End practice
      </button>
    );
  }
  return (
    <span className="confirm-inline" role="group" aria-label="End the practice?">
      <span>End now? Your board becomes read-only and the reference is revealed.</span>
      <button type="button" className="panel-toggle end-practice" data-testid="end-practice-confirm" disabled={ending} autoFocus
        onClick={() => {
          setEnding(true);
          void onEnd().finally(() => {
            setEnding(false);
            setAsking(false);
          });
        }}>
        {ending ? "Ending…" : "End"}
      </button>
      <button type="button" className="panel-toggle" onClick={() => setAsking(false)}>Keep going</button>
    </span>
  );
}
