import { describe, expect, it } from "vitest";
import { fitAll, exercises } from "../../../lib/model/calib/fit-all";
import type { CalibRow } from "../../../lib/model/calib/rows";
import { PRIOR_FACTORS, profileFor } from "../../../lib/model/engines";
import type { EngineFactors } from "../../../lib/model/engine-types";
import { resolveLayout } from "../../../lib/model/layout";
import { buildSetup } from "../../../lib/model/setup";
import { decodeStep, prefill } from "../../../lib/model/step";
import { DEEPSEEK_V3, H100_SXM, LLAMA_8B } from "./fixtures";

const ZERO: Partial<EngineFactors> = {
  stepOverheadS: 0,
  layerOverheadS: 0,
  moeLayerOverheadS: 0,
  expertOverheadS: 0,
  seqOverheadS: 0,
};

function setupWith(model: typeof LLAMA_8B, f: Partial<EngineFactors>) {
  const base = profileFor("vllm", H100_SXM).factors;
  const l = resolveLayout(model, H100_SXM, { tp: 8, pp: 1, dp: 1 });
  return buildSetup(model, H100_SXM, l, { ...base, ...ZERO, ...f }, "fp8", "fp8");
}

describe("fixed costs of an engine iteration", () => {
  it("adds t_step + t_layer·L + t_seq·b·L to a dense decode step (hand-computed)", () => {
    // Llama-3.1-8B: 32 layers; 10 sequences → 1e-4 + 2e-6·32 + 1e-7·10·32 = 1e-4 + 6.4e-5 + 3.2e-5 = 1.96e-4 s
    const s = setupWith(LLAMA_8B, { stepOverheadS: 1e-4, layerOverheadS: 2e-6, seqOverheadS: 1e-7 });
    expect(decodeStep(s, 10, 1000).tOverhead).toBeCloseTo(1.96e-4, 12);
    // the per-sequence part scales with the batch: 20 sequences add another 3.2e-5 s
    expect(decodeStep(s, 20, 1000).tOverhead - decodeStep(s, 10, 1000).tOverhead).toBeCloseTo(3.2e-5, 12);
  });

  it("charges the MoE-layer cost once per MoE layer, and never to a dense model", () => {
    // DeepSeek-V3 has 58 MoE layers of 61: 5e-6 s each → 2.9e-4 s per iteration whatever the batch
    const moe = setupWith(DEEPSEEK_V3, { moeLayerOverheadS: 5e-6 });
    expect(decodeStep(moe, 1, 1000).tOverhead).toBeCloseTo(2.9e-4, 12);
    expect(decodeStep(moe, 64, 1000).tOverhead).toBeCloseTo(2.9e-4, 12);
    // a prefill of 20 000 tokens spans 3 iterations of 8192 tokens: the cost is paid in each
    expect(prefill(moe, 20000).tOverhead).toBeCloseTo(3 * 2.9e-4, 12);
    const dense = setupWith(LLAMA_8B, { moeLayerOverheadS: 5e-6 });
    expect(decodeStep(dense, 8, 1000).tOverhead).toBe(0);
  });

  it("reports the expert blocks the step runs (0 for a dense model)", () => {
    const moe = setupWith(DEEPSEEK_V3, {});
    const one = decodeStep(moe, 1, 1000);
    // one token touches k = 8 of 256 experts per MoE layer; tp 8 slices every expert over 8 GPUs → 8 · 58 blocks
    expect(one.expertBlocks).toBeCloseTo(8 * 58, 6);
    expect(decodeStep(setupWith(LLAMA_8B, {}), 8, 1000).expertBlocks).toBe(0);
  });
});

describe("factors no row exercises are not fitted", () => {
  const row = (over: Partial<CalibRow>): CalibRow =>
    ({
      id: "r", arch: "dense", gpu: "h100-sxm", engine: "vllm", weights: "fp8", isl: 1000, osl: 1000, concurrency: 8,
      tp: 1, pp: 1, dp: 1, ttftMs: 100, tpotMs: 10, source: "test", ...over,
    }) as CalibRow;
  const ctx = {
    models: new Map([["dense", LLAMA_8B], ["moe", DEEPSEEK_V3]]),
    gpus: new Map([["h100-sxm", H100_SXM]]),
  };

  it("ties the attention-DP wait to dp > 1 rows and the MoE overheads to MoE rows", () => {
    expect(exercises("dpBalanceSteps", row({}), ctx)).toBe(false);
    expect(exercises("dpBalanceSteps", row({ dp: 4 }), ctx)).toBe(true);
    expect(exercises("moeLayerOverheadS", row({}), ctx)).toBe(false);
    expect(exercises("expertOverheadS", row({ arch: "moe" }), ctx)).toBe(true);
    expect(exercises("bwEff", row({}), ctx)).toBe(true);
  });

  it("a dense-only, dp = 1 fit leaves those factors at their priors and lists only what it fitted", () => {
    const rows = [1, 4, 16, 64].map((c, i) =>
      row({ id: `r${i}`, concurrency: c, tpotMs: 6 + c * 0.05, ttftMs: 40 + c * 2 }),
    );
    const fit = fitAll(rows, ctx, 200);
    const f = fit.factors["vllm:hopper"]!;
    expect(f.dpBalanceSteps).toBe(PRIOR_FACTORS.dpBalanceSteps);
    expect(f.moeLayerOverheadS).toBe(PRIOR_FACTORS.moeLayerOverheadS);
    expect(f.expertOverheadS).toBe(PRIOR_FACTORS.expertOverheadS);
    const listed = fit.fittedPerKey["vllm:hopper"]!;
    expect(listed).not.toContain("dpBalanceSteps");
    expect(listed).not.toContain("moeLayerOverheadS");
    expect(listed).toContain("bwEff");
    expect(listed).toContain("seqOverheadS");
  });
});
