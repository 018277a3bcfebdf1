import { describe, expect, it } from "vitest";
import { GPUS, MODELS } from "../../../lib/catalog";
import { badgeTable, confidenceFor, confidenceForInput, confidenceTable, liveValidation } from "../../../lib/validation/live";
import { estimateInputSchema } from "../../../lib/plan/estimate-input";
import { UNSEEN_HARDWARE_ANCHOR } from "../../../lib/validation/confidence";
import { MEASURED_ROWS } from "../../../lib/validation/measurements.generated";
import { recipesOf } from "../../../app/validate/_lib/view-model";

describe("live validation against the current core and catalog", () => {
  it("finds every measured row's model and GPU in the catalog", () => {
    const { scored } = liveValidation();
    // every distinct run: 1,483 records less 103 that repeat a run (Python count, see tests/unit/model/calib-rows.test.ts)
    expect(MEASURED_ROWS.length).toBe(1483);
    expect(scored.length).toBe(1380);
    const missing = scored.filter((s) => s.regime === null).map((s) => s.problem);
    expect(missing).toEqual([]);
  });

  it("predicts the shipped runs with their benchmark recipes (counts by a Python pass over reports/validation.json)", () => {
    const { scored } = liveValidation();
    const runs = Object.fromEntries(recipesOf(scored).map((r) => [r.id, r.runs]));
    // InferenceMAX files (2026-03-25/2026-04-06.csv) at 1k/1k, 1k/8k, 8k/1k: 918 distinct runs
    expect(runs["inferencemax-random-lengths"]).toBe(918);
    // Llama-3.1-70B TRT-LLM 1k/1k below TP 8, measured 2025-10-29: 45 runs (H200 FP8, B200 FP8 and FP4)
    expect(runs["inferencemax-llama70b-trtllm-1k1k-batch-wait"]).toBe(45);
    // DeepSeek-R1 SGLang runs of those files: 102 on B200 (54 FP4, 44 FP8 at TP 8, 4 FP8 at TP 4), 13 on H200
    expect(runs["inferencemax-deepseek-sglang-b200-fp8-kv"]).toBe(102);
    expect(runs["inferencemax-deepseek-sglang-b200-fp4-memory"]).toBe(54);
    expect(runs["inferencemax-deepseek-sglang-b200-fp8-tp8-memory"]).toBe(44);
    expect(runs["inferencemax-deepseek-sglang-b200-fp8-tp4-memory"]).toBe(4);
    expect(runs["inferencemax-deepseek-sglang-h200-memory"]).toBe(13);
    // DeepSeek-R1 TRT-LLM B200 runs of those files on the MTP configs' image (1.2.0rc6.post3): 39, predicted with drafts
    expect(runs["inferencemax-deepseek-trtllm-b200-mtp"]).toBe(39);
    // every InferenceMAX run sent 10·C prompts; the B200 DeepSeek-R1 SGLang runs polled every 10 (41) or 30 (61) iterations
    expect(runs["inferencemax-ten-prompts-per-slot"]).toBe(918);
    expect(runs["inferencemax-deepseek-sglang-b200-recv-interval-10"]).toBe(41);
    expect(runs["inferencemax-deepseek-sglang-b200-recv-interval-30"]).toBe(61);
    // DeepSeek-R1 on GB200 in those files: Dynamo disaggregated deployments, 37 runs, none predicted
    expect(runs["inferencemax-deepseek-gb200-disaggregated"]).toBe(37);
    const unpredicted = scored.filter((s) => s.problem !== null);
    // the 37 disaggregated runs and 3 measured faster than their GPUs allow (calib/consistency)
    expect(unpredicted).toHaveLength(40);
    const mtp = scored.filter((s) => s.row.engineVersion === "1.2.0rc6.post3" && s.row.engine === "trtllm" && s.row.gpu === "b200");
    expect(mtp).toHaveLength(39);
    expect(mtp.every((s) => s.problem === null && s.tpotErr !== null)).toBe(true);
    const disagg = unpredicted.filter((s) => s.problem!.includes("disaggregated prefill/decode"));
    expect(disagg).toHaveLength(37);
    expect(disagg.every((s) => s.row.gpu === "gb200" && s.row.hfModel.includes("DeepSeek-R1"))).toBe(true);
  });

  it("computes the tables once", () => {
    expect(confidenceTable()).toBe(confidenceTable());
    expect(badgeTable()).toBe(badgeTable());
  });

  it("answers for every catalog model × GPU with an anchor the page renders", () => {
    const table = confidenceTable();
    for (const model of MODELS) {
      for (const gpu of GPUS) {
        const a = confidenceFor({ model, gpu, engine: "vllm", input: { isl: 1024, osl: 256, concurrency: 8 } });
        expect(["high", "medium", "low"]).toContain(a.level);
        if (a.regime.id === UNSEEN_HARDWARE_ANCHOR) {
          // a generation no row measured: judged on the leave-one-generation-out errors (a section of /validate)
          expect(table.measuredValues.generation, `${gpu.id}`).not.toContain(gpu.generation);
          expect(a.level).toBe("low");
          continue;
        }
        expect(table.byId[a.regime.id], `${model.id} on ${gpu.id} → ${a.regime.id}`).toBeDefined();
        expect(a.regime.href).toBe(`/validate#${a.regime.id}`);
      }
    }
  });

  it("says low, with the reason, for a model it cannot resolve", () => {
    const a = confidenceFor({ model: "no-such-model", gpu: "h100-sxm", engine: "vllm", input: { isl: 1, osl: 1, concurrency: 1 } });
    expect(a.level).toBe("low");
    expect(a.reasons).toEqual(["unknown model no-such-model"]);
  });

  it("answers for a parsed estimate request like for the same query", () => {
    const input = estimateInputSchema.parse({ model: "deepseek-r1", gpu: "b200", engine: "trtllm", weights: "fp4", tp: 8, isl: 8192, osl: 1024, concurrency: 4 });
    const a = confidenceForInput(input);
    const b = confidenceFor({ model: "deepseek-r1", gpu: "b200", engine: "trtllm", input: { isl: 8192, osl: 1024, concurrency: 4 } });
    expect(a).toEqual(b);
    // a MoE model at batch 4 on Blackwell with TensorRT-LLM lands on a MoE · batch 1–8 regime
    expect(a.regime.id.startsWith("regime_moe_b1-8")).toBe(true);
  });
});

describe("badges for speculative decoding", () => {
  it("judge the 39 MTP runs by their own errors, in-sample and held out", () => {
    const s = badgeTable().speculative!;
    expect(s.rows).toBe(39);
    // in-sample on the committed calibration (TPOT 8.8 %, TTFT 22 % on these runs) would be high; held out (committed
    // HELD_OUT_REGIMES.speculative_mtp: TPOT 19.5 %, TTFT 37.9 %) it is medium, and the lower counts
    expect(s.tpotMdape!).toBeGreaterThan(0.05);
    expect(s.tpotMdape!).toBeLessThan(0.15);
    expect(s.level).toBe("medium");
    expect(s.reasons.join(" ")).toMatch(/on models the fit never saw \(leave-one-model-out\): TPOT MdAPE (19|20) %/);
    const a = confidenceForInput({ model: "deepseek-r1", gpu: "b200", engine: "trtllm", isl: 1024, osl: 1024, concurrency: 4, mtpDraftTokens: 3 });
    expect(a.reasons.join(" ")).toContain("speculative decoding (MTP drafts), medium on its measured runs");
    expect(a.level).not.toBe("high");
  });
});

describe("the page predicts what npm run validate predicts", () => {
  it("every distinct run but the speculative-decoding and the disaggregated ones", () => {
    const { scored } = liveValidation();
    const rejected = scored.filter(
      (x) =>
        x.problem !== null &&
        !x.problem.includes("speculative decoding") &&
        !x.problem.includes("disaggregated prefill/decode") &&
        !x.problem.startsWith("measured faster than the hardware allows"),
    );
    expect(rejected.map((x) => `${x.row.id}: ${x.problem}`)).toEqual([]);
    // measured faster than the hardware allows: the three Qwen3-32B-NVFP4 runs of 15,000-token prompts on 2 GPUs at
    // C = 416–448 (TTFT 0.7–1.0 s), whose prefill alone would need 2.8–2.9× the two GPUs' peak FP4 FLOP/s
    const tooFast = scored.filter((x) => x.problem?.startsWith("measured faster than the hardware allows"));
    expect(tooFast.map((x) => [x.row.hfModel, x.row.isl, x.row.osl, x.row.tp]).sort()).toEqual([
      ["nvidia/Qwen3-32B-NVFP4", 15000, 500, 2],
      ["nvidia/Qwen3-32B-NVFP4", 15000, 500, 2],
      ["nvidia/Qwen3-32B-NVFP4", 15000, 500, 2],
    ]);
    const wide = scored.filter((x) => x.row.gpu === "gb200" && x.row.tp > 8 && x.row.moeEp === 1);
    expect(wide.length).toBeGreaterThan(30);
    expect(wide.every((x) => x.remapped !== null && x.remapped.tp === 1 && x.remapped.dp === x.row.tp)).toBe(true);
  });
});

describe("badges on a GPU generation no row measured", () => {
  it("carry the committed leave-one-generation-out errors of the model's architecture class", async () => {
    const { HELD_OUT_HARDWARE } = await import("../../../lib/model/calibration.generated");
    expect(HELD_OUT_HARDWARE).not.toBeNull();
    const dense = HELD_OUT_HARDWARE!.unseenGeneration.byMoe["dense"]!;
    const moe = HELD_OUT_HARDWARE!.unseenGeneration.byMoe["MoE"]!;
    const a = confidenceFor({ model: "llama-3.1-8b", gpu: "a100-80gb", engine: "vllm", input: { isl: 1024, osl: 256, concurrency: 8 } });
    expect(a.level).toBe("low");
    expect(a.regime.href).toBe("/validate#unseen-hardware");
    expect([a.tpotMdape, a.ttftMdape]).toEqual([dense.tpotMdape, dense.ttftMdape]);
    const m = confidenceFor({ model: "deepseek-r1", gpu: "mi300x", engine: "vllm", input: { isl: 1024, osl: 256, concurrency: 8 } });
    expect([m.tpotMdape, m.ttftMdape]).toEqual([moe.tpotMdape, moe.ttftMdape]);
    // a measured generation keeps its in-sample regime
    expect(confidenceFor({ model: "llama-3.1-8b", gpu: "h100-sxm", engine: "vllm", input: { isl: 1024, osl: 256, concurrency: 8 } }).regime.id).toMatch(/^regime_dense/);
    expect(badgeTable().unseenGeneration?.dense?.rows).toBe(Math.round(dense.rows * dense.predictedShare));
  });
});
