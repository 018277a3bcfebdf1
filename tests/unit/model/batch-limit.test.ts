import { describe, expect, it } from "vitest";
import { POST } from "../../../app/api/estimate/route";
import { decodeCalcUrl, DEFAULT_VALUES, encodeCalcUrl } from "../../../app/calculate/_lib/url-state";
import { run } from "../../../cli/commands/estimate";
import { runCaptured } from "../cli/fake-io";
import { getGpu, getModel } from "../../../lib/catalog";
import { profileFor, vllmBatchDefaults } from "../../../lib/model/engines";
import { engineSettingDefaults } from "../../../lib/model/engine-settings";
import { estimateConfig } from "../../../lib/model/estimate";
import { estimateInputSchema, type EstimateInputRaw } from "../../../lib/plan/estimate-input";

const LLAMA_8B = getModel("llama-3.1-8b")!;
const est = (gpu: string, o: Partial<EstimateInputRaw>) =>
  estimateConfig({
    model: LLAMA_8B,
    gpu: getGpu(gpu)!,
    input: estimateInputSchema.parse({ model: "x", gpu: "x", weights: "fp8", isl: 256, osl: 128, concurrency: 1, ...o }),
    explain: true,
  });

describe("the engine's batch limit bounds the requests in flight, as the KV cache does", () => {
  it("vLLM's defaults follow the GPU: 70 GiB or more and not an A100 → 8192 tokens and 1024 sequences, else 2048 and 256", () => {
    expect(vllmBatchDefaults(getGpu("h100-sxm")!)).toEqual({ prefillChunkTokens: 8192, maxBatchPerRank: 1024 });
    expect(vllmBatchDefaults(getGpu("b200")!)).toEqual({ prefillChunkTokens: 8192, maxBatchPerRank: 1024 });
    // 80 GiB, but vLLM singles the A100 out
    expect(vllmBatchDefaults(getGpu("a100-80gb")!)).toEqual({ prefillChunkTokens: 2048, maxBatchPerRank: 256 });
    // under 70 GiB
    expect(vllmBatchDefaults(getGpu("l40s")!)).toEqual({ prefillChunkTokens: 2048, maxBatchPerRank: 256 });
    expect(profileFor("vllm", getGpu("a100-80gb")!).factors.prefillChunkTokens).toBe(2048);
    // the calculator's placeholder shows the same default
    expect(engineSettingDefaults("vllm", getGpu("a100-80gb")!).prefillChunkTokens).toBe(2048);
    expect(engineSettingDefaults("vllm", getGpu("h100-sxm")!).prefillChunkTokens).toBe(8192);
  });

  it("an 8B model at short context: the KV cache would hold more, vLLM runs 1024 on an H100, TensorRT-LLM 2048, SGLang what the cache holds", () => {
    const sglang = est("h100-sxm", { engine: "sglang" }).maxConcurrency;
    expect(sglang).toBeGreaterThan(1024);
    expect(est("h100-sxm", { engine: "vllm" }).maxConcurrency).toBe(1024);
    expect(est("h100-sxm", { engine: "trtllm" }).maxConcurrency).toBe(2048);
    expect(est("a100-80gb", { engine: "vllm", weights: "bf16" }).maxConcurrency).toBe(256);
    // two attention ranks: the limit is per rank
    expect(est("h100-sxm", { engine: "vllm", dp: 2 }).maxConcurrency).toBe(2048);
  });

  it("requests beyond the limit queue: throughput stays, the first token waits", () => {
    const at = est("h100-sxm", { engine: "vllm", concurrency: 1024 });
    const over = est("h100-sxm", { engine: "vllm", concurrency: 2048 });
    expect(over.outputTokensPerSecond).toBeCloseTo(at.outputTokensPerSecond, 6);
    expect(over.ttftMs).toBeGreaterThan(at.ttftMs + 1000 * (1024 / (at.outputTokensPerSecond / 128)) * 0.99);
  });

  it("the derivation names the limit", () => {
    const d = est("h100-sxm", { engine: "vllm" }).derivations!.find((x) => x.key === "maxConcurrency")!;
    expect(d.label).toBe("Max concurrent requests (KV cache and the engine's batch limit)");
    expect(d.formula).toContain("at most dp · 1024");
    expect(d.substituted).toMatch(/^1 · min\(floor\(.*\), 1024\) = 1024/);
    const s = est("h100-sxm", { engine: "sglang" }).derivations!.find((x) => x.key === "maxConcurrency")!;
    expect(s.label).toBe("Max concurrent requests the KV cache holds");
  });

  it("a stated batch limit replaces the engine's: vLLM --max-num-seqs 512, SGLang --max-running-requests 100", () => {
    expect(est("h100-sxm", { engine: "vllm", maxBatch: 512 }).maxConcurrency).toBe(512);
    expect(est("h100-sxm", { engine: "sglang", maxBatch: 100 }).maxConcurrency).toBe(100);
    // above what the KV cache holds, the cache still decides
    expect(est("h100-sxm", { engine: "sglang", maxBatch: 100_000 }).maxConcurrency).toBe(est("h100-sxm", { engine: "sglang" }).maxConcurrency);
    expect(engineSettingDefaults("sglang", getGpu("h100-sxm")!).maxBatch).toBeNull();
    expect(engineSettingDefaults("vllm", getGpu("l40s")!).maxBatch).toBe(256);
    for (const v of [0, 2.5, "many"]) {
      const r = estimateInputSchema.safeParse({ model: "x", gpu: "x", maxBatch: v });
      expect(r.success, String(v)).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual(["maxBatch"]);
      expect(r.error!.issues[0]!.message).toContain("maxBatch");
    }
  });

  it("reaches the CLI as --max-batch, the API as maxBatch and the /calculate address as batch=", async () => {
    const args = ["--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--isl", "256", "--osl", "128", "--json"];
    const a = JSON.parse((await runCaptured(run, [...args, "--max-batch", "300"])).out) as { maxConcurrency: number };
    expect(a.maxConcurrency).toBe(300);
    const bad = await runCaptured(run, [...args, "--max-batch", "0"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--max-batch");
    const res = await POST(
      new Request("http://localhost/api/estimate", {
        method: "POST",
        body: JSON.stringify({ model: "llama-3.1-8b", gpu: "h100-sxm", maxBatch: -1 }),
        headers: { "content-type": "application/json" },
      }),
    );
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: { field: string; message: string }[] };
    expect(errors).toContainEqual({ field: "maxBatch", message: "maxBatch must be at least 1" });
    const v = { ...DEFAULT_VALUES, maxBatch: 64 };
    const qs = encodeCalcUrl(v);
    expect(qs).toContain("batch=64");
    expect(decodeCalcUrl(new URLSearchParams(qs)).values).toEqual(v);
  });
});
