import { restoreElements } from "@excalidraw/excalidraw";
import type { ElementJson } from "../sync/protocol";

/** Excalidraw's own repair of elements read from elsewhere (missing fields get defaults, order keys are fixed). */
export function restoreRemote(broken: ElementJson[]): ElementJson[] {
  return restoreElements(broken as never, null, { refreshDimensions: false, repairBindings: false }) as unknown as ElementJson[];
}
