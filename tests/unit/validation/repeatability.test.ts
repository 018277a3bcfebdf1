import { describe, expect, it } from "vitest";
import { repeatability, setupKey, type RepeatRow } from "../../../lib/validation/repeatability";
import { MEASURED_ROWS } from "../../../lib/validation/measurements.generated";
import { repeatableRows } from "../../../lib/validation/score";
import { measured } from "./fixtures";

// A measured row (tests/unit/validation/fixtures.ts) with TTFT 100 ms and TPOT 10 ms; every case varies it.
const base: RepeatRow = measured({ hfModel: "m", gpu: "h100-sxm", engine: "vllm", weights: "fp8", concurrency: 8, ttftMs: 100, tpotMs: 10 });

describe("repeatability (runs of one setup predicting each other)", () => {
  it("pairs distinct runs of a setup both ways, counts identical figures once, ignores single-run setups", () => {
    const rows: RepeatRow[] = [
      // setup A: two runs, TTFT 100 and 125 ms, same TPOT
      { ...base },
      { ...base, ttftMs: 125 },
      // setup B: one run recorded twice (identical figures) → not a repeat
      { ...base, concurrency: 16, ttftMs: 300, tpotMs: 12 },
      { ...base, concurrency: 16, ttftMs: 300, tpotMs: 12 },
      // setup C: runs (100, 10) and (200, 20), the first recorded twice
      { ...base, isl: 4096, ttftMs: 100, tpotMs: 10 },
      { ...base, isl: 4096, ttftMs: 200, tpotMs: 20 },
      { ...base, isl: 4096, ttftMs: 100, tpotMs: 10 },
    ];
    const r = repeatability(rows);
    expect(r.setups).toBe(2);
    expect(r.runs).toBe(4);
    expect(r.setupsByModel).toEqual([{ hfModel: "m", setups: 2 }]);
    expect(r.pairs).toBe(4);
    // TTFT errors: A 125/100−1 = 0.25, 100/125−1 = −0.2; C 200/100−1 = 1, 100/200−1 = −0.5
    // |e| sorted 0.2, 0.25, 0.5, 1 → median (0.25 + 0.5)/2 = 0.375; within ±25 %: 0.2 and 0.25 → 2/4
    expect(r.ttftMdape).toBeCloseTo(0.375, 12);
    expect(r.ttftWithinBand).toBe(0.5);
    // TPOT errors: A 0, 0; C 1, −0.5 → |e| 0, 0, 0.5, 1 → median 0.25; within: the two zeros → 0.5
    expect(r.tpotMdape).toBeCloseTo(0.25, 12);
    expect(r.tpotWithinBand).toBe(0.5);
  });

  it("tells setups apart by every field the estimator takes", () => {
    const keys = new Set(
      (["gpu", "engine", "weights", "isl", "osl", "concurrency", "tp", "pp", "dp", "moeTp", "moeEp", "hfModel"] as const).map((f) =>
        setupKey({ ...base, [f]: f === "moeTp" || f === "moeEp" ? 2 : typeof base[f] === "number" ? (base[f] as number) + 1 : `${base[f]}x` }),
      ),
    );
    expect(keys.size).toBe(12);
    expect(keys.has(setupKey(base))).toBe(false);
  });

  it("gives nulls, not NaN, when nothing was measured twice", () => {
    const r = repeatability([base]);
    expect(r).toEqual({ setups: 0, runs: 0, setupsByModel: [], pairs: 0, ttftMdape: null, tpotMdape: null, ttftWithinBand: null, tpotWithinBand: null });
  });

  it("on the shipped measurements matches an independent count (Python over the raw CSV: 26 setups, 52 pairs)", () => {
    // Computed from ../shared/calibration/aic-silicon-agg.csv with a separate Python script grouping on
    // model_path, system, backend, weights, isl, osl, concurrency, tp, attention_dp (empty → 1), moe_tp, moe_ep and
    // distinct (TTFT, TPOT): 26 setups, 52 ordered pairs, median |e| TTFT 20.7 %, TPOT 35.7 %.
    const r = repeatability(MEASURED_ROWS);
    expect(r.setups).toBe(26);
    expect(r.pairs).toBe(52);
    // Python, same grouping: DeepSeek-R1 16 (TRT-LLM B200) + 8 (SGLang B200) + 1 (TRT-LLM H200) = 25; Qwen3-32B-NVFP4 1
    expect(r.setupsByModel).toEqual([
      { hfModel: "deepseek-ai/DeepSeek-R1", setups: 25 },
      { hfModel: "nvidia/Qwen3-32B-NVFP4", setups: 1 },
    ]);
    expect(r.ttftMdape!).toBeCloseTo(0.207, 3);
    expect(r.tpotMdape!).toBeCloseTo(0.357, 3);
  });

  it("the speculative-decoding runs are another setup (Python: 10 setups, 20 pairs)", () => {
    // The same Python pass, leaving out the rows of 2026-03-25/2026-04-06.csv at 1k/1k, 1k/8k or 8k/1k with
    // backend trtllm, model_path deepseek-ai/DeepSeek-R1, system b200_sxm and backend_version 1.2.0rc6.post3:
    // 10 setups (DeepSeek-R1 9, Qwen3-32B-NVFP4 1), 20 pairs, median |e| TTFT 34.6 %, TPOT 18.2 %; within ±25 %
    // 35 % / 70 % of the pairs.
    // The MTP runs are their own setups (their draft tokens are part of the key) and none was measured twice.
    const r = repeatability(repeatableRows(MEASURED_ROWS));
    expect(r.setups).toBe(10);
    expect(r.pairs).toBe(20);
    expect(r.setupsByModel).toEqual([
      { hfModel: "deepseek-ai/DeepSeek-R1", setups: 9 },
      { hfModel: "nvidia/Qwen3-32B-NVFP4", setups: 1 },
    ]);
    expect(r.ttftMdape!).toBeCloseTo(0.3457, 3);
    expect(r.tpotMdape!).toBeCloseTo(0.1819, 3);
    expect(r.ttftWithinBand).toBeCloseTo(0.35, 9);
    expect(r.tpotWithinBand).toBeCloseTo(0.7, 9);
  });
});
