import { describe, expect, it } from "vitest";
import { byRelease, evaluateTargets, moeOvershootRows, moeSmallBatch, releaseLabel, roundHeldOut, summariseHeldOut } from "../../../lib/model/calib/held-out";
import type { RowResult } from "../../../lib/model/calib/lomo";

/** A held-out row result; only the fields the summary reads matter. */
function row(p: Partial<RowResult>): RowResult {
  return {
    id: "r",
    arch: p.model ?? "a",
    model: "a",
    gpu: "h100-sxm",
    engine: "vllm",
    weights: "fp8",
    isl: 1000,
    osl: 101,
    concurrency: 16,
    tp: 1,
    dp: 1,
    moeTp: null,
    moeEp: null,
    moe: false,
    predicted: true,
    tpotPred: 10,
    tpotMeas: 10,
    ttftPred: 100,
    ttftMeas: 100,
    problems: [],
    source: "test",
    engineVersion: null,
    mtpDraftTokens: 0,
    ...p,
  };
}

describe("summariseHeldOut on five hand-built rows", () => {
  const recs = [
    // dense model a: TPOT APE |110−100|/100 = 0.1, TTFT APE 0
    row({ model: "a", gpu: "h100-sxm", engine: "vllm", tpotPred: 110, tpotMeas: 100, ttftPred: 100, ttftMeas: 100 }),
    // dense model a: TPOT APE |80−100|/100 = 0.2, TTFT APE |150−100|/100 = 0.5
    row({ model: "a", gpu: "h200-sxm", engine: "trtllm", weights: "fp16", tpotPred: 80, tpotMeas: 100, ttftPred: 150, ttftMeas: 100 }),
    // MoE model b at C = 4: exact → TPOT/TTFT APE 0, throughput ratio 1
    row({ model: "b", moe: true, concurrency: 4, tpotPred: 10, tpotMeas: 10, ttftPred: 100, ttftMeas: 100 }),
    // MoE model b at C = 8, OSL 101: TPOT APE |5−10|/10 = 0.5, TTFT APE 0;
    // throughput ∝ 1 / (TTFT + 100·TPOT): predicted 1/(100 + 500) ms, measured 1/(100 + 1000) ms → ratio 1100/600 = 1.8333
    row({ model: "b", moe: true, concurrency: 8, tpotPred: 5, tpotMeas: 10, ttftPred: 100, ttftMeas: 100 }),
    // MoE model b at C = 64 (outside the 1–8 check): TPOT APE |13−10|/10 = 0.3, TTFT APE |120−100|/100 = 0.2
    row({ model: "b", moe: true, concurrency: 64, engine: "trtllm", tpotPred: 13, tpotMeas: 10, ttftPred: 120, ttftMeas: 100 }),
  ];
  const s = summariseHeldOut(recs);

  it("overall: medians, shares within ±25 %", () => {
    expect(s.overall.rows).toBe(5);
    expect(s.band).toBe(0.25);
    expect(s.overall.predictedShare).toBe(1);
    // TPOT APEs sorted 0, 0.1, 0.2, 0.3, 0.5 → median 0.2
    expect(s.overall.tpotMdape).toBeCloseTo(0.2, 12);
    // TTFT APEs sorted 0, 0, 0, 0.2, 0.5 → median 0
    expect(s.overall.ttftMdape).toBeCloseTo(0, 12);
    // TPOT within 25 %: 0, 0.1, 0.2 → 3/5; TTFT: 0, 0, 0, 0.2 → 4/5
    expect(s.overall.tpotWithin25).toBeCloseTo(0.6, 12);
    expect(s.overall.ttftWithin25).toBeCloseTo(0.8, 12);
  });

  it("per model, engine, GPU, precision and dense/MoE", () => {
    expect(Object.keys(s.byModel)).toEqual(["a", "b"]);
    // a: TPOT (0.1 + 0.2)/2 = 0.15, TTFT (0 + 0.5)/2 = 0.25
    expect(s.byModel.a!.rows).toBe(2);
    expect(s.byModel.a!.tpotMdape).toBeCloseTo(0.15, 12);
    expect(s.byModel.a!.ttftMdape).toBeCloseTo(0.25, 12);
    // b: TPOT 0, 0.5, 0.3 → 0.3; TTFT 0, 0, 0.2 → 0
    expect(s.byModel.b!.rows).toBe(3);
    expect(s.byModel.b!.tpotMdape).toBeCloseTo(0.3, 12);
    expect(s.byModel.b!.ttftMdape).toBeCloseTo(0, 12);
    // vllm: rows 1, 3, 4 → TPOT 0.1, 0, 0.5 → 0.1; trtllm: rows 2, 5 → TPOT (0.2 + 0.3)/2 = 0.25
    expect(s.byEngine.vllm!.rows).toBe(3);
    expect(s.byEngine.vllm!.tpotMdape).toBeCloseTo(0.1, 12);
    expect(s.byEngine.trtllm!.rows).toBe(2);
    expect(s.byEngine.trtllm!.tpotMdape).toBeCloseTo(0.25, 12);
    expect(s.byGpu["h200-sxm"]!.rows).toBe(1);
    expect(s.byGpu["h100-sxm"]!.rows).toBe(4);
    expect(s.byWeights.fp16!.rows).toBe(1);
    expect(s.byWeights.fp8!.rows).toBe(4);
    expect(s.byMoe.dense!.rows).toBe(2);
    expect(s.byMoe.MoE!.rows).toBe(3);
  });

  it("MoE small batch: only C ≤ 8, worst 1.8333×, median (1 + 1.8333)/2 = 1.4167", () => {
    expect(s.moeSmallBatch.rows).toBe(2);
    // 1.83× is within the 2× limit: no run is listed as over it
    expect(s.moeSmallBatch.over).toEqual([]);
    expect(s.moeSmallBatch.maxOvershoot).toBeCloseTo(1100 / 600, 12);
    expect(s.moeSmallBatch.medianRatio).toBeCloseTo((1 + 1100 / 600) / 2, 12);
    // decode speed alone: measured TPOT 10 / predicted 5 = 2× (the C = 64 row's 10/13 is outside the check)
    expect(s.moeSmallBatch.maxDecodeOvershoot).toBeCloseTo(2, 12);
  });

  it("targets: TPOT 20 % > 15 % not met; TTFT 0 ≤ 25 %, 100 % ≥ 95 %, 1.83× ≤ 2× met; so not all met", () => {
    const t = s.targets;
    expect(t.tpotMdape).toMatchObject({ limit: 0.15, kind: "max", met: false });
    expect(t.tpotMdape.value).toBeCloseTo(0.2, 12);
    expect(t.ttftMdape).toMatchObject({ limit: 0.25, kind: "max", met: true });
    expect(t.predictedShare).toMatchObject({ value: 1, limit: 0.95, kind: "min", met: true });
    expect(t.moeMaxOvershoot).toMatchObject({ limit: 2, kind: "max", met: true });
    expect(t.allMet).toBe(false);
  });
});

describe("predicted share and the MoE check", () => {
  it("9 of 10 rows predicted → 90 % < 95 % not met; no MoE rows → overshoot NaN, not met", () => {
    const recs = [...Array.from({ length: 9 }, () => row({})), row({ predicted: false, tpotPred: NaN, ttftPred: NaN })];
    const s = summariseHeldOut(recs);
    // 9 / 10 = 0.9
    expect(s.overall.predictedShare).toBeCloseTo(0.9, 12);
    // every predicted row is exact: MdAPE 0, all within ±25 %; the unpredicted row does not count in the errors
    expect(s.overall.tpotMdape).toBe(0);
    expect(s.overall.tpotWithin25).toBe(1);
    expect(s.targets.predictedShare.met).toBe(false);
    expect(s.targets.tpotMdape.met).toBe(true);
    expect(s.targets.ttftMdape.met).toBe(true);
    expect(s.moeSmallBatch.rows).toBe(0);
    expect(s.moeSmallBatch.maxOvershoot).toBeNaN();
    expect(s.targets.moeMaxOvershoot.met).toBe(false);
    expect(s.targets.allMet).toBe(false);
  });

  it("19 of 20 predicted = exactly 95 % meets the target; an unpredicted MoE row is left out of the check", () => {
    const recs = [
      ...Array.from({ length: 18 }, () => row({})),
      // MoE C = 1, exact → ratio 1
      row({ model: "m", moe: true, concurrency: 1 }),
      row({ model: "m", moe: true, concurrency: 2, predicted: false, tpotPred: 1, ttftPred: 1 }),
    ];
    const s = summariseHeldOut(recs);
    expect(s.overall.predictedShare).toBeCloseTo(0.95, 12); // 19 / 20
    expect(s.targets.predictedShare.met).toBe(true);
    expect(s.moeSmallBatch).toEqual({ rows: 1, maxOvershoot: 1, medianRatio: 1, maxDecodeOvershoot: 1, over: [] });
    expect(s.targets.allMet).toBe(true);
  });

  it("an overshoot above 2× fails the target, and the run is named with what was predicted for it", () => {
    // C = 1, OSL 101: predicted 100 + 100·2 = 300 ms, measured 100 + 100·10 = 1100 ms → 1100/300 = 3.667×
    const m = moeSmallBatch([row({ id: "x", moe: true, concurrency: 1, tpotPred: 2, tpotMeas: 10 })]);
    expect(m.maxOvershoot).toBeCloseTo(1100 / 300, 12);
    expect(m.over).toHaveLength(1);
    expect(m.over[0]).toMatchObject({ id: "x", ttftPredMs: 100, tpotPredMs: 2 });
    expect(m.over[0]!.overshoot).toBeCloseTo(1100 / 300, 12);
    const t = evaluateTargets({ rows: 1, predictedShare: 1, tpotMdape: 0, ttftMdape: 0, tpotWithin25: 1, ttftWithin25: 1 }, m);
    expect(t.moeMaxOvershoot.met).toBe(false);
    expect(t.allMet).toBe(false);
  });

  it("an empty input reports no rows and meets nothing", () => {
    const s = summariseHeldOut([]);
    expect(s.overall.rows).toBe(0);
    expect(s.byModel).toEqual({});
    expect(s.targets.allMet).toBe(false);
    expect(s.targets.tpotMdape.met).toBe(false);
  });
});

describe("roundHeldOut", () => {
  it("rounds to 4 significant digits and judges the targets on the rounded figures", () => {
    const s = summariseHeldOut([row({})]);
    const raw = {
      ...s,
      // 0.1500004 → 0.15 (4 s.f.): not met raw (> 0.15), met once rounded
      overall: { ...s.overall, tpotMdape: 0.1500004, ttftMdape: 0.123456 },
      byModel: { z: s.byModel.a!, a: { ...s.byModel.a!, tpotWithin25: 0.987654 } },
    };
    expect(evaluateTargets(raw.overall, raw.moeSmallBatch).tpotMdape.met).toBe(false);
    const r = roundHeldOut(raw);
    expect(r.overall.tpotMdape).toBe(0.15);
    expect(r.overall.ttftMdape).toBe(0.1235);
    expect(r.byModel.a!.tpotWithin25).toBe(0.9877);
    expect(Object.keys(r.byModel)).toEqual(["a", "z"]);
    expect(r.targets.tpotMdape).toMatchObject({ value: 0.15, met: true });
  });
});

describe("per release errors and the MoE rows beyond the overshoot limit", () => {
  it("labels a row by engine and release, unrecorded releases by name", () => {
    expect(releaseLabel({ engine: "trtllm", engineVersion: "1.2.0rc6" })).toBe("trtllm 1.2.0rc6");
    expect(releaseLabel({ engine: "sglang", engineVersion: null })).toBe("sglang (release not recorded)");
  });

  it("groups errors by engine release", () => {
    const recs = [
      // TTFT APE 0.5 and 0.1 on release 1.0 → median 0.3
      row({ engine: "trtllm", engineVersion: "1.0", ttftPred: 150, ttftMeas: 100 }),
      row({ engine: "trtllm", engineVersion: "1.0", ttftPred: 110, ttftMeas: 100 }),
      // TTFT APE 0.2 on an unrecorded release
      row({ engine: "trtllm", engineVersion: null, ttftPred: 80, ttftMeas: 100 }),
    ];
    const g = byRelease(recs);
    expect(g.map((x) => [x.group, x.rows])).toEqual([
      ["trtllm (release not recorded)", 1],
      ["trtllm 1.0", 2],
    ]);
    expect(g[0]!.ttftMdape).toBeCloseTo(0.2, 12);
    expect(g[1]!.ttftMdape).toBeCloseTo(0.3, 12);
  });

  it("lists MoE rows at C ≤ 8 whose throughput is overstated beyond the limit, worst first", () => {
    // OSL 101: throughput = C·OSL / (TTFT + 100·TPOT), so overshoot = measured time / predicted time.
    // bad: (1000 + 100·20) / (100 + 100·10) = 3000 / 1100 = 2.73×; ok: (1100 + 1000) / 1100 = 1.91× (under 2×);
    // a dense row and a C = 16 row are not counted however far off.
    const bad = row({ id: "bad", moe: true, concurrency: 4, ttftPred: 100, tpotPred: 10, ttftMeas: 1000, tpotMeas: 20 });
    const worse = row({ id: "worse", moe: true, concurrency: 8, ttftPred: 100, tpotPred: 5, ttftMeas: 2000, tpotMeas: 10 });
    const ok = row({ id: "ok", moe: true, concurrency: 4, ttftPred: 100, tpotPred: 10, ttftMeas: 1100, tpotMeas: 10 });
    const dense = row({ id: "dense", moe: false, concurrency: 4, ttftPred: 100, tpotPred: 1, ttftMeas: 1000, tpotMeas: 100 });
    const wide = row({ id: "wide", moe: true, concurrency: 16, ttftPred: 100, tpotPred: 1, ttftMeas: 1000, tpotMeas: 100 });
    const out = moeOvershootRows([ok, bad, dense, worse, wide]);
    expect(out.map((x) => x.row.id)).toEqual(["worse", "bad"]);
    // worse: measured 2000 + 100·10 = 3000 ms, predicted 100 + 100·5 = 600 ms → 5×
    expect(out[0]!.overshoot).toBeCloseTo(5, 10);
    expect(out[1]!.overshoot).toBeCloseTo(3000 / 1100, 10);
  });
});

describe("errors by benchmark harness", () => {
  it("names the harness from the upstream file: the InferenceMAX exports, AIConfigurator's sweeps otherwise", async () => {
    const { benchmarkHarness } = await import("../../../lib/model/calib/harness");
    expect(benchmarkHarness("source_file=2026-04-06.csv; model=DeepSeek-R1; measured=2025-11-10")).toBe("InferenceMAX");
    expect(benchmarkHarness("source_file=2026-03-25.csv; model=Llama-3.3-70B")).toBe("InferenceMAX");
    expect(benchmarkHarness("source_file=h100_sxm/trtllm/1.0.0rc3/Qwen_Qwen3-32B.csv")).toBe("AIConfigurator");
    expect(benchmarkHarness("")).toBe("AIConfigurator");
  });

  it("groups held-out errors by harness and by harness × engine", async () => {
    const { breakdowns } = await import("../../../lib/model/calib/held-out");
    const imax = "source_file=2026-04-06.csv";
    const b = breakdowns([
      // InferenceMAX vLLM: TTFT APE 0.5; AIConfigurator TRT-LLM: TTFT APEs 0.1 and 0.3 → median 0.2
      row({ source: imax, engine: "vllm", ttftPred: 150, ttftMeas: 100 }),
      row({ source: "source_file=x.csv", engine: "trtllm", ttftPred: 110, ttftMeas: 100 }),
      row({ source: "source_file=y.csv", engine: "trtllm", ttftPred: 130, ttftMeas: 100 }),
    ]);
    expect(b.byHarness.map((g) => [g.group, g.rows])).toEqual([
      ["AIConfigurator", 2],
      ["InferenceMAX", 1],
    ]);
    expect(b.byHarness[0]!.ttftMdape).toBeCloseTo(0.2, 12);
    expect(b.byHarness[1]!.ttftMdape).toBeCloseTo(0.5, 12);
    expect(b.byHarnessEngine.map((g) => g.group)).toEqual(["AIConfigurator trtllm", "InferenceMAX vllm"]);
  });
});
