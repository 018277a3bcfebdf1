import { describe, expect, it } from "vitest";
import { run } from "../../../cli/commands/estimate";
import { runCaptured } from "../cli/fake-io";
import { getGpu, getModel } from "../../../lib/catalog";
import { engineSettingDefaults } from "../../../lib/model/engine-settings";
import { estimateConfig } from "../../../lib/model/estimate";
import { estimateInputSchema, type EstimateInputRaw } from "../../../lib/plan/estimate-input";

const B200 = getGpu("b200")!;
const H100 = getGpu("h100-sxm")!;
const DSR1 = getModel("deepseek-r1")!;
const LLAMA_70B = getModel("llama-3.1-70b")!;

const input = (o: Partial<EstimateInputRaw>) => estimateInputSchema.parse({ model: "x", gpu: "x", ...o });

/** DeepSeek-R1's MLA cache per token, by hand: (kv_lora_rank 512 + rope dim 64) × 61 layers × bytes per element. */
const DSR1_KV_FP8_BYTES_PER_TOKEN = (512 + 64) * 61 * 1;

describe("engine settings a request may name (memFraction, prefillChunkTokens)", () => {
  it("rejects out-of-range values with the field named", () => {
    for (const [field, v] of [
      ["memFraction", 0],
      ["memFraction", 1.2],
      ["memFraction", "a"],
      ["prefillChunkTokens", 100],
      ["prefillChunkTokens", 1024.5],
    ] as const) {
      const r = estimateInputSchema.safeParse({ model: "x", gpu: "x", [field]: v });
      expect(r.success, `${field}=${v}`).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual([field]);
    }
    expect(estimateInputSchema.safeParse({ model: "x", gpu: "x", memFraction: 1, prefillChunkTokens: 256 }).success).toBe(true);
  });

  it("SGLang's mem_fraction_static is a share of the whole GPU: DeepSeek-R1 FP8 on 4×B200 holds KV only above the default", () => {
    const base = { engine: "sglang" as const, weights: "fp8" as const, kv: "fp8" as const, tp: 4, isl: 8192, osl: 1024, concurrency: 16 };
    const def = estimateConfig({ model: DSR1, gpu: B200, input: input(base) });
    const high = estimateConfig({ model: DSR1, gpu: B200, input: input({ ...base, memFraction: 0.95 }) });
    // pool = f · capacity − weights − activations; a request holds ISL + OSL/2 tokens (SGLang pages on demand)
    const perRequest = DSR1_KV_FP8_BYTES_PER_TOKEN * (8192 + 1024 / 2);
    const m = high.memory;
    expect(high.maxConcurrency).toBe(Math.floor((0.95 * m.capacity - m.weights - m.activations) / perRequest));
    expect(def.maxConcurrency).toBe(Math.floor((0.9 * m.capacity - m.weights - m.activations) / perRequest));
    expect(def.maxConcurrency).toBeLessThan(16); // requests queue at the default …
    expect(high.maxConcurrency).toBeGreaterThanOrEqual(16); // … and all 16 run at 0.95
    expect(high.ttftMs).toBeLessThan(def.ttftMs / 2);
    expect(high.memory.runtimeReserve).toBeCloseTo(0.05 * m.capacity, 0);
  });

  it("TensorRT-LLM's free_gpu_memory_fraction is a share of what the weights leave", () => {
    const base = { engine: "trtllm" as const, weights: "fp8" as const, tp: 2, isl: 4096, osl: 1024, concurrency: 8 };
    const r = estimateConfig({ model: LLAMA_70B, gpu: H100, input: input({ ...base, memFraction: 0.5 }) });
    const m = r.memory;
    // Llama-3.1-70B: 80 layers × 8 KV heads / TP 2 × head dim 128 × (K and V) × 1 byte (FP8 cache on an FP8 checkpoint)
    const perToken = 80 * (8 / 2) * 128 * 2 * 1;
    // TRT-LLM reserves the whole output up front (guaranteed no evict)
    expect(r.maxConcurrency).toBe(Math.floor((0.5 * (m.capacity - m.weights - m.activations)) / (perToken * (4096 + 1024))));
  });

  it("a smaller prefill chunk splits a long prompt over more iterations", () => {
    const base = { engine: "vllm" as const, weights: "fp8" as const, tp: 4, isl: 8192, osl: 256, concurrency: 1 };
    const def = estimateConfig({ model: LLAMA_70B, gpu: H100, input: input(base) });
    const same = estimateConfig({ model: LLAMA_70B, gpu: H100, input: input({ ...base, prefillChunkTokens: engineSettingDefaults("vllm", H100).prefillChunkTokens }) });
    const small = estimateConfig({ model: LLAMA_70B, gpu: H100, input: input({ ...base, prefillChunkTokens: 1024 }) });
    expect(same.ttftMs).toBe(def.ttftMs);
    // 8 iterations instead of 1: each pays the step overhead and re-reads the weights
    expect(small.prefillMs).toBeGreaterThan(def.prefillMs);
  });

  it("names each engine's own setting and its default on the GPU", () => {
    expect(engineSettingDefaults("sglang", B200)).toMatchObject({ memFraction: 0.9, prefillChunkTokens: 16384 });
    expect(engineSettingDefaults("sglang", H100)).toMatchObject({ prefillChunkTokens: 8192 });
    expect(engineSettingDefaults("trtllm", H100).memFractionHint).toContain("free_gpu_memory_fraction");
    expect(engineSettingDefaults("vllm", H100).prefillChunkHint).toContain("max_num_batched_tokens");
  });
});

describe("CLI flags --mem-fraction and --prefill-chunk-tokens", () => {
  it("reach the estimate; a bad one names the flag", async () => {
    const args = ["--model", "deepseek-r1", "--gpu", "b200", "--engine", "sglang", "--weights", "fp8", "--tp", "4", "--isl", "8192", "--osl", "1024", "--concurrency", "16", "--json"];
    const a = await runCaptured(run, args);
    expect(a.code).toBe(0);
    const base = JSON.parse(a.out) as { maxConcurrency: number; prefillMs: number };
    const b = await runCaptured(run, [...args, "--mem-fraction", "0.95", "--prefill-chunk-tokens", "4096"]);
    expect(b.code).toBe(0);
    const set = JSON.parse(b.out) as { maxConcurrency: number; prefillMs: number };
    expect(set.maxConcurrency).toBeGreaterThan(base.maxConcurrency);
    expect(set.prefillMs).toBeGreaterThan(base.prefillMs);
    const mem = await runCaptured(run, [...args, "--mem-fraction", "1.5"]);
    expect(mem.code).toBe(2);
    expect(mem.err).toContain("--mem-fraction");
    const chunk = await runCaptured(run, [...args, "--prefill-chunk-tokens", "12"]);
    expect(chunk.code).toBe(2);
    expect(chunk.err).toContain("--prefill-chunk-tokens");
  });
});
