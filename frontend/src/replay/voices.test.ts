import { describe, expect, it } from "vitest";
import { audible, audioStep, MAX_DRIFT_S, nextSpeech, speakers, speakersAt, spokenStretches, trackPosition, type VoiceTrack } from "./voices";

const T0 = Date.parse("2026-12-04T10:00:00Z");

function track(userId: string, startOffsetMs: number, durationMs: number, speech: [number, number][]): VoiceTrack {
  return {
    id: `${userId}-${startOffsetMs}`,
    userId,
    name: userId.toUpperCase(),
    mimeType: "audio/webm",
    startedAt: new Date(T0 + startOffsetMs).toISOString(),
    durationMs,
    bytes: 1,
    speech: speech.map(([startMs, endMs]) => ({ startMs, endMs })),
  };
}

describe("voices", () => {
  it("places a moment of the replay inside a track, or nowhere when outside it", () => {
    const t = track("cam", 2_000, 10_000, []);
    expect(trackPosition(t, T0 + 1_999)).toBeNull();
    expect(trackPosition(t, T0 + 2_000)).toBe(0);
    expect(trackPosition(t, T0 + 7_500)).toBe(5.5);
    expect(trackPosition(t, T0 + 12_000)).toBeNull();
  });

  it("hears audio from half to double speed only", () => {
    expect([0.5, 1, 1.5, 2].every(audible)).toBe(true);
    expect([4, 8, 32].some(audible)).toBe(false);
  });

  it("puts the audio back in place only when it drifted, and plays it only while the replay plays audibly", () => {
    expect(audioStep(10, 10 + MAX_DRIFT_S / 2, true, 1)).toEqual({ play: true, seekTo: null, rate: 1 });
    expect(audioStep(10, 12, true, 2)).toEqual({ play: true, seekTo: 10, rate: 2 });
    expect(audioStep(10, 3, false, 1)).toEqual({ play: false, seekTo: 10, rate: 1 });
    expect(audioStep(10, 10, true, 8)).toEqual({ play: false, seekTo: null, rate: 2 });
    expect(audioStep(null, 4, true, 1)).toEqual({ play: false, seekTo: null, rate: 1 });
  });

  it("says when someone next speaks, and that someone speaks now", () => {
    const spoken = spokenStretches([track("ada", 0, 60_000, [[0, 30_000]]), track("cam", 0, 60_000, [[5_000, 6_000], [40_000, 45_000]])]);
    expect(nextSpeech(spoken, T0 + 10_000)).toBe(T0 + 10_000);
    expect(nextSpeech(spoken, T0 + 31_000)).toBe(T0 + 40_000);
    expect(nextSpeech(spoken, T0 + 50_000)).toBeNull();
    expect([...speakersAt(spoken, T0 + 5_500)].sort()).toEqual(["ada", "cam"]);
  });

  it("lists one speaker per person, in the order they started, each with a colour", () => {
    const list = speakers([track("cam", 5_000, 1, []), track("ada", 0, 1, []), track("cam", 60_000, 1, [])]);
    expect(list.map((s) => s.userId)).toEqual(["ada", "cam"]);
    expect(new Set(list.map((s) => s.color)).size).toBe(2);
  });
});
