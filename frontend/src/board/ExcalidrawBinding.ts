import { CaptureUpdateAction, reconcileElements } from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { ElementJson } from "../sync/protocol";
import { sanitize } from "./remoteElements";

/** What the binding needs of the sync client. */
export interface ElementSink {
  push(elements: ElementJson[]): void;
}

type SceneApi = Pick<ExcalidrawImperativeAPI, "getSceneElementsIncludingDeleted" | "getAppState" | "updateScene">;

/** Largest push; bigger local changes (a pasted library, a big selection moved) are split. */
export const MAX_ELEMENTS_PER_PUSH = 500;

/**
 * Binds one Excalidraw canvas to the sync client. Local changes: Excalidraw fires onChange many
 * times per gesture, so changes are collected by element version and flushed at most every
 * flushEveryMs. Remote changes: merged with Excalidraw's own reconcile (which keeps the element
 * being edited), applied with updateScene outside the undo history (so undo only undoes the
 * user's own changes), and remembered so they are never echoed back.
 */
export class ExcalidrawBinding {
  private readonly known = new Map<string, number>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly api: SceneApi,
    private readonly sink: ElementSink,
    private readonly flushEveryMs = 80,
    /** Repairs broken remote elements (Excalidraw's restoreElements on the page). */
    private readonly restore: (broken: ElementJson[]) => ElementJson[] = () => [],
    /** Told the ids of remote elements that could not be shown. */
    private readonly onSkipped: (ids: string[]) => void = () => {},
  ) {}

  /** Excalidraw's onChange. Cheap: only schedules a flush. */
  onChange(): void {
    if (this.flushTimer !== null) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, this.flushEveryMs);
  }

  /** Sends every element whose version differs from what the sync layer last saw. */
  flush(): void {
    const changed: ElementJson[] = [];
    for (const element of this.api.getSceneElementsIncludingDeleted()) {
      if (this.known.get(element.id) !== element.version) {
        this.known.set(element.id, element.version);
        changed.push(JSON.parse(JSON.stringify(element)) as ElementJson);
      }
    }
    for (let i = 0; i < changed.length; i += MAX_ELEMENTS_PER_PUSH) {
      this.sink.push(changed.slice(i, i + MAX_ELEMENTS_PER_PUSH));
    }
  }

  /** Merges remote elements into the scene without echoing them back. */
  applyRemote(incoming: ElementJson[]): void {
    this.merge(incoming);
  }

  /**
   * Puts a reloaded page's unsent changes back into the scene. They are still in the sync client's outbox (sent
   * again after the welcome with their own clientSeqs), so they are remembered as already handed over, exactly
   * like remote elements, and never become new pushes; their versions are kept, so every peer converges [S5].
   */
  bringBack(unsent: ElementJson[]): void {
    this.merge(unsent);
  }

  private merge(incoming: ElementJson[]): void {
    // A malformed element (an old client's, a hostile one's, a log from before validation) never reaches the
    // canvas as it is: repaired when Excalidraw can, else skipped and reported. A repaired one gets a new version
    // and is sent back, so the board heals for everyone.
    const { elements: remote, skipped, repaired } = sanitize(incoming, this.restore);
    if (skipped.length > 0) this.onSkipped(skipped);
    if (remote.length === 0) return;
    const local = this.api.getSceneElementsIncludingDeleted();
    const merged = reconcileElements(
      local,
      remote as unknown as Parameters<typeof reconcileElements>[1],
      this.api.getAppState(),
    );
    const byId = new Map(merged.map((e) => [e.id, e]));
    const mended = new Set(repaired);
    for (const element of remote) {
      if (mended.has(element.id)) continue; // a repair is a local change: flushed like one
      const now = byId.get(element.id);
      // Only when the remote version is what the scene now holds; a local version that won stays unsent.
      if (now && now.version === element.version && now.versionNonce === element.versionNonce) {
        this.known.set(element.id, element.version);
      }
    }
    this.api.updateScene({ elements: merged, captureUpdate: CaptureUpdateAction.NEVER });
  }

  /**
   * [S12] Undoes a push the server refused whole (it changed protected elements): its elements go back to the
   * server's versions whatever the local ones, and those the server does not have (new in that push) are removed.
   * Both are remembered, so nothing of it is sent again.
   */
  putBack(stored: ElementJson[], refused: ElementJson[]): void {
    const { elements } = sanitize(stored, this.restore);
    const byId = new Map(elements.map((e) => [e.id, e]));
    const gone = new Set(refused.filter((e) => !byId.has(e.id)).map((e) => e.id));
    if (byId.size === 0 && gone.size === 0) return;
    const scene = this.api.getSceneElementsIncludingDeleted().map((e) => {
      const back = byId.get(e.id);
      if (back) return back;
      return gone.has(e.id) ? { ...e, isDeleted: true } : e;
    });
    for (const element of scene) if (byId.has(element.id) || gone.has(element.id)) this.known.set(element.id, element.version);
    this.api.updateScene({ elements: scene as Parameters<SceneApi["updateScene"]>[0]["elements"], captureUpdate: CaptureUpdateAction.NEVER });
  }

  dispose(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flush();
  }
}
