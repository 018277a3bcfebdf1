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
    concurrency: 16,
    measured: "2025-10-29",
    engineVersion: null,
    source: "source_file=2026-04-06.csv; model=Llama-3.3-70B-Instruct-FP8; silicon_concurrency=16; measured=2025-10-29T01:02:03",
  };

  // every InferenceMAX run: lengths drawn from [0.8·L, L], 10 · C prompts in all
  const imax = (c: number) => ({ randomRangeRatio: 0.8, numPrompts: 10 * c });

  it("gives InferenceMAX runs their random lengths and prompt count, and the Llama-70B TRT-LLM 1k/1k recipe its batch waiting", () => {
    expect(harnessSettings(llama)).toEqual({ ...imax(16), batchWaitIters: 20 });
    expect(harnessSettings({ ...llama, tp: 8, concurrency: 64 })).toEqual(imax(64));
    // the scripts set it below TP 8 only, for 1k/1k only, in the runs of that date only
    expect(harnessSettings({ ...llama, tp: 8 })).toEqual(imax(16));
    expect(harnessSettings({ ...llama, osl: 8192 })).toEqual(imax(16));
    expect(harnessSettings({ ...llama, measured: "2025-11-10" })).toEqual(imax(16));
    expect(harnessSettings({ ...llama, engine: "vllm" })).toEqual(imax(16));
    // AIConfigurator's own sweeps are neither
    expect(harnessSettings({ ...llama, source: "source_file=h200_sxm/trtllm/1.0.0rc3/x.csv; measured=2025-10-29" })).toEqual({});
    expect(harnessSettings({ ...llama, isl: 4000, osl: 1000 })).toEqual({});
  });

  it("gives the DeepSeek-R1 FP8 TRT-LLM 1k/1k runs on B200 from C 64 to 255 the batch waiting their script sets", () => {
    const dsr1: HarnessRun = { ...llama, modelPath: "deepseek-ai/DeepSeek-R1", gpu: "b200", tp: 8, concurrency: 128, measured: "2026-03-02", engineVersion: "1.2.0rc6.post2" };
    expect(harnessSettings(dsr1)).toEqual({ ...imax(128), batchWaitIters: 40 });
    expect(harnessSettings({ ...dsr1, concurrency: 64 })).toEqual({ ...imax(64), batchWaitIters: 40 });
    // DELAY_BATCHING: 1k/1k, 64 ≤ C < 256, FP8, B200, the script without MTP (whose runs carry image 1.2.0rc6.post3)
    expect(harnessSettings({ ...dsr1, concurrency: 32 })).toEqual(imax(32));
    expect(harnessSettings({ ...dsr1, concurrency: 256 })).toEqual(imax(256));
    expect(harnessSettings({ ...dsr1, osl: 8192 })).toEqual(imax(128));
    expect(harnessSettings({ ...dsr1, weights: "fp4" })).toEqual(imax(128));
    expect(harnessSettings({ ...dsr1, gpu: "h200-sxm" })).toEqual(imax(128));
    expect(harnessSettings({ ...dsr1, engineVersion: "1.2.0rc6.post3" }).batchWaitIters).toBeUndefined();
  });

  it("gives the DeepSeek-R1 SGLang runs the memory, KV cache and prefill chunk their scripts set", () => {
    const dsr1: HarnessRun = { ...llama, engine: "sglang", modelPath: "deepseek-ai/DeepSeek-R1", gpu: "b200", weights: "fp8", isl: 8192, osl: 1024, tp: 4, measured: "2026-03-02" };
    const recv = (n: number) => ({ schedulerRecvInterval: n });
    expect(harnessSettings(dsr1)).toEqual({ ...imax(16), kv: "fp8", memFraction: 0.95, prefillChunkTokens: 8192, ...recv(10) });
    expect(harnessSettings({ ...dsr1, tp: 8 })).toEqual({ ...imax(16), kv: "fp8", memFraction: 0.82, prefillChunkTokens: 32768, ...recv(30) });
    expect(harnessSettings({ ...dsr1, weights: "fp4" })).toEqual({ ...imax(16), kv: "fp8", memFraction: 0.85, ...recv(30) });
    // the B200 scripts poll for new requests every 10 decode iterations below C 16, every 30 from C 16 (FP8 TP 4: 10)
    expect(harnessSettings({ ...dsr1, weights: "fp4", concurrency: 8 })).toEqual({ ...imax(8), kv: "fp8", memFraction: 0.85, ...recv(10) });
    expect(harnessSettings({ ...dsr1, concurrency: 32 })).toEqual({ ...imax(32), kv: "fp8", memFraction: 0.95, prefillChunkTokens: 8192, ...recv(10) });
    // the H200 script leaves the KV cache and the recv interval at SGLang's defaults
    expect(harnessSettings({ ...dsr1, gpu: "h200-sxm", tp: 8 })).toEqual({ ...imax(16), memFraction: 0.82, prefillChunkTokens: 32768 });
    // other engines, other models and AIConfigurator's own sweeps are untouched
    expect(harnessSettings({ ...dsr1, engine: "trtllm" })).toEqual(imax(16));
    expect(harnessSettings({ ...dsr1, modelPath: "openai/gpt-oss-120b" })).toEqual(imax(16));
    expect(harnessSettings({ ...dsr1, source: "source_file=b200_sxm/sglang/0.5.9/x.csv; measured=2026-03-02" })).toEqual({});
  });

  it("predicts the DeepSeek-R1 TensorRT-LLM MTP runs, told by their image tag, with 3 drafts (1 under attention DP)", () => {
    const mtp: HarnessRun = { ...llama, modelPath: "deepseek-ai/DeepSeek-R1", gpu: "b200", weights: "fp8", tp: 8, measured: "2026-02-05", engineVersion: "1.2.0rc6.post3" };
    expect(harnessUnmodelled(mtp)).toBeNull();
    // DeepSeek's published rates: 1 + 0.875 · (1 + 0.62 + 0.62²) and 1 + 0.875
    const three = harnessSettings(mtp);
    expect(three.mtpDraftTokens).toBe(3);
    expect(three.mtpAcceptanceLength).toBeCloseTo(1 + 0.875 * (1 + 0.62 + 0.62 * 0.62), 12);
    const one = harnessSettings({ ...mtp, tp: 1, dp: 8 });
    expect(one.mtpDraftTokens).toBe(1);
    expect(one.mtpAcceptanceLength).toBeCloseTo(1.875, 12);
    // the standard (STP) runs of the same configs ran on post2; other engines, GPUs and AIConfigurator's sweeps have no drafts
    expect(harnessSettings({ ...mtp, engineVersion: "1.2.0rc6.post2" }).mtpDraftTokens).toBeUndefined();
    expect(harnessSettings({ ...mtp, engine: "sglang" }).mtpDraftTokens).toBeUndefined();
    expect(harnessSettings({ ...mtp, gpu: "h200-sxm" }).mtpDraftTokens).toBeUndefined();
    expect(harnessSettings({ ...mtp, source: "source_file=b200_sxm/trtllm/1.2.0rc6.post3/x.csv" }).mtpDraftTokens).toBeUndefined();
    expect(harnessUnmodelled(llama)).toBeNull();
  });

  it("every rule quotes a source and its settings pass the estimate schema", () => {
    for (const rule of HARNESS_RULES) {
      expect(rule.source, rule.id).toMatch(/^https:\/\//);
      expect(rule.why.length, rule.id).toBeGreaterThan(40);
      const engine = rule.settings.batchWaitIters ? "trtllm" : rule.settings.schedulerRecvInterval ? "sglang" : "vllm";
      const settings = { ...rule.settings, ...rule.settingsOf?.(llama) };
      expect(estimateInputSchema.safeParse({ model: "x", gpu: "x", engine, concurrency: 16, ...settings }).success, rule.id).toBe(true);
    }
  });

  it("reads the measurement date from a row's provenance", () => {
    expect(measuredDate(llama.source)).toBe("2025-10-29");
    expect(measuredDate("source_file=a.csv; gtl_job_id=1")).toBeNull();
  });
});
