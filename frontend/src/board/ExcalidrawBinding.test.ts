import { describe, expect, it, vi } from "vitest";
import type { ElementJson } from "../sync/protocol";

vi.mock("@excalidraw/excalidraw", () => ({
  CaptureUpdateAction: { NEVER: "NEVER" },
  // Excalidraw's rule, without the "being edited" case
  reconcileElements: (local: ElementJson[], remote: ElementJson[]) => {
    const byId = new Map(local.map((e) => [e.id, e]));
    for (const r of remote) {
      const l = byId.get(r.id);
      if (!l || l.version < r.version || (l.version === r.version && r.versionNonce < l.versionNonce)) byId.set(r.id, r);
    }
    return [...byId.values()];
  },
}));

const { ExcalidrawBinding } = await import("./ExcalidrawBinding");

function el(id: string, version: number, versionNonce = 10): ElementJson {
  return { id, type: "rectangle", version, versionNonce, isDeleted: false, x: 0, y: 0, width: 10, height: 10, groupIds: [] };
}

function fakeScene(initial: ElementJson[] = []) {
  let elements = initial;
  const updates: unknown[] = [];
  const api = {
    getSceneElementsIncludingDeleted: () => elements,
    getAppState: () => ({}),
    updateScene: (scene: { elements?: ElementJson[]; captureUpdate?: string }) => {
      updates.push(scene);
      if (scene.elements) elements = scene.elements;
    },
  };
  return {
    api: api as unknown as ConstructorParameters<typeof ExcalidrawBinding>[0],
    set: (next: ElementJson[]) => (elements = next),
    updates,
  };
}

describe("ExcalidrawBinding", () => {
  it("pushes only elements whose version changed since the last flush", () => {
    const scene = fakeScene([el("a", 1), el("b", 1)]);
    const pushes: ElementJson[][] = [];
    const binding = new ExcalidrawBinding(scene.api, { push: (e) => pushes.push(e) });
    binding.flush();
    scene.set([el("a", 2), el("b", 1)]);
    binding.flush();
    binding.flush();
    expect(pushes.map((p) => p.map((e) => `${e.id}@${e.version}`))).toEqual([["a@1", "b@1"], ["a@2"]]);
  });

  it("applies remote changes outside the undo history and never echoes them", () => {
    const scene = fakeScene([el("a", 1)]);
    const pushes: ElementJson[][] = [];
    const binding = new ExcalidrawBinding(scene.api, { push: (e) => pushes.push(e) });
    binding.flush();
    binding.applyRemote([el("a", 3), el("b", 1)]);
    expect(scene.updates[0]).toMatchObject({ captureUpdate: "NEVER" });
    binding.flush();
    expect(pushes).toHaveLength(1);
  });

  it("keeps a local version that wins the merge unsent until it is pushed", () => {
    const scene = fakeScene([el("a", 1)]);
    const pushes: ElementJson[][] = [];
    const binding = new ExcalidrawBinding(scene.api, { push: (e) => pushes.push(e) });
    binding.flush();
    scene.set([el("a", 5, 1)]); // edited locally, not flushed yet
    binding.applyRemote([el("a", 5, 9)]); // same version, higher nonce: local wins
    binding.flush();
    expect(pushes[1].map((e) => `${e.id}@${e.version}/${e.versionNonce}`)).toEqual(["a@5/1"]);
  });

  it("[S12] undoes a refused push: its elements as stored although the local ones are newer, its new ones removed, nothing sent again", () => {
    const scene = fakeScene([el("frame", 1)]);
    const pushes: ElementJson[][] = [];
    const binding = new ExcalidrawBinding(scene.api, { push: (e) => pushes.push(e) });
    binding.flush();
    scene.set([{ ...el("frame", 4), x: 300 }, el("copy", 1)]); // dragged and duplicated locally, refused by the server
    binding.flush();
    binding.putBack([el("frame", 1)], pushes[1]);
    expect(scene.updates.at(-1)).toMatchObject({ captureUpdate: "NEVER", elements: [el("frame", 1), { ...el("copy", 1), isDeleted: true }] });
    binding.flush();
    expect(pushes).toHaveLength(2);
  });

  it("brings back a reloaded page's unsent changes onto the canvas, with their versions, without pushing them again", () => {
    const scene = fakeScene();
    const pushes: ElementJson[][] = [];
    const binding = new ExcalidrawBinding(scene.api, { push: (e) => pushes.push(e) });
    binding.bringBack([el("a", 3), el("b", 1)]);
    expect(scene.updates[0]).toMatchObject({ captureUpdate: "NEVER" }); // not the person's own undoable step
    expect(scene.api.getSceneElementsIncludingDeleted().map((e) => `${e.id}@${e.version}`)).toEqual(["a@3", "b@1"]);
    binding.flush();
    expect(pushes).toEqual([]); // they are in the sync client's outbox already
    binding.applyRemote([el("a", 2)]); // the welcome's older stored version loses the merge [S5]
    scene.set([...scene.api.getSceneElementsIncludingDeleted(), el("c", 1)]);
    binding.flush();
    expect(pushes.map((p) => p.map((e) => e.id))).toEqual([["c"]]);
  });

  it("splits a very large change into several pushes", () => {
    const many = Array.from({ length: 1_200 }, (_, i) => el(`e${i}`, 1));
    const scene = fakeScene(many);
    const pushes: ElementJson[][] = [];
    new ExcalidrawBinding(scene.api, { push: (e) => pushes.push(e) }).flush();
    expect(pushes.map((p) => p.length)).toEqual([500, 500, 200]);
  });

  it("repairs a broken remote element and sends the repair back; skips and reports one it cannot use", () => {
    const scene = fakeScene([el("a", 1)]);
    const pushes: ElementJson[][] = [];
    const skipped: string[][] = [];
    const restore = (broken: ElementJson[]) => broken.map((e) => ({ ...e, groupIds: [], index: "a1", version: e.version + 1 }));
    const binding = new ExcalidrawBinding(scene.api, { push: (e) => pushes.push(e) }, 80, restore, (ids) => skipped.push(ids));
    binding.flush();
    const noGroups = { ...el("g", 4) } as Record<string, unknown>;
    delete noGroups.groupIds;
    binding.applyRemote([noGroups as ElementJson, { id: "bad", type: "rectangle" } as ElementJson, el("b", 1)]);
    expect(skipped).toEqual([["bad"]]);
    expect((scene.updates[0] as { elements: ElementJson[] }).elements.map((e) => `${e.id}@${e.version}`)).toEqual(["a@1", "g@5", "b@1"]);
    binding.flush();
    expect(pushes[1].map((e) => `${e.id}@${e.version}`)).toEqual(["g@5"]);
  });
});
