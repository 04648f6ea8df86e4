import { describe, expect, it } from "vitest";
import { HANGOVER_MS, isLoopbackCandidate, nextVoiceState, rmsOf, SPEAKING_LEVEL } from "./voice";

describe("voice", () => {
  it("speaks at once when loud, and stops only after a quiet hangover", () => {
    let state = { speaking: false, lastLoudAt: 0 };
    state = nextVoiceState(state, SPEAKING_LEVEL / 2, 100);
    expect(state.speaking).toBe(false);
    state = nextVoiceState(state, SPEAKING_LEVEL * 3, 200);
    expect(state.speaking).toBe(true);
    state = nextVoiceState(state, 0, 200 + HANGOVER_MS - 1);
    expect(state.speaking).toBe(true);
    state = nextVoiceState(state, 0, 200 + HANGOVER_MS);
    expect(state.speaking).toBe(false);
  });

  it("measures silence as 0 and a full-scale square wave as 1", () => {
    expect(rmsOf(new Uint8Array(64).fill(128))).toBe(0);
    expect(rmsOf(Uint8Array.from({ length: 64 }, (_, i) => (i % 2 ? 0 : 256 - 1)))).toBeCloseTo(1, 1);
  });

  it("tells loopback candidates from the machine's other addresses", () => {
    expect(isLoopbackCandidate("candidate:1 1 udp 2122260223 127.0.0.1 51234 typ host generation 0")).toBe(true);
    expect(isLoopbackCandidate("candidate:2 1 udp 2122194687 192.168.1.20 51235 typ host generation 0")).toBe(false);
    expect(isLoopbackCandidate("candidate:3 1 udp 2122262783 ::1 51236 typ host")).toBe(true);
    expect(isLoopbackCandidate("candidate:4 1 udp 2122262783 3f1b6c2a-1c5e.local 51237 typ host")).toBe(false);
  });
});
