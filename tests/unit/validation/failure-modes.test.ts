import { describe, expect, it } from "vitest";
import { buildConfidenceTable } from "../../../lib/validation/confidence";
import { knownFailureModes, throughputOvershoot, unpredictedReasons } from "../../../lib/validation/failure-modes";
import { scored } from "./fixtures";

describe("knownFailureModes", () => {
  // 30 dense rows at 5 % error (fine); 10 MoE/b1-8 rows predicted 60 % too fast on TPOT (low)
  const rows = [
    ...Array.from({ length: 30 }, () => scored(0.05, 0.05)),
    ...Array.from({ length: 10 }, () => scored(-0.6, 0.1, { arch: "moe", batch: "b1-8" })),
  ];
  const modes = knownFailureModes(buildConfidenceTable(rows));

  it("names the weak regime with its measured error, broadest first", () => {
    // MoE (10 rows) is low and contains every MoE sub-regime, so only it (and batch 1–8, same rows) is listed
    const ids = modes.map((m) => m.regime.id).sort();
    expect(ids).toEqual(["regime_b1-8", "regime_moe"]);
    const moe = modes.find((m) => m.regime.id === "regime_moe")!;
    // |−0.6| → 60 %; median signed −0.6 → "60 % too fast"
    expect(moe.text).toContain("TPOT MdAPE 60 %");
    expect(moe.text).toContain("TPOT predicted 60 % too fast");
    expect(moe.text).toContain("10 of 10 rows predicted");
  });

  it("lists nothing when every regime is fine", () => {
    expect(knownFailureModes(buildConfidenceTable(rows.slice(0, 30)))).toEqual([]);
  });

  it("lists a regime fine in-sample but weak on models the fit never saw, with both figures", () => {
    const dense = rows.slice(0, 30);
    const t = buildConfidenceTable(dense, { regime_dense: { rows: 30, tpotMdape: 0.35, ttftMdape: 0.2 } });
    const m = knownFailureModes(t);
    expect(m.map((x) => x.regime.id)).toEqual(["regime_dense"]);
    expect(m[0]!.text).toContain("TPOT MdAPE 5 %");
    expect(m[0]!.text).toContain("on models the fit never saw, TPOT MdAPE 35 %, TTFT MdAPE 20 %");
  });
});

describe("throughputOvershoot", () => {
  it("reports measured TPOT / predicted TPOT for the group", () => {
    const rows = [
      // e = −0.6 → predicted TPOT 0.4 × measured → throughput overstated 1 / 0.4 = 2.5×
      scored(-0.6, 0, { arch: "moe", batch: "b1-8" }),
      // e = −0.2 → 1 / 0.8 = 1.25×
      scored(-0.2, 0, { arch: "moe", batch: "b1-8" }),
      // outside the group: ignored
      scored(-0.9, 0, { arch: "dense", batch: "b1-8" }),
    ];
    const o = throughputOvershoot(rows, { arch: "moe", batch: "b1-8" });
    expect(o.rows).toBe(2);
    expect(o.worst).toBeCloseTo(2.5, 12);
    expect(o.over).toBe(1);
  });
});

describe("unpredictedReasons", () => {
  it("groups rows not predicted by setup and the reason before its per-row figures", () => {
    const miss = (tp: number, problem: string) => ({ ...scored(null, null), row: { ...scored(null, null).row, tp }, problem });
    const out = unpredictedReasons([
      miss(4, "estimator: does not fit (needs 187.7 GB)"),
      miss(4, "estimator: does not fit (needs 187.4 GB)"),
      miss(8, "estimator: does not fit (needs 90 GB)"),
      scored(0.1, 0.1),
    ]);
    expect(out).toEqual([
      { reason: "dense-x bf16 on 4× hopper-x: estimator: does not fit", count: 2 },
      { reason: "dense-x bf16 on 8× hopper-x: estimator: does not fit", count: 1 },
    ]);
  });
  it("counts the GPUs of an upstream tp × ep record as predicted (tp 64 recorded = 8 GPUs)", () => {
    const row = { ...scored(null, null).row, tp: 64, moeTp: 8, moeEp: 8 };
    const out = unpredictedReasons([{ ...scored(null, null), row, remapped: { tp: 8, dp: 1, moeTp: 1, moeEp: 8 }, problem: "speculative decoding (MTP) run" }]);
    expect(out).toEqual([{ reason: "dense-x bf16 on 8× hopper-x: speculative decoding", count: 1 }]);
  });
});
