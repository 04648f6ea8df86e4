import { assertNever } from "../assertNever";
import type { SyncStatus } from "../sync/SyncClient";

/** Connection state in plain words, always visible in the top bar. */
export function StatusBadge({ status, unsent }: { status: SyncStatus; unsent: number }) {
  const unsentText = unsent > 0 ? ` · ${unsent} unsent change${unsent === 1 ? "" : "s"}` : "";
  switch (status.kind) {
    case "live":
      return (
        <span className="status live" role="status" data-testid="sync-status" data-state="live">
          Live{unsent > 0 ? " · saving…" : " · all changes saved"}
        </span>
      );
    case "connecting":
      return (
        <span className="status connecting" role="status" data-testid="sync-status" data-state="connecting">
          Connecting…{unsentText}
        </span>
      );
    case "reconnecting":
      return (
        <span className="status offline" role="status" data-testid="sync-status" data-state="reconnecting">
          Offline, retrying in {Math.ceil(status.retryInMs / 1000)} s{unsentText}
        </span>
      );
    case "signed-out":
      return (
        <span className="status failed" role="alert" data-testid="sync-status" data-state="signed-out">
          Signed out{unsentText ? `${unsentText} kept` : ""}
        </span>
      );
    case "failed":
      return (
        <span className="status failed" role="alert" data-testid="sync-status" data-state="failed">
          {status.reason}
          {unsentText}
        </span>
      );
    default:
      return assertNever(status);
  }
}
