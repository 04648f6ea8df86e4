import type { Peer, PeerPresence, Viewport } from "../sync/protocol";

/** One sampled presence as the replay API sends it. */
export type PresenceSample = {
  id: number;
  at: string;
  userId: string;
  name: string;
  cursorX: number | null;
  cursorY: number | null;
  viewport: Viewport | null;
  laser: [number, number][] | null;
  selection: string[] | null;
  idle: "active" | "idle" | "away";
};

/** The replay's participant colours, in order of first appearance (the live board's palette). */
export const REPLAY_COLORS = ["#e03131", "#1971c2", "#2f9e44", "#f08c00", "#9c36b5", "#0c8599", "#e8590c", "#6741d9"];

type Timed = { t: number; sample: PresenceSample };

/**
 * Sampled presence over time, per participant: what each one's cursor, viewport and selection were at any
 * moment of the recording: their latest sample at or before it, however old, unless it says "away". The
 * recorder writes a sample only when a presence changed (PresenceRecorder), so an old sample is not a stale
 * one: it is where a participant who holds still still is. (A fixed staleness limit made everyone who had not
 * moved for 30 s vanish from the replay.)
 */
export class PresenceTrack {
  private readonly byUser = new Map<string, Timed[]>();
  private readonly colors = new Map<string, string>();
  private count = 0;

  add(samples: PresenceSample[]): void {
    for (const sample of samples) {
      if (!this.colors.has(sample.userId)) this.colors.set(sample.userId, REPLAY_COLORS[this.colors.size % REPLAY_COLORS.length]);
      const track = this.byUser.get(sample.userId) ?? [];
      const t = Date.parse(sample.at);
      // samples arrive in id order, nearly in time order; keep each track sorted
      let i = track.length;
      while (i > 0 && track[i - 1].t > t) i--;
      track.splice(i, 0, { t, sample });
      this.byUser.set(sample.userId, track);
      this.count++;
    }
  }

  /** A new track with these samples added (this one is left as it is). */
  with(samples: PresenceSample[]): PresenceTrack {
    const next = new PresenceTrack();
    for (const [user, track] of this.byUser) next.byUser.set(user, [...track]);
    for (const [user, color] of this.colors) next.colors.set(user, color);
    next.count = this.count;
    next.add(samples);
    return next;
  }

  /** How many samples the track holds. */
  get size(): number {
    return this.count;
  }

  colorOf(userId: string): string {
    return this.colors.get(userId) ?? "#868e96";
  }

  /** Everyone's presence at moment t (ms since epoch), skipping those with no sample yet and those away. */
  at(t: number): PresenceSample[] {
    const result: PresenceSample[] = [];
    for (const track of this.byUser.values()) {
      let lo = 0;
      let hi = track.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (track[mid].t <= t) {
          found = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      if (found >= 0 && track[found].sample.idle !== "away") result.push(track[found].sample);
    }
    return result;
  }

  /** The same presence in the live board's shapes, so Excalidraw draws the recorded cursors like live ones. */
  asPeers(samples: PresenceSample[]): { peers: Peer[]; presence: Map<string, PeerPresence> } {
    const peers: Peer[] = [];
    const presence = new Map<string, PeerPresence>();
    for (const s of samples) {
      peers.push({ sessionId: s.userId, userId: s.userId, name: s.name, role: "", color: this.colorOf(s.userId) });
      presence.set(s.userId, {
        t: "presence",
        sessionId: s.userId,
        userId: s.userId,
        cursor: s.cursorX === null || s.cursorY === null ? null : { x: s.cursorX, y: s.cursorY },
        selection: s.selection ?? [],
        viewport: s.viewport,
        laser: s.laser,
        idle: s.idle,
      });
    }
    return { peers, presence };
  }
}
