import { describe, expect, it } from "vitest";
import { buildConfidenceTable, judgeRegime, lookupConfidence, toBadgeTable } from "../../../lib/validation/confidence";
import { heldOutByRegime, heldOutSpeculative, SPECULATIVE_ID, type HeldOutRow } from "../../../lib/validation/held-out-regimes";
import type { ErrorSummary } from "../../../lib/validation/stats";
import { HELD_OUT, HELD_OUT_REGIMES } from "../../../lib/model/calibration.generated";
import { scored } from "./fixtures";

const row = (over: Partial<HeldOutRow> = {}): HeldOutRow => ({
  gpu: "h100-sxm",
  engine: "vllm",
  moe: false,
  concurrency: 16,
  isl: 1024,
  osl: 512,
  predicted: true,
  tpotPred: 11,
  tpotMeas: 10,
  ttftPred: 150,
  ttftMeas: 100,
  ...over,
});
const generation = (gpu: string) => (gpu.startsWith("h") ? ("hopper" as const) : gpu === "b200" ? ("blackwell" as const) : undefined);

describe("heldOutByRegime", () => {
  it("groups held-out predictions under the regime ids /validate uses, with their MdAPEs", () => {
    // three dense Hopper vLLM rows at batch 9–64, ISL+OSL ≤ 2k: TPOT errors +10 %, −20 %, +30 %; TTFT +50 % each
    const rows = [row(), row({ tpotPred: 8 }), row({ tpotPred: 13 })];
    const r = heldOutByRegime(rows, generation);
    const g = r["regime_dense_b9-64_hopper_vllm_ctx-le2k"]!;
    expect(g.rows).toBe(3);
    expect(g.tpotMdape).toBeCloseTo(0.2, 12);
    expect(g.ttftMdape).toBeCloseTo(0.5, 12);
    expect(r["regime_all"]?.rows).toBe(3);
    // the same ids the in-sample table builds for rows of this regime
    const inSample = buildConfidenceTable(Array.from({ length: 3 }, () => scored(0.1, 0.1)));
    expect(Object.keys(r).sort()).toEqual(Object.keys(inSample.byId).sort());
  });

  it("leaves out unpredicted rows, rows on a GPU of unknown generation and unknown engines", () => {
    const r = heldOutByRegime(
      [row(), row({ predicted: false }), row({ gpu: "mystery" }), row({ engine: "tgi" }), row({ moe: true, gpu: "b200", concurrency: 4 })],
      generation,
    );
    expect(r["regime_all"]?.rows).toBe(2);
    expect(r["regime_moe_b1-8_blackwell_vllm"]?.rows).toBe(1);
  });
});

describe("a regime judged on its held-out errors as well", () => {
  const summary: ErrorSummary = {
    rows: 40, predicted: 40, sharePredicted: 1, tpotMdape: 0.08, ttftMdape: 0.2,
    tpotBias: 0, ttftBias: 0, tpotWithinBand: 1, ttftWithinBand: 1,
  };

  it("takes the lower level: high in-sample, medium held out → medium, saying why", () => {
    const j = judgeRegime(summary, { rows: 40, tpotMdape: 0.12, ttftMdape: 0.3 });
    expect(j.level).toBe("medium");
    expect(j.reasons.join(" ")).toContain("on models the fit never saw (leave-one-model-out): TPOT MdAPE 12 %, TTFT MdAPE 30 % over 40 rows → medium");
  });

  it("keeps the in-sample level when the held-out errors earn the same or better, and without held-out figures", () => {
    expect(judgeRegime(summary, { rows: 40, tpotMdape: 0.1, ttftMdape: 0.22 }).level).toBe("high");
    expect(judgeRegime(summary, null)).toEqual(judgeRegime(summary, null));
    expect(judgeRegime(summary, null).level).toBe("high");
    expect(judgeRegime({ ...summary, ttftMdape: 0.4 }, { rows: 40, tpotMdape: 0.01, ttftMdape: 0.01 }).level).toBe("medium");
  });

  it("carries the held-out figures to the badge of a regime", () => {
    const rows = Array.from({ length: 20 }, () => scored(0.1, -0.2));
    const id = "regime_dense_b9-64_hopper_vllm_ctx-le2k";
    const table = buildConfidenceTable(rows, { [id]: { rows: 20, tpotMdape: 0.6, ttftMdape: 0.7 } });
    expect(table.byId[id]?.judgement.level).toBe("low");
    expect(buildConfidenceTable(rows).byId[id]?.judgement.level).toBe("high");
    const a = lookupConfidence(toBadgeTable(table), { arch: "dense", batch: "b9-64", context: "ctx-le2k", generation: "hopper", engine: "vllm" });
    expect([a.level, a.heldOutTpotMdape, a.heldOutTtftMdape]).toEqual(["low", 0.6, 0.7]);
  });
});

describe("the committed HELD_OUT_REGIMES", () => {
  it("agree with HELD_OUT on all rows, dense and MoE (two computations of the same held-out predictions)", () => {
    expect(HELD_OUT_REGIMES).not.toBeNull();
    const all = HELD_OUT_REGIMES!["regime_all"]!;
    // the regimes count predicted rows; HELD_OUT counts every row and the share predicted
    expect(all.rows).toBe(Math.round(HELD_OUT!.overall.rows * HELD_OUT!.overall.predictedShare));
    expect(all.tpotMdape).toBe(HELD_OUT!.overall.tpotMdape);
    expect(all.ttftMdape).toBe(HELD_OUT!.overall.ttftMdape);
    expect(HELD_OUT_REGIMES!["regime_moe"]!.tpotMdape).toBe(HELD_OUT!.byMoe["MoE"]!.tpotMdape);
    expect(HELD_OUT_REGIMES!["regime_dense"]!.ttftMdape).toBe(HELD_OUT!.byMoe["dense"]!.ttftMdape);
  });
});

describe("held-out errors of the speculative-decoding runs", () => {
  const base = { gpu: "b200", engine: "trtllm", moe: true, concurrency: 4, isl: 1024, osl: 1024, predicted: true, tpotMeas: 10, ttftMeas: 100 };
  it("takes the median over the runs that drafted, and nothing from the others", () => {
    const rows = [
      { ...base, mtpDraftTokens: 3, tpotPred: 12, ttftPred: 150 }, // +20 %, +50 %
      { ...base, mtpDraftTokens: 1, tpotPred: 9, ttftPred: 90 }, // −10 %, −10 %
      { ...base, mtpDraftTokens: 3, tpotPred: 10.5, ttftPred: 130 }, // +5 %, +30 %
      { ...base, mtpDraftTokens: 0, tpotPred: 50, ttftPred: 500 },
      { ...base, mtpDraftTokens: 3, predicted: false, tpotPred: NaN, ttftPred: NaN },
    ];
    const h = heldOutSpeculative(rows)!;
    expect(h.rows).toBe(3);
    expect(h.tpotMdape).toBeCloseTo(0.1, 12);
    expect(h.ttftMdape).toBeCloseTo(0.3, 12);
    expect(heldOutSpeculative(rows.filter((r) => r.mtpDraftTokens === 0))).toBeNull();
  });
  it("is committed beside the regimes", () => {
    expect(HELD_OUT_REGIMES![SPECULATIVE_ID]!.rows).toBe(39);
  });
});
