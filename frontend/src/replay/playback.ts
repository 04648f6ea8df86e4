import { remoteWins, type ElementJson } from "../sync/protocol";

/** Opacity of the elements not by the highlighted author. */
export const FADED_OPACITY = 15;

/** Fades every element but those kept, so they stand out (elements are copied, never changed). */
export function fadeAllBut(elements: ElementJson[], keep: (e: ElementJson) => boolean): ElementJson[] {
  return elements.map((e) => (keep(e) ? e : { ...e, opacity: Math.min(Number(e.opacity ?? 100), FADED_OPACITY) }));
}

/**
 * Scene order, as Excalidraw orders a scene: by fractional `index` (plain string comparison of the order keys),
 * ties by id; elements without an index after those with one, in the order they came. Returns a new array.
 */
export function inSceneOrder(elements: ElementJson[]): ElementJson[] {
  const indexed = elements.filter((e) => typeof e.index === "string");
  const unindexed = elements.filter((e) => typeof e.index !== "string");
  indexed.sort((a, b) => compare(a.index as string, b.index as string) || compare(a.id, b.id));
  return [...indexed, ...unindexed];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One recorded op as the replay API sends it. */
export type RecordedOp = { seq: number; author: string; at: string; elements: ElementJson[]; corrupt: boolean };

/**
 * The board during playback: a scene at some seq, moved forward op by op (Excalidraw's merge rule, as the
 * live board applies it). Seeking elsewhere starts again from a scene the server built.
 */
export class PlaybackScene {
  private readonly elements = new Map<string, ElementJson>();
  /** Who last changed each element (filled from the server for a seek, then by every applied op). */
  readonly authors = new Map<string, string>();
  seq = 0;
  skipped: number[] = [];

  reset(seq: number, elements: ElementJson[]): void {
    this.elements.clear();
    this.authors.clear();
    elements.forEach((e) => this.elements.set(e.id, e));
    this.seq = seq;
  }

  /** Applies ops after the current seq in order; returns whether anything changed. */
  apply(ops: RecordedOp[]): boolean {
    let changed = false;
    for (const op of ops) {
      if (op.seq <= this.seq) continue;
      this.seq = op.seq;
      if (op.corrupt) {
        this.skipped.push(op.seq);
        continue;
      }
      for (const element of op.elements) {
        if (remoteWins(this.elements.get(element.id), element)) {
          this.elements.set(element.id, element);
          this.authors.set(element.id, op.author);
          changed = true;
        }
      }
    }
    return changed;
  }

  /** The scene to show, in scene order; with an author, everyone else's elements are faded so theirs stand out. */
  visible(highlight: string | null = null): ElementJson[] {
    const shown = inSceneOrder([...this.elements.values()].filter((e) => !e.isDeleted));
    return highlight === null ? shown : fadeAllBut(shown, (e) => this.authors.get(e.id) === highlight);
  }
}

/**
 * Where the playback clock goes next: forward by elapsed × speed, jumping over quiet time when asked. Quiet means
 * nothing is drawn and nobody speaks: `nextSpeechAt` is when someone next speaks (the clock itself while someone
 * speaks), null when nobody speaks again.
 */
export function advance(
  now: number,
  elapsedMs: number,
  speed: number,
  nextOpAt: number | null,
  skipIdle: boolean,
  end: number,
  nextSpeechAt: number | null = null,
): number {
  let next = now + elapsedMs * speed;
  const nextActivity = nextOpAt === null ? nextSpeechAt : nextSpeechAt === null ? nextOpAt : Math.min(nextOpAt, nextSpeechAt);
  // quiet stretches longer than two seconds of playback are skipped to a moment before the next change or word
  if (skipIdle && nextActivity !== null && nextActivity - next > 2_000 * speed) next = nextActivity - 500 * speed;
  return Math.min(next, end);
}

/** The scrubber position (0–1) of a moment. */
export function position(at: number, from: number, to: number): number {
  return to <= from ? 0 : Math.min(1, Math.max(0, (at - from) / (to - from)));
}

/** "m:ss" (or "h:mm:ss") since the start. */
export function sinceStart(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
