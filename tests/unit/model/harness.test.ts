import { describe, expect, it } from "vitest";
import { HARNESS_RULES, harnessSettings, harnessUnmodelled, measuredDate, type HarnessRun } from "../../../lib/model/calib/harness";
import { estimateInputSchema } from "../../../lib/plan/estimate-input";

describe("benchmark recipes (calib/harness)", () => {
  const llama: HarnessRun = {
    engine: "trtllm",
    modelPath: "meta-llama/Llama-3.1-70B",
    gpu: "h200-sxm",
    weights: "fp8",
    isl: 1024,
    osl: 1024,
    tp: 4,
    dp: 1,
    measured: "2025-10-29",
    engineVersion: null,
    source: "source_file=2026-04-06.csv; model=Llama-3.3-70B-Instruct-FP8; silicon_concurrency=16; measured=2025-10-29T01:02:03",
  };

  it("gives InferenceMAX runs their random lengths and the Llama-70B TRT-LLM 1k/1k recipe its batch waiting", () => {
    expect(harnessSettings(llama)).toEqual({ randomRangeRatio: 0.8, batchWaitIters: 20 });
    // the scripts set it below TP 8 only, for 1k/1k only, in the runs of that date only
    expect(harnessSettings({ ...llama, tp: 8 })).toEqual({ randomRangeRatio: 0.8 });
    expect(harnessSettings({ ...llama, osl: 8192 })).toEqual({ randomRangeRatio: 0.8 });
    expect(harnessSettings({ ...llama, measured: "2025-11-10" })).toEqual({ randomRangeRatio: 0.8 });
    expect(harnessSettings({ ...llama, engine: "vllm" })).toEqual({ randomRangeRatio: 0.8 });
    // AIConfigurator's own sweeps are neither
    expect(harnessSettings({ ...llama, source: "source_file=h200_sxm/trtllm/1.0.0rc3/x.csv; measured=2025-10-29" })).toEqual({});
    expect(harnessSettings({ ...llama, isl: 4000, osl: 1000 })).toEqual({});
  });

  it("gives the DeepSeek-R1 SGLang runs the memory, KV cache and prefill chunk their scripts set", () => {
    const dsr1: HarnessRun = { ...llama, engine: "sglang", modelPath: "deepseek-ai/DeepSeek-R1", gpu: "b200", weights: "fp8", isl: 8192, osl: 1024, tp: 4, measured: "2026-03-02" };
    expect(harnessSettings(dsr1)).toEqual({ randomRangeRatio: 0.8, kv: "fp8", memFraction: 0.95, prefillChunkTokens: 8192 });
    expect(harnessSettings({ ...dsr1, tp: 8 })).toEqual({ randomRangeRatio: 0.8, kv: "fp8", memFraction: 0.82, prefillChunkTokens: 32768 });
    expect(harnessSettings({ ...dsr1, weights: "fp4" })).toEqual({ randomRangeRatio: 0.8, kv: "fp8", memFraction: 0.85 });
    // the H200 script leaves the KV cache at SGLang's default
    expect(harnessSettings({ ...dsr1, gpu: "h200-sxm", tp: 8 })).toEqual({ randomRangeRatio: 0.8, memFraction: 0.82, prefillChunkTokens: 32768 });
    // other engines, other models and AIConfigurator's own sweeps are untouched
    expect(harnessSettings({ ...dsr1, engine: "trtllm" })).toEqual({ randomRangeRatio: 0.8 });
    expect(harnessSettings({ ...dsr1, modelPath: "openai/gpt-oss-120b" })).toEqual({ randomRangeRatio: 0.8 });
    expect(harnessSettings({ ...dsr1, source: "source_file=b200_sxm/sglang/0.5.9/x.csv; measured=2026-03-02" })).toEqual({});
  });

  it("leaves the DeepSeek-R1 TensorRT-LLM MTP runs unpredicted, by their image tag", () => {
    const mtp: HarnessRun = { ...llama, modelPath: "deepseek-ai/DeepSeek-R1", gpu: "b200", weights: "fp8", tp: 8, measured: "2026-02-05", engineVersion: "1.2.0rc6.post3" };
    expect(harnessUnmodelled(mtp)).toContain("speculative decoding");
    // the standard (STP) runs of the same configs ran on post2; other engines, GPUs and AIConfigurator's sweeps are predicted
    expect(harnessUnmodelled({ ...mtp, engineVersion: "1.2.0rc6.post2" })).toBeNull();
    expect(harnessUnmodelled({ ...mtp, engine: "sglang" })).toBeNull();
    expect(harnessUnmodelled({ ...mtp, gpu: "h200-sxm" })).toBeNull();
    expect(harnessUnmodelled({ ...mtp, source: "source_file=b200_sxm/trtllm/1.2.0rc6.post3/x.csv" })).toBeNull();
    expect(harnessUnmodelled(llama)).toBeNull();
  });

  it("every rule quotes a source and its settings pass the estimate schema", () => {
    for (const rule of HARNESS_RULES) {
      expect(rule.source, rule.id).toMatch(/^https:\/\//);
      expect(rule.why.length, rule.id).toBeGreaterThan(40);
      const engine = rule.settings.batchWaitIters ? "trtllm" : "vllm";
      expect(estimateInputSchema.safeParse({ model: "x", gpu: "x", engine, ...rule.settings }).success, rule.id).toBe(true);
    }
  });

  it("reads the measurement date from a row's provenance", () => {
    expect(measuredDate(llama.source)).toBe("2025-10-29");
    expect(measuredDate("source_file=a.csv; gtl_job_id=1")).toBeNull();
  });
});
