import { describe, expect, it } from "vitest";
import { SpeechLog } from "./CallRecorder";

describe("SpeechLog", () => {
  it("gives each chunk the stretches of speech inside it", () => {
    const log = new SpeechLog();
    log.speaking(true, 1_000.4);
    log.speaking(false, 2_000);
    log.speaking(true, 3_500);
    log.speaking(false, 4_200);
    expect(log.take(0, 5_000)).toBe("1000-2000,3500-4200");
    expect(log.take(5_000, 10_000)).toBe("");
  });

  it("cuts a stretch still going on at the chunk's end and goes on with it in the next chunk", () => {
    const log = new SpeechLog();
    log.speaking(true, 4_000);
    expect(log.take(0, 5_000)).toBe("4000-5000");
    log.speaking(false, 6_200);
    expect(log.take(5_000, 10_000)).toBe("5000-6200");
  });

  it("never sends an empty stretch or one outside the chunk", () => {
    const log = new SpeechLog();
    log.speaking(true, 5_000);
    expect(log.take(0, 5_000)).toBe("");
    log.speaking(false, 5_000);
    expect(log.take(5_000, 10_000)).toBe("");
  });

  it("ignores a repeated change", () => {
    const log = new SpeechLog();
    log.speaking(true, 100);
    log.speaking(true, 900);
    log.speaking(false, 1_000);
    log.speaking(false, 1_500);
    expect(log.take(0, 5_000)).toBe("100-1000");
  });
});
