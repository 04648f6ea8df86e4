// The workload: realistic Excalidraw elements (~0.5 KB of JSON each) and cursor presence.
//
// Each client owns a few elements: a rectangle, the text bound to it, and a free-draw stroke, as
// someone sketching a box with a label and an arrow-ish scribble would. An update moves or
// resizes one of them (round robin), bumps its `version` and draws a fresh random `versionNonce`,
// exactly as Excalidraw does on every change.

const randomInt32 = () => (Math.random() * 0x100000000) | 0;
const round2 = (v) => Math.round(v * 100) / 100;

function base(id, type, index, x, y, width, height) {
  return {
    id,
    type,
    x,
    y,
    width,
    height,
    angle: 0,
    strokeColor: '#1e1e1e',
    backgroundColor: 'transparent',
    fillStyle: 'solid',
    strokeWidth: 2,
    strokeStyle: 'solid',
    roughness: 1,
    opacity: 100,
    groupIds: [],
    frameId: null,
    index,
    roundness: type === 'rectangle' ? { type: 3 } : null,
    seed: Math.floor(Math.random() * 2 ** 31),
    version: 1,
    versionNonce: randomInt32(),
    isDeleted: false,
    boundElements: null,
    updated: Date.now(),
    link: null,
    locked: false,
  };
}

/** The elements one client edits; ids are unique per client so (id, version) keys a delivery. */
export function clientElements(clientKey) {
  const x = Math.round(Math.random() * 1500);
  const y = Math.round(Math.random() * 900);
  const rect = base(`${clientKey}-rect`, 'rectangle', 'a0', x, y, 220, 90);
  const text = Object.assign(base(`${clientKey}-text`, 'text', 'a1', x + 40, y + 32, 140, 25), {
    text: 'Feature store (online)',
    fontSize: 20,
    fontFamily: 5,
    textAlign: 'center',
    verticalAlign: 'middle',
    containerId: rect.id,
    originalText: 'Feature store (online)',
    autoResize: true,
    lineHeight: 1.25,
  });
  rect.boundElements = [{ type: 'text', id: text.id }];
  const points = [];
  for (let i = 0; i < 14; i++) points.push([round2(i * 7.5), round2(Math.sin(i / 2) * 12)]);
  const draw = Object.assign(base(`${clientKey}-draw`, 'freedraw', 'a2', x + 260, y + 40, 97.5, 24), {
    points,
    pressures: [],
    simulatePressure: true,
    lastCommittedPoint: null,
  });
  return [rect, text, draw];
}

/** Applies one edit to `element` in place (a move, as a drag produces) and returns it. */
export function touch(element) {
  element.x = round2(element.x + (Math.random() - 0.5) * 8);
  element.y = round2(element.y + (Math.random() - 0.5) * 8);
  element.version += 1;
  element.versionNonce = randomInt32();
  element.updated = Date.now();
  return element;
}

/** A presence frame's content: a cursor that wanders, the own rectangle selected, a viewport. */
export function presence(state) {
  state.x = round2(state.x + (Math.random() - 0.5) * 20);
  state.y = round2(state.y + (Math.random() - 0.5) * 20);
  return {
    cursor: { x: state.x, y: state.y },
    selection: state.selection,
    viewport: { x: 0, y: 0, width: 1440, height: 900, zoom: 1 },
    laser: null,
    idle: 'active',
  };
}
