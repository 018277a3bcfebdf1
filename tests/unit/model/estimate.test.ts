import { describe, expect, it } from "vitest";
import { estimateConfig } from "../../../lib/model/estimate";
import { A100_80, B200, DEEPSEEK_V3, H100_SXM, LLAMA_70B, LLAMA_8B, MIXTRAL_8X7B, input } from "./fixtures";

const KEYS = [
  "params.total", "params.active", "params.embedding", "params.attention", "params.ffn", "params.experts", "params.lmHead",
  "weights.total", "weights.perGpu", "weights.perLayer", "kv.bytesPerToken", "flops.decodePerToken", "bytes.decodePerStep",
  "memory.weights", "memory.kvCache", "memory.activations", "memory.reserve", "memory.free", "step.compute", "step.memory",
  "step.comm", "step.overhead", "ttft", "tpot", "throughput", "throughputPerGpu", "perUser", "maxConcurrency",
  "cost.perHour", "cost.perMonth", "cost.perMillionInput", "cost.perMillionOutput",
];

describe("estimateConfig", () => {
  it("explain=true returns every documented derivation key with formula and substituted values", () => {
    const r = estimateConfig({ model: LLAMA_70B, gpu: H100_SXM, input: input({ weights: "fp8", tp: 2, priceUsdPerGpuHour: 3 }), explain: true });
    const keys = new Set(r.derivations!.map((d) => d.key));
    for (const k of KEYS) expect(keys.has(k), k).toBe(true);
    for (const d of r.derivations!) {
      expect(Number.isFinite(d.value), d.key).toBe(true);
      expect(d.formula.length).toBeGreaterThan(0);
      expect(d.substituted.length).toBeGreaterThan(0);
    }
    expect(r.derivations!.find((d) => d.key === "tpot")!.value * 1e3).toBeCloseTo(r.tpotMs, 9);
  });

  it("explain=false carries no derivations", () => {
    const r = estimateConfig({ model: LLAMA_70B, gpu: H100_SXM, input: input({ weights: "fp8", tp: 2 }) });
    expect(r.derivations).toBeUndefined();
  });

  it("cost: $/h = price × GPUs; $/month = $/h × 730.5", () => {
    const r = estimateConfig({ model: LLAMA_70B, gpu: H100_SXM, input: input({ weights: "fp8", tp: 4, priceUsdPerGpuHour: 2.5 }) });
    expect(r.costUsdPerHour).toBe(10); // 2.5 · 4
    expect(r.costUsdPerMonth).toBeCloseTo(7305, 6); // 10 · 730.5
    // GPU time splits between input and output: both shares priced, output tokens cost more than input tokens
    expect(r.costUsdPerMillionOutputTokens).toBeGreaterThan(r.costUsdPerMillionInputTokens);
    // total dollars per hour are recovered from tokens: $/M_in · in/h + $/M_out · out/h = $/h
    const outPerH = r.outputTokensPerSecond * 3600;
    const inPerH = (r.outputTokensPerSecond / 256) * 1024 * 3600;
    expect((r.costUsdPerMillionInputTokens * inPerH + r.costUsdPerMillionOutputTokens * outPerH) / 1e6).toBeCloseTo(10, 6);
  });

  it("TP that does not divide the heads is impossible, with the reason", () => {
    const r = estimateConfig({ model: LLAMA_70B, gpu: H100_SXM, input: input({ tp: 3 }) });
    expect(r.fits).toBe(false);
    expect(r.problems.join(" ")).toMatch(/TP=3 does not divide the 64 attention heads/);
    expect(Number.isFinite(r.tpotMs)).toBe(true);
  });

  it("TP=16 on 8 KV heads replicates KV heads (allowed); TP=6 neither divides 48 heads' 8 KV heads", () => {
    const ok = estimateConfig({ model: LLAMA_70B, gpu: H100_SXM, input: input({ tp: 16, weights: "fp8" }) });
    expect(ok.problems).toEqual([]);
    expect(ok.notes?.join(" ")).toMatch(/exceeds one NVLink domain of 8/);
    const m48 = { ...LLAMA_70B, attention: { kind: "gqa" as const, numHeads: 48, numKvHeads: 8, headDim: 128, bias: false } };
    const bad = estimateConfig({ model: m48, gpu: H100_SXM, input: input({ tp: 6 }) });
    expect(bad.problems.join(" ")).toMatch(/KV heads/);
  });

  it("a model that does not fit says how much it needs", () => {
    // Llama-70B bf16 on one 80 GB GPU: 141 GB of weights
    const r = estimateConfig({ model: LLAMA_70B, gpu: H100_SXM, input: input({ weights: "bf16", tp: 1 }) });
    expect(r.fits).toBe(false);
    expect(r.maxConcurrency).toBe(0);
    expect(r.problems.join(" ")).toMatch(/Does not fit: each GPU needs 141\.1 GB of weights/);
  });

  it("fp8 on A100 runs weight-only (note), fits in half the memory of bf16", () => {
    const r = estimateConfig({ model: LLAMA_8B, gpu: A100_80, input: input({ weights: "fp8" }) });
    expect(r.fits).toBe(true);
    expect(r.notes?.join(" ")).toMatch(/dequantised on the fly/);
    const bf = estimateConfig({ model: LLAMA_8B, gpu: A100_80, input: input({ weights: "bf16" }) });
    expect(r.memory.weights).toBeLessThan(bf.memory.weights * 0.6);
  });

  it("MoE: moeTp × moeEp must equal tp × dp", () => {
    const r = estimateConfig({ model: MIXTRAL_8X7B, gpu: H100_SXM, input: input({ tp: 4, moeTp: 1, moeEp: 2 }) });
    expect(r.problems.join(" ")).toMatch(/moeTp × moeEp = 1 × 2 = 2 must equal tp × dp = 4/);
  });

  it("context beyond the model's window is impossible", () => {
    const r = estimateConfig({ model: MIXTRAL_8X7B, gpu: H100_SXM, input: input({ tp: 4, isl: 30000, osl: 4000 }) });
    expect(r.problems.join(" ")).toMatch(/exceeds the model's context window of 32768/);
  });

  it("beyond the KV capacity requests queue: binding is kv-capacity and TTFT grows", () => {
    const small = estimateConfig({ model: LLAMA_70B, gpu: H100_SXM, input: input({ weights: "fp8", tp: 2, isl: 8192, osl: 1024, concurrency: 16 }) });
    const over = estimateConfig({ model: LLAMA_70B, gpu: H100_SXM, input: input({ weights: "fp8", tp: 2, isl: 8192, osl: 1024, concurrency: 2000 }) });
    expect(over.maxConcurrency).toBeLessThan(2000);
    expect(over.binding).toBe("kv-capacity");
    expect(over.ttftMs).toBeGreaterThan(small.ttftMs * 10);
  });

  it("TensorRT-LLM's KV fraction is of the memory free after loading; vLLM's is of the whole GPU", () => {
    const cfg = { weights: "fp8", kv: "fp8", tp: 2, isl: 8192, osl: 1024, concurrency: 16 } as const;
    const trt = estimateConfig({ model: LLAMA_70B, gpu: H100_SXM, input: input({ ...cfg, engine: "trtllm" }), explain: true });
    const vllm = estimateConfig({ model: LLAMA_70B, gpu: H100_SXM, input: input({ ...cfg, engine: "vllm" }) });
    const cap = 80e9;
    const loaded = cap - trt.memory.weights - trt.memory.activations;
    expect(trt.memory.runtimeReserve).toBeCloseTo(0.1 * loaded, -3);
    expect(vllm.memory.runtimeReserve).toBeCloseTo(0.1 * cap, -3);
    // KV per GPU per token: 80 layers · 8 KV heads · 128 · 2 (K, V) · 1 B (fp8) / tp 2 = 81,920 B; TRT-LLM reserves
    // the whole output (GUARANTEED_NO_EVICT): 9,216 tokens per request
    expect(trt.maxConcurrency).toBe(Math.floor((0.9 * loaded) / (81920 * 9216)));
    expect(trt.derivations!.find((d) => d.key === "maxConcurrency")!.formula).toMatch(/f_kv · \(capacity − weights − activations\)/);
  });

  it("MoE at batch 1 reads only the touched experts: DeepSeek fp4 on 8×B200 decodes far faster than streaming all weights", () => {
    const r = estimateConfig({ model: DEEPSEEK_V3, gpu: B200, input: input({ weights: "fp4", tp: 8, concurrency: 1, isl: 1024, osl: 1024 }), explain: true });
    // all weights per GPU ≈ 386 GB / 8 ≈ 48 GB; at B = 1 a step reads 8 of 256 experts (3 %) + the dense parts
    // (attention 11.4 G params at fp8 / 8 ≈ 1.4 GB, shared experts, LM head) ≈ 3.5 GB < 15 % of 48 GB
    const bytes = r.derivations!.find((d) => d.key === "bytes.decodePerStep")!.value;
    expect(r.fits).toBe(true);
    expect(bytes).toBeLessThan(0.15 * r.memory.weights);
  });
});
