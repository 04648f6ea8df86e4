import type { PendingPush } from "./PendingStore";
import type { ElementJson } from "./protocol";

/** One push: its clientSeq, its elements and their JSON size, and whether it went out on this connection. */
export type Pending = { clientSeq: number; elements: ElementJson[]; chars: number; sent: boolean };

type Sized = { element: ElementJson; chars: number };

/**
 * The client's unacknowledged pushes, in clientSeq order. Changes are split into pushes by count and size;
 * offline changes fold into the last push that was never sent. The queue only shrinks on an ack or a final
 * refusal, so nothing is lost across reconnects [S4][S6]. Every change of the queue (add, fold, ack, drop) is told to
 * `changed`, so the queue can also outlive the page.
 */
export class Outbox {
  private readonly pending: Pending[] = [];
  private nextClientSeq = 1;

  constructor(
    private readonly maxElements: number,
    private readonly maxChars: number,
    /** Told about an element no push can carry; it is left out. */
    private readonly tooLarge: (element: ElementJson, chars: number, limit: number) => void,
    /** Told the queue after each change: the next clientSeq and every unacknowledged push. */
    private readonly changed: (nextClientSeq: number, pending: readonly PendingPush[]) => void = () => {},
  ) {}

  /**
   * Starts from an earlier page's unacknowledged pushes (same clientId), to be sent again with their own clientSeqs.
   * They count as sent: the server may have stored them already, so no new change may fold into them [S4].
   */
  restore(nextClientSeq: number, pushes: readonly PendingPush[]): void {
    for (const { clientSeq, elements } of pushes) {
      const chars = elements.reduce((sum, e) => sum + JSON.stringify(e).length, 0);
      this.pending.push({ clientSeq, elements: [...elements], chars, sent: true });
    }
    this.nextClientSeq = Math.max(nextClientSeq, ...pushes.map((p) => p.clientSeq + 1));
  }

  /**
   * Queues changes; returns whether anything was queued. With `fold` (offline), they fold into the last push
   * that was never sent (latest version of each element wins) if the result still fits in one push.
   */
  add(elements: ElementJson[], fold: boolean): boolean {
    const sized: Sized[] = [];
    for (const element of elements) {
      const chars = JSON.stringify(element).length;
      if (chars > this.maxChars) {
        this.tooLarge(element, chars, this.maxChars);
        continue;
      }
      sized.push({ element, chars });
    }
    if (sized.length === 0) return false;
    const last = this.pending[this.pending.length - 1];
    if (fold && last && !last.sent && this.fold(last, sized)) {
      this.tell();
      return true;
    }
    // A large paste becomes several pushes, each well under the frame limit, sent in order.
    let chunk: Pending | null = null;
    for (const { element, chars } of sized) {
      if (!chunk || chunk.elements.length >= this.maxElements || chunk.chars + chars > this.maxChars) {
        chunk = { clientSeq: this.nextClientSeq++, elements: [], chars: 0, sent: false };
        this.pending.push(chunk);
      }
      chunk.elements.push(element);
      chunk.chars += chars;
    }
    this.tell();
    return true;
  }

  private fold(last: Pending, sized: Sized[]): boolean {
    const byId = new Map(last.elements.map((e) => [e.id, { element: e, chars: JSON.stringify(e).length }]));
    for (const entry of sized) byId.set(entry.element.id, entry);
    const chars = [...byId.values()].reduce((sum, e) => sum + e.chars, 0);
    if (byId.size > this.maxElements || chars > this.maxChars) return false;
    last.elements = [...byId.values()].map((e) => e.element);
    last.chars = chars;
    return true;
  }

  /** Every unacknowledged push, in clientSeq order. */
  get entries(): readonly Pending[] {
    return this.pending;
  }

  /** Pushes not sent on the current connection yet. */
  unsent(): Pending[] {
    return this.pending.filter((p) => !p.sent);
  }

  /** An ack covers its push and every earlier one. */
  acknowledge(clientSeq: number): void {
    const index = this.pending.findIndex((p) => p.clientSeq === clientSeq);
    if (index < 0) return;
    this.pending.splice(0, index + 1);
    this.tell();
  }

  /** Drops a push the server refused for good; returns whether it was queued. */
  drop(clientSeq: number): boolean {
    const index = this.pending.findIndex((p) => p.clientSeq === clientSeq);
    if (index < 0) return false;
    this.pending.splice(index, 1);
    this.tell();
    return true;
  }

  private tell(): void {
    this.changed(this.nextClientSeq, this.pending);
  }

  get length(): number {
    return this.pending.length;
  }

  /** Elements with changes the server has not acknowledged yet. */
  get elementCount(): number {
    return new Set(this.pending.flatMap((p) => p.elements.map((e) => e.id))).size;
  }
}
