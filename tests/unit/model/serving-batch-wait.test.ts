import { describe, expect, it } from "vitest";
import { run } from "../../../cli/commands/estimate";
import { runCaptured } from "../cli/fake-io";
import { profileFor } from "../../../lib/model/engines";
import { estimateConfig, workloadOf } from "../../../lib/model/estimate";
import { resolveLayout } from "../../../lib/model/layout";
import { batchWaitSteps, serve } from "../../../lib/model/serving";
import { buildSetup } from "../../../lib/model/setup";
import { estimateInputSchema } from "../../../lib/plan/estimate-input";
import { DEEPSEEK_V3, H100_SXM, B200, LLAMA_70B, input } from "./fixtures";

const BIG = 1e9;

function trtSetup() {
  const l = resolveLayout(LLAMA_70B, H100_SXM, { tp: 4, pp: 1, dp: 1 });
  return buildSetup(LLAMA_70B, H100_SXM, l, profileFor("trtllm", H100_SXM).factors, "fp8", "fp8");
}

describe("batch waiting (TRT-LLM batch_wait_timeout_iters W)", () => {
  it("holds the prompt that opens a batch W iterations and those joining it W/2: W·(1 + a/2)/(1 + a)", () => {
    expect(batchWaitSteps(0, 0.3)).toBe(0);
    expect(batchWaitSteps(20, 0)).toBe(20); // nobody joins: the full timeout
    expect(batchWaitSteps(20, 0.05)).toBeCloseTo(15, 12); // a = 1: (20 + 10)/2
    expect(batchWaitSteps(20, 1)).toBeCloseTo((20 * 11) / 21, 12); // a = 20
    expect(batchWaitSteps(20, 1e6)).toBeCloseTo(10, 3); // a → ∞: everyone joins a batch already waiting
  });

  it("adds w_W · t̄ to TTFT while others decode, and nothing alone", () => {
    const s = trtSetup();
    const off = serve(s, 8, BIG, 1024, 1024);
    const on = serve(s, 8, BIG, 1024, 1024, { batchWaitIters: 20 });
    expect(off.waitBatch).toBe(0);
    expect(on.waitBatch).toBeGreaterThan(10 * on.tpot);
    expect(on.waitBatch).toBeLessThan(20 * on.tpot);
    // the rest of the first-token path is unchanged up to the small shift of the closed loop's mix
    expect((on.ttft - off.ttft) / on.waitBatch).toBeGreaterThan(0.95);
    expect((on.ttft - off.ttft) / on.waitBatch).toBeLessThan(1.05);
    // alone there is no decode running, so TRT-LLM does not wait
    expect(serve(s, 1, BIG, 1024, 1024, { batchWaitIters: 20 }).waitBatch).toBe(0);
  });

  it("is skipped with attention DP (TRT-LLM waits only without it)", () => {
    const l = resolveLayout(DEEPSEEK_V3, B200, { tp: 8, pp: 1, dp: 8, moeEp: 8, moeTp: 1 });
    const s = buildSetup(DEEPSEEK_V3, B200, l, profileFor("trtllm", B200).factors, "fp8", "fp8");
    expect(l.dp).toBe(8);
    expect(serve(s, 64, BIG, 1024, 1024, { batchWaitIters: 20 }).waitBatch).toBe(0);
  });

  it("is a TRT-LLM input: the schema names the field for other engines and for bad values", () => {
    const bad = estimateInputSchema.safeParse({ model: "x", gpu: "x", engine: "vllm", batchWaitIters: 20 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(["batchWaitIters"]);
    expect(bad.error!.issues[0]!.message).toContain("trtllm");
    expect(estimateInputSchema.safeParse({ model: "x", gpu: "x", engine: "vllm", batchWaitIters: 0 }).success).toBe(true);
    expect(estimateInputSchema.safeParse({ model: "x", gpu: "x", engine: "trtllm", batchWaitIters: 20 }).success).toBe(true);
    for (const v of [-1, 2.5, "20"]) {
      const r = estimateInputSchema.safeParse({ model: "x", gpu: "x", engine: "trtllm", batchWaitIters: v });
      expect(r.success, String(v)).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual(["batchWaitIters"]);
    }
  });
});

describe("request lengths that vary (randomRangeRatio r)", () => {
  it("rejects ratios outside (0, 1], naming the field", () => {
    for (const v of [0, -0.5, 1.2, "0.8"]) {
      const r = estimateInputSchema.safeParse({ model: "x", gpu: "x", randomRangeRatio: v });
      expect(r.success, String(v)).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual(["randomRangeRatio"]);
    }
    expect(estimateInputSchema.safeParse({ model: "x", gpu: "x", randomRangeRatio: 1 }).success).toBe(true);
  });

  it("predicts the mean request: (1 + r)/2 of ISL and OSL", () => {
    const w = workloadOf(input({ isl: 1024, osl: 8192, randomRangeRatio: 0.8 }));
    expect(w.isl).toBeCloseTo(921.6, 9);
    expect(w.osl).toBeCloseTo(7372.8, 9);
    const same = workloadOf(input({ isl: 1024, osl: 8192 }));
    expect([same.isl, same.osl]).toEqual([1024, 8192]);

    const varied = estimateConfig({ model: LLAMA_70B, gpu: H100_SXM, input: input({ weights: "fp8", tp: 4, isl: 1000, osl: 1000, concurrency: 16, randomRangeRatio: 0.6 }) });
    const mean = estimateConfig({ model: LLAMA_70B, gpu: H100_SXM, input: input({ weights: "fp8", tp: 4, isl: 800, osl: 800, concurrency: 16 }) });
    expect(varied.ttftMs).toBeCloseTo(mean.ttftMs, 9);
    expect(varied.tpotMs).toBeCloseTo(mean.tpotMs, 9);
    expect(varied.outputTokensPerSecond).toBeCloseTo(mean.outputTokensPerSecond, 9);
    expect((varied.notes ?? []).join(" ")).toContain("800 tokens in and 800 out");
    expect((mean.notes ?? []).join(" ")).not.toContain("Request lengths vary");
  });
});

describe("CLI flags", () => {
  it("--batch-wait-iters and --random-range-ratio reach the estimate; a bad one names the flag", async () => {
    const args = ["--model", "llama-3.1-70b", "--gpu", "h100-sxm", "--engine", "trtllm", "--weights", "fp8", "--tp", "4", "--concurrency", "8", "--json"];
    const a = await runCaptured(run, args);
    expect(a.code).toBe(0);
    const base = JSON.parse(a.out) as { ttftMs: number };
    const b = await runCaptured(run, [...args, "--batch-wait-iters", "20", "--random-range-ratio", "0.8"]);
    expect(b.code).toBe(0);
    const set = JSON.parse(b.out) as { ttftMs: number; notes: string[] };
    expect(set.ttftMs).toBeGreaterThan(base.ttftMs);
    expect(set.notes.join(" ")).toContain("random range ratio 0.8");
    const bad = await runCaptured(run, [...args, "--engine", "vllm", "--batch-wait-iters", "20"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--batch-wait-iters");
  });
});
