import type { Viewport } from "../sync/protocol";

/**
 * Scroll and zoom that show the leader's viewport centre at the leader's zoom in a canvas of the
 * given size (Excalidraw: the visible scene starts at (-scrollX, -scrollY) and spans size / zoom).
 */
export function followViewport(leader: Viewport, width: number, height: number) {
  const zoom = Math.min(30, Math.max(0.1, leader.zoom));
  const centreX = leader.x + leader.width / 2;
  const centreY = leader.y + leader.height / 2;
  return {
    scrollX: width / zoom / 2 - centreX,
    scrollY: height / zoom / 2 - centreY,
    zoom,
  };
}
