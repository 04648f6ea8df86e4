import type { PresenceSample } from "./presenceTrack";

export type Scroll = { scrollX: number; scrollY: number; zoom: number };

/** Each participant's recorded visible area, outlined over the canvas in their colour. */
export function ViewportOutlines({ present, scroll, colorOf }: { present: PresenceSample[]; scroll: Scroll; colorOf: (userId: string) => string }) {
  return (
    <>
      {present.map((p) =>
        p.viewport ? (
          <div key={p.userId} className="replay-viewport" data-testid="replay-viewport" aria-hidden="true"
            style={{
              left: (p.viewport.x + scroll.scrollX) * scroll.zoom,
              top: (p.viewport.y + scroll.scrollY) * scroll.zoom,
              width: p.viewport.width * scroll.zoom,
              height: p.viewport.height * scroll.zoom,
              borderColor: colorOf(p.userId),
            }}>
            <span style={{ background: colorOf(p.userId) }}>{p.name}'s view</span>
          </div>
        ) : null,
      )}
    </>
  );
}
