import { describe, expect, it } from "vitest";
import { getModel } from "../../../lib/catalog";
import {
  CONFIDENCE_RULES,
  buildConfidenceTable,
  levelOf,
  lookupConfidence,
  toBadgeTable,
} from "../../../lib/validation/confidence";
import { confidenceFromTable } from "../../../lib/validation/lookup";
import type { ErrorSummary } from "../../../lib/validation/stats";
import { scored } from "./fixtures";

function summary(over: Partial<ErrorSummary>): ErrorSummary {
  return {
    rows: 40,
    predicted: 40,
    sharePredicted: 1,
    tpotMdape: 0.1,
    ttftMdape: 0.2,
    tpotBias: 0,
    ttftBias: 0,
    tpotWithinBand: 1,
    ttftWithinBand: 1,
    ...over,
  };
}

describe("levelOf thresholds", () => {
  it("high needs ≥ 20 rows, TPOT ≤ 15 %, TTFT ≤ 25 %, ≥ 95 % predicted (edges inclusive)", () => {
    expect(levelOf(summary({ predicted: 20, tpotMdape: 0.15, ttftMdape: 0.25, sharePredicted: 0.95 })).level).toBe(
      "high",
    );
  });
  it("drops to medium just past any high limit", () => {
    expect(levelOf(summary({ tpotMdape: 0.151 })).level).toBe("medium");
    expect(levelOf(summary({ ttftMdape: 0.251 })).level).toBe("medium");
    expect(levelOf(summary({ predicted: 19, rows: 19 })).level).toBe("medium");
    expect(levelOf(summary({ sharePredicted: 0.94 })).level).toBe("medium");
  });
  it("medium holds up to TPOT 30 % / TTFT 50 % / 80 % predicted, low beyond", () => {
    expect(levelOf(summary({ tpotMdape: 0.3, ttftMdape: 0.5, sharePredicted: 0.8 })).level).toBe("medium");
    expect(levelOf(summary({ tpotMdape: 0.301 })).level).toBe("low");
    expect(levelOf(summary({ ttftMdape: 0.501 })).level).toBe("low");
    expect(levelOf(summary({ sharePredicted: 0.79 })).level).toBe("low");
  });
  it("is low with too few predicted rows, whatever the error", () => {
    const j = levelOf(summary({ predicted: CONFIDENCE_RULES.minRows - 1, tpotMdape: 0.01, ttftMdape: 0.01 }));
    expect(j.level).toBe("low");
    expect(j.reasons[0]).toMatch(/only 7 measured rows/);
  });
  it("names the measured figures in its reasons", () => {
    // 0.42 → "42 %", 0.6 → "60 %"
    const j = levelOf(summary({ tpotMdape: 0.42, ttftMdape: 0.6 }));
    expect(j.reasons.join(" ")).toContain("TPOT MdAPE 42 %");
    expect(j.reasons.join(" ")).toContain("TTFT MdAPE > 50 %");
  });
});

describe("confidence table and lookup", () => {
  // 20 dense/hopper/vllm/b9-64/ctx≤2k rows at +10 % TPOT, −20 % TTFT → high on the full regime
  const good = Array.from({ length: 20 }, () => scored(0.1, -0.2));
  // 10 MoE/blackwell/sglang/b1-8 rows at −50 % TPOT → low; 3 MoE/blackwell/trtllm/b1-8 rows (too few alone)
  const bad = Array.from({ length: 10 }, () =>
    scored(-0.5, 0.1, { arch: "moe", batch: "b1-8", generation: "blackwell", engine: "sglang" }),
  );
  const few = Array.from({ length: 3 }, () =>
    scored(0.05, 0.05, { arch: "moe", batch: "b1-8", generation: "blackwell", engine: "trtllm" }),
  );
  const table = buildConfidenceTable([...good, ...bad, ...few]);
  const badges = toBadgeTable(table);

  it("judges every group along the fallback chain and each single dimension", () => {
    expect(table.byId["regime_dense_b9-64_hopper_vllm_ctx-le2k"]?.judgement.level).toBe("high");
    expect(table.byId["regime_moe_b1-8_blackwell_sglang"]?.summary.tpotMdape).toBeCloseTo(0.5, 12);
    expect(table.byId["regime_all"]?.summary.rows).toBe(33);
    // MoE group: 10 rows |−0.5| and 3 rows 0.05 → sorted 0.05×3, 0.5×10 → median (7th of 13) 0.5
    expect(table.byId["regime_moe"]?.summary.tpotMdape).toBeCloseTo(0.5, 12);
    expect(table.marginals).toContain("regime_sglang");
    expect(table.measuredValues.engine).toEqual(["sglang", "trtllm", "vllm"]);
  });

  it("keeps in the badge table only regimes with enough rows", () => {
    expect(badges.regimes["regime_moe_b1-8_blackwell_trtllm"]).toBeUndefined(); // 3 rows
    expect(badges.regimes["regime_moe_b1-8_blackwell"]?.rows).toBe(13); // 10 + 3
  });

  it("uses the most specific regime with enough rows", () => {
    const a = lookupConfidence(badges, {
      arch: "dense",
      batch: "b9-64",
      context: "ctx-le2k",
      generation: "hopper",
      engine: "vllm",
    });
    expect(a.level).toBe("high");
    expect(a.regime.href).toBe("/validate#regime_dense_b9-64_hopper_vllm_ctx-le2k");
    expect(a.rows).toBe(20);
    expect(a.tpotMdape).toBeCloseTo(0.1, 12);
  });

  it("falls back to a broader regime and caps the level at medium there", () => {
    // moe/b1-8/blackwell/trtllm has 3 rows; moe/b1-8/blackwell has 13 (10 at 50 %, 3 at 5 %) → low anyway
    const a = lookupConfidence(badges, {
      arch: "moe",
      batch: "b1-8",
      context: "ctx-le2k",
      generation: "blackwell",
      engine: "trtllm",
    });
    expect(a.regime.id).toBe("regime_moe_b1-8_blackwell");
    expect(a.level).toBe("low");
    expect(a.reasons.join(" ")).toMatch(/judged on MoE · batch 1–8 · Blackwell/);
  });

  it("holds an estimate with MTP drafts to the level its measured runs earn, and to low without any", () => {
    const q = { model: "llama-3.1-8b", gpu: "h100-sxm", engine: "vllm" as const, input: { isl: 1000, osl: 500, concurrency: 16 } };
    const plain = confidenceFromTable(badges, q);
    const spec = { rows: 39, tpotMdape: 0.195, ttftMdape: 0.38, level: "medium" as const, reasons: ["TPOT MdAPE 19.5 %, TTFT MdAPE 38 % over 39 rows"] };
    const drafted = confidenceFromTable({ ...badges, speculative: spec }, { ...q, mtpDraftTokens: 3 });
    expect(plain.level).toBe("high");
    expect(drafted.level).toBe("medium");
    expect(drafted.reasons.at(-1)).toBe("speculative decoding (MTP drafts), medium on its measured runs: TPOT MdAPE 19.5 %, TTFT MdAPE 38 % over 39 rows");
    // never above the regime's own level, and low when no drafting run was measured
    expect(confidenceFromTable({ ...badges, speculative: { ...spec, level: "high" } }, { ...q, mtpDraftTokens: 3 }).level).toBe("high");
    const none = confidenceFromTable(badges, { ...q, mtpDraftTokens: 1 });
    expect(none.level).toBe("low");
    expect(none.reasons.at(-1)).toBe("speculative decoding (MTP drafts): no measured run to judge it");
    expect(confidenceFromTable({ ...badges, speculative: spec }, { ...q, mtpDraftTokens: 0 }).level).toBe("high");
  });

  it("holds an estimate with pipeline stages to the level the published pipeline-parallel figures support, and to low without any", () => {
    const q = { model: "llama-3.1-8b", gpu: "h100-sxm", engine: "vllm" as const, input: { isl: 1000, osl: 500, concurrency: 16 } };
    const pipeline = { rows: 80, throughputMdape: 0.227, level: "medium" as const, reasons: ["throughput MdAPE 23 % over 80 published figures", "not high: MdAPE > 15 %"] };
    expect(confidenceFromTable(badges, q).level).toBe("high");
    const staged = confidenceFromTable({ ...badges, pipeline }, { ...q, pp: 4 });
    expect(staged.level).toBe("medium");
    expect(staged.reasons.at(-1)).toBe(
      "pipeline parallelism (pp > 1), which no calibration run used: medium on the published figures (throughput MdAPE 23 % over 80 published figures; not high: MdAPE > 15 %)",
    );
    // pp 1 is not pipelined; no published figure at all → low
    expect(confidenceFromTable({ ...badges, pipeline }, { ...q, pp: 1 }).level).toBe("high");
    const none = confidenceFromTable(badges, { ...q, pp: 2 });
    expect(none.level).toBe("low");
    expect(none.reasons.at(-1)).toBe("pipeline parallelism (pp > 1): no measured run or published figure to judge it");
    // drafts and stages together: the lowest of the three
    const spec = { rows: 39, tpotMdape: 0.195, ttftMdape: 0.38, level: "low" as const, reasons: ["x"] };
    expect(confidenceFromTable({ ...badges, pipeline, speculative: spec }, { ...q, pp: 2, mtpDraftTokens: 3 }).level).toBe("low");
  });

  it("holds a model with linear-attention layers to the level the runs of a hybrid model earn, and to low without any", () => {
    const llama = getModel("llama-3.1-8b")!;
    // the same dense model with three of every four layers Gated DeltaNet: its regime (dense, batch, GPU) is unchanged
    const hybrid = {
      ...llama,
      layerKinds: { full: 8, sliding: 0, linear: 24 },
      linearAttention: { numKeyHeads: 16, numValueHeads: 32, keyHeadDim: 128, valueHeadDim: 128, convKernel: 4 },
    };
    const q = { gpu: "h100-sxm", engine: "vllm" as const, input: { isl: 1000, osl: 500, concurrency: 16 } };
    const figures = { rows: 8, tokenMdape: 0.183, ttftMdape: 0.499, level: "medium" as const, reasons: ["TPOT MdAPE 18 %, TTFT MdAPE 50 % over 8 rows", "not high: 8 rows < 20"] };
    expect(confidenceFromTable({ ...badges, hybrid: figures }, { ...q, model: llama }).level).toBe("high");
    const held = confidenceFromTable({ ...badges, hybrid: figures }, { ...q, model: hybrid });
    expect(held.level).toBe("medium");
    expect(held.reasons.at(-1)).toBe(
      "linear-attention (hybrid) layers, which no calibration run had: medium on 8 third-party runs of one (TPOT MdAPE 18 %, TTFT MdAPE 50 % over 8 rows; not high: 8 rows < 20)",
    );
    const none = confidenceFromTable(badges, { ...q, model: hybrid });
    expect(none.level).toBe("low");
    expect(none.reasons.at(-1)).toBe("linear-attention (hybrid) layers: no measured run of such a model to judge it");
  });

  it("caps at low a dimension value never measured", () => {
    const a = lookupConfidence(badges, {
      arch: "dense",
      batch: "b9-64",
      context: "ctx-le2k",
      generation: "ampere",
      engine: "vllm",
    });
    expect(a.level).toBe("low");
    expect(a.regime.id).toBe("regime_dense_b9-64");
    expect(a.reasons.join(" ")).toMatch(/never measured: generation ampere/);
  });

  describe("with the errors measured on a generation held out of the fit", () => {
    const withUnseen = toBadgeTable(table, {
      dense: { rows: 784, tpotMdape: 0.096, ttftMdape: 0.344 },
      moe: { rows: 596, tpotMdape: 0.292, ttftMdape: 0.415 },
    });
    const ampere = { arch: "dense", batch: "b9-64", context: "ctx-le2k", generation: "ampere", engine: "vllm" } as const;

    it("reports those errors, not other generations' in-sample ones, for a generation never measured; still low", () => {
      const a = lookupConfidence(withUnseen, ampere);
      expect(a.level).toBe("low");
      expect([a.tpotMdape, a.ttftMdape, a.rows]).toEqual([0.096, 0.344, 784]);
      expect(a.regime.href).toBe("/validate#unseen-hardware");
      expect(a.regime.label).toBe("dense · a GPU generation the fit never saw");
      expect(a.reasons.join(" ")).toMatch(/never measured: generation ampere/);
      expect(a.reasons.join(" ")).toContain("(leave-one-generation-out): TPOT MdAPE 9.6 %, TTFT MdAPE 34 % over 784 rows");
      // the MoE figures for a MoE model
      expect(lookupConfidence(withUnseen, { ...ampere, arch: "moe" }).tpotMdape).toBe(0.292);
    });

    it("leaves a measured generation, and an unmeasured engine on one, as before", () => {
      const hopper = { ...ampere, generation: "hopper" } as const;
      expect(lookupConfidence(withUnseen, hopper)).toEqual(lookupConfidence(badges, hopper));
      const newEngine = lookupConfidence(withUnseen, { ...hopper, engine: "trtllm" });
      expect(newEngine.regime.href).not.toContain("unseen-hardware");
    });
  });
});
