import type { ElementJson } from "../sync/protocol";

/** Element types this board shows. */
const TYPES = new Set([
  "rectangle", "diamond", "ellipse", "arrow", "line", "freedraw", "text", "image", "frame",
  "magicframe", "embeddable", "iframe", "selection",
]);
const LINEAR = new Set(["arrow", "line", "freedraw"]);
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * Whether Excalidraw's fractional indexing accepts an order key: a head letter that says how long the
 * integer part is, base-62 digits, and a fraction that does not end in '0' (the server's rule too).
 */
export function isOrderKey(key: string): boolean {
  if (key.length === 0 || key === "A" + "0".repeat(26)) return false;
  for (const c of key) if (!BASE62.includes(c)) return false;
  const head = key.charCodeAt(0);
  let integer: number;
  if (head >= 97 && head <= 122) integer = head - 97 + 2;
  else if (head >= 65 && head <= 90) integer = 90 - head + 2;
  else return false;
  return key.length >= integer && (key.length === integer || !key.endsWith("0"));
}

const finite = (v: unknown) => typeof v === "number" && Number.isFinite(v);

/**
 * What to do with an element another client sent (or the log holds): show it as it is, repair it
 * (Excalidraw's own restore fills the fields it needs), or skip it (nothing usable).
 */
export function verdict(value: unknown): "ok" | "repair" | "skip" {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "skip";
  const e = value as Record<string, unknown>;
  if (typeof e.id !== "string" || e.id.length === 0 || typeof e.type !== "string" || !TYPES.has(e.type)) return "skip";
  if (!["x", "y", "width", "height"].every((k) => finite(e[k])) || !finite(e.version)) return "skip";
  if (LINEAR.has(e.type) && !Array.isArray(e.points)) return "skip";
  const complete =
    Array.isArray(e.groupIds) &&
    (e.boundElements === null || e.boundElements === undefined || Array.isArray(e.boundElements)) &&
    (e.index === null || e.index === undefined || (typeof e.index === "string" && isOrderKey(e.index))) &&
    typeof e.isDeleted === "boolean" &&
    finite(e.versionNonce) &&
    (e.type !== "text" || (typeof e.text === "string" && finite(e.fontSize) && finite(e.fontFamily)));
  return complete ? "ok" : "repair";
}

export type Sanitized = { elements: ElementJson[]; skipped: string[]; repaired: string[] };

/**
 * Remote elements the canvas can take: sound ones as they are, broken ones repaired by {@code restore}
 * (Excalidraw's restoreElements: missing fields get defaults, an invalid order key a new one), and what
 * cannot be repaired left out, by id, so the page can say so. Never throws.
 */
export function sanitize(elements: unknown[], restore: (broken: ElementJson[]) => ElementJson[]): Sanitized {
  const result: Sanitized = { elements: [], skipped: [], repaired: [] };
  for (const element of elements) {
    const v = verdict(element);
    const id = typeof (element as { id?: unknown })?.id === "string" ? (element as { id: string }).id : "?";
    if (v === "ok") {
      result.elements.push(element as ElementJson);
      continue;
    }
    if (v === "repair") {
      try {
        const broken = { ...(element as ElementJson) };
        if (typeof broken.index !== "string" || !isOrderKey(broken.index)) broken.index = null;
        const [repaired] = restore([broken]);
        if (repaired && verdict(repaired) === "ok") {
          result.elements.push(repaired);
          result.repaired.push(id);
          continue;
        }
      } catch {
        /* not repairable: skipped below */
      }
    }
    result.skipped.push(id);
  }
  return result;
}
