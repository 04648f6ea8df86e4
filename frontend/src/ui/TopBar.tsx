import type { ReactNode } from "react";

/** The canvas pages' top bar: the way home, the page's title, then the page's own items. */
export function TopBar({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <header className="topbar">
      <a className="brand" href="/home">
        <span className="brand-mark" aria-hidden="true" />
        Mockboard
      </a>
      <span className="board-title">{title}</span>
      {children}
    </header>
  );
}

/** A message under the top bar; errors are announced at once, the rest politely. */
export function Notice({ severity, children, onDismiss }: { severity: "info" | "error"; children: ReactNode; onDismiss?: () => void }) {
  return (
    <div className={`notice ${severity}`} role={severity === "error" ? "alert" : "status"}>
      {children}
      {onDismiss && (
        <button type="button" onClick={onDismiss} aria-label="Dismiss">
          ×
        </button>
      )}
    </div>
  );
}
