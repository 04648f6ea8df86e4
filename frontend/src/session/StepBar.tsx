import { useEffect, useState } from "react";
import type { Flow } from "./api";
import { clock, elapsedMs, timerState } from "./timer";

type Props = {
  flow: Flow;
  skewMs: number;
  canControl: boolean;
  onMove: (step: string) => void;
};

/** Re-renders every second while mounted, for live timers. */
export function useTick(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * The framework step and its timer (elapsed vs budget, coloured near and over the budget), for everyone on
 * the board; interviewers also get previous/next (Alt+Shift+← / Alt+Shift+→).
 */
export function StepBar({ flow, skewMs, canControl, onMove }: Props) {
  const now = useTick();
  const index = flow.steps.findIndex((s) => s.id === flow.current);
  const step = index >= 0 ? flow.steps[index] : null;

  useEffect(() => {
    if (!canControl || flow.endedAt) return;
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey) return;
      const target = event.key === "ArrowRight" ? index + 1 : event.key === "ArrowLeft" ? index - 1 : -1;
      if (target >= 0 && target < flow.steps.length) {
        event.preventDefault();
        onMove(flow.steps[target].id);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canControl, flow.endedAt, flow.steps, index, onMove]);

  if (!step || !flow.since) {
    return (
      <span className="stepbar idle" data-testid="step-bar" data-step="">
        Steps start when the session starts
      </span>
    );
  }
  // an ended session's timer stops where the session ended: the final time of its last step
  const elapsed = flow.endedAt ? Math.max(0, Date.parse(flow.endedAt) - Date.parse(flow.since)) : elapsedMs(flow.since, now, skewMs);
  const state = timerState(elapsed, step.minutes);
  const controls = canControl && !flow.endedAt;
  return (
    <span className={`stepbar ${state}${flow.endedAt ? " ended" : ""}`} data-testid="step-bar" data-step={step.id} data-timer={state}
      data-ended={flow.endedAt ? "true" : undefined}>
      {controls && (
        <button type="button" className="step-nav" aria-label="Previous step" title="Previous step (Alt+Shift+←)"
          disabled={index === 0} onClick={() => onMove(flow.steps[index - 1].id)}>
          ‹
        </button>
      )}
      <span className="step-name">
        <span className="step-count">
          {step.number}/{flow.steps.length}
        </span>{" "}
        {step.title}
      </span>
      <span className="step-timer" aria-label={`${clock(elapsed)} of ${step.minutes} minutes`}>
        {clock(elapsed)} / {String(step.minutes).padStart(2, "0")}:00
      </span>
      {controls && (
        <button type="button" className="step-nav" aria-label="Next step" title="Next step (Alt+Shift+→)"
          disabled={index === flow.steps.length - 1} onClick={() => onMove(flow.steps[index + 1].id)}>
          ›
        </button>
      )}
    </span>
  );
}
