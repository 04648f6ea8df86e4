import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Http } from "../api/http";
import { sanitize } from "../board/remoteElements";
import { restoreRemote } from "../board/restore";
import { fadeAllBut, PlaybackScene } from "./playback";
import type { RecordedOp } from "./playback";
import { replayApi, type Authors, type SceneAt } from "./replayApi";

/**
 * The recorded board as the canvas shows it: the playback scene, one author's elements highlighted, and the
 * elements a note pinned (?focus=id,id) with everything else faded until cleared.
 */
export function useReplayScene(api: ExcalidrawImperativeAPI | null, http: Http | null, base: string) {
  const scene = useRef(new PlaybackScene());
  const [highlight, setHighlight] = useState<string | null>(null);
  const [authors, setAuthors] = useState<Authors | null>(null);
  const [focus, setFocus] = useState<Set<string>>(
    () => new Set((new URLSearchParams(window.location.search).get("focus") ?? "").split(",").filter(Boolean)),
  );

  const draw = useCallback(() => {
    const shown = scene.current.visible(highlight);
    // a recording may hold elements from before validation: repaired or left out, never a crashed replay
    const sound = sanitize(shown, restoreRemote).elements;
    api?.updateScene({ elements: (focus.size ? fadeAllBut(sound, (e) => focus.has(e.id)) : sound) as never });
  }, [api, focus, highlight]);

  useEffect(() => {
    draw();
  }, [draw]);

  /** Who last changed each element at the scene's seq, so the highlight survives seeks. */
  const loadAuthors = useCallback(async () => {
    if (!http) return;
    const seq = scene.current.seq;
    const result = await replayApi.authors(http, base, seq);
    if (scene.current.seq !== seq) return;
    Object.entries(result.elements).forEach(([id, author]) => {
      if (!scene.current.authors.has(id)) scene.current.authors.set(id, author);
    });
    setAuthors(result);
  }, [base, http]);

  const clearFocus = useCallback(() => setFocus(new Set()), []);

  /** Starts again from a scene the server built. */
  const reset = useCallback((at: SceneAt) => {
    scene.current.reset(at.seq, at.elements);
    scene.current.skipped = at.skipped;
  }, []);
  /** Applies recorded ops after the scene's seq; whether anything changed. */
  const apply = useCallback((ops: RecordedOp[]) => scene.current.apply(ops), []);
  /** The seq the scene is at. */
  const seq = useCallback(() => scene.current.seq, []);

  return { reset, apply, seq, draw, highlight, setHighlight, authors, loadAuthors, focus, clearFocus };
}

export type ReplayScene = ReturnType<typeof useReplayScene>;
