import { describe, expect, it } from "vitest";
import { errorSources, type SourceRecord } from "../../../lib/validation/error-sources";

/** A run of setup `s` (ISL 1024 on one H100 with vLLM, release v) predicted at 100 ms / 10 ms, measured ×ratio. */
function run(s: { model: string; version?: string | null; isl?: number }, ttftRatio: number, tpotRatio = 1): SourceRecord {
  return {
    model: s.model, gpu: "h100-sxm", engine: "vllm", weights: "fp8", engineVersion: s.version === undefined ? "0.12.0" : s.version, isl: s.isl ?? 1024, osl: 256,
    tp: 1, dp: 1, moeEp: null, mtpDraftTokens: 0, ttftPred: 100, ttftMeas: 100 * ttftRatio, tpotPred: 10, tpotMeas: 10 * tpotRatio,
  };
}

const byName = (xs: ReturnType<typeof errorSources>, name: string) => xs.find((x) => x.grouping.startsWith(name))!;

describe("errorSources: the held-out error left after one constant factor per group", () => {
  it("a level off per setup with the right shape vanishes with the per-setup factor, not with one per engine", () => {
    // setup A measured at 2× every prediction, setup B at 0.5×
    const recs = [...[1, 2, 3].map(() => run({ model: "a" }, 2)), ...[1, 2, 3].map(() => run({ model: "b" }, 0.5))];
    const s = errorSources(recs);
    // as predicted: A is off by |100 − 200|/200 = 0.5, B by |100 − 50|/50 = 1 → median of six 0.75
    expect(byName(s, "none").ttftMdape).toBeCloseTo(0.75, 12);
    // one factor for the engine: median ratio 1.25 → A |125 − 200|/200 = 0.375, B |125 − 50|/50 = 1.5 → 0.9375
    expect(byName(s, "engine").ttftMdape).toBeCloseTo(0.9375, 12);
    expect(byName(s, "engine").groups).toBe(1);
    expect(byName(s, "setup").ttftMdape).toBe(0);
    expect(byName(s, "setup").groups).toBe(2);
    expect(byName(s, "none").tpotMdape).toBe(0);
  });

  it("a shape error within a setup stays: ratios 1, 2, 4 leave 0.5 after the setup's median factor 2", () => {
    const recs = [run({ model: "a" }, 1), run({ model: "a" }, 2), run({ model: "a" }, 4)];
    const s = byName(errorSources(recs), "setup");
    // scaled by 2: |200 − 100|/100 = 1, 0, |200 − 400|/400 = 0.5 → median 0.5
    expect(s.ttftMdape).toBeCloseTo(0.5, 12);
  });

  it("releases and prompt lengths are separate setups; an unrecorded release is a release of its own", () => {
    const recs = [run({ model: "a", version: null }, 3), run({ model: "a", version: "0.15.1" }, 1), run({ model: "a", isl: 8192 }, 1)];
    const s = errorSources(recs);
    expect(byName(s, "engine release").groups).toBe(3);
    expect(byName(s, "setup").groups).toBe(3);
    expect(byName(s, "model and engine").groups).toBe(1);
  });

  it("leaves out rows without both latencies", () => {
    const bad = { ...run({ model: "a" }, 1), ttftPred: NaN };
    expect(errorSources([bad, run({ model: "a" }, 1)])[0]!.rows).toBe(1);
  });
});
