import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useEffect, useState } from "react";
import { Http } from "../api/http";
import { requireSession } from "../auth";
import { PresenceTrack } from "./presenceTrack";
import { replayApi, replayBase, type Timeline } from "./replayApi";

const PRESENCE_CHUNK = 2_000;

/**
 * What a replay reads before it plays: the sign-in (none for a review shared through a link, ?share=token),
 * the timeline, and the sampled presence, in chunks in the background (`track.size` says how far it got).
 */
export function useReplayData(api: ExcalidrawImperativeAPI | null, sessionId: string) {
  const [share] = useState(() => new URLSearchParams(window.location.search).get("share"));
  const base = replayBase(sessionId, share);
  const [http, setHttp] = useState<Http | null>(null);
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [track, setTrack] = useState(() => new PresenceTrack());

  useEffect(() => {
    if (!api) return;
    window.mockboard = { excalidraw: api };
    let cancelled = false;
    void (share ? Promise.resolve({ accessToken: null }) : requireSession()).then(async (session) => {
      if (!session || cancelled) return;
      const client = new Http(session.accessToken);
      setHttp(client);
      try {
        setTimeline(await replayApi.timeline(client, base));
      } catch (e) {
        setError(e instanceof Error ? e.message : "The recording could not be loaded");
      }
    });
    return () => {
      cancelled = true;
    };
  }, [api, base, share]);

  useEffect(() => {
    if (!timeline || !http) return;
    let cancelled = false;
    void (async () => {
      let after = 0;
      for (;;) {
        const chunk = await replayApi.presence(http, base, after, PRESENCE_CHUNK);
        if (cancelled) return;
        setTrack((track) => track.with(chunk));
        if (chunk.length < PRESENCE_CHUNK) return;
        after = chunk[chunk.length - 1].id;
      }
    })().catch((e: Error) => setError(`Cursors could not be loaded: ${e.message}`));
    return () => {
      cancelled = true;
    };
  }, [base, http, timeline]);

  return { share, base, http, timeline, error, setError, track };
}
