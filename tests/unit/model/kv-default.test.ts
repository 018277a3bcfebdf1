import { describe, expect, it } from "vitest";
import { getGpu, getModel } from "../../../lib/catalog";
import { profileFor } from "../../../lib/model/engines";
import { estimateConfig, kvPrecisionFor } from "../../../lib/model/estimate";
import type { EngineId } from "../../../lib/catalog/types";
import type { EstimateInput } from "../../../lib/plan/estimate-input";

const b200 = getGpu("b200")!;
const a100 = getGpu("a100-80gb")!;
const req = (model: string, engine: EngineId, weights: EstimateInput["weights"], kv?: EstimateInput["kv"]): EstimateInput => ({
  model, gpu: "b200", engine, weights, ...(kv ? { kv } : {}), tp: 1, pp: 1, dp: 1, isl: 1024, osl: 1024, concurrency: 8,
});
const kvOf = (model: string, engine: EngineId, weights: EstimateInput["weights"], gpu = b200, kv?: EstimateInput["kv"]) =>
  kvPrecisionFor(req(model, engine, weights, kv), profileFor(engine, gpu), gpu, getModel(model)!);

describe("the KV cache precision an engine picks when the request names none", () => {
  it("TensorRT-LLM follows the checkpoint: FP8 cache for FP8/NVFP4 checkpoints, none for an MXFP4 one (gpt-oss)", () => {
    expect(kvOf("llama-3.1-70b", "trtllm", "fp8")).toBe("fp8");
    expect(kvOf("deepseek-r1", "trtllm", "fp4")).toBe("fp8");
    expect(kvOf("gpt-oss-120b", "trtllm", "fp4")).toBe("bf16");
    expect(kvOf("llama-3.1-70b", "trtllm", "bf16")).toBe("bf16");
  });

  it("vLLM and SGLang keep the model dtype; a GPU without FP8 keeps bf16; an explicit choice wins", () => {
    expect(kvOf("llama-3.1-70b", "vllm", "fp8")).toBe("bf16");
    expect(kvOf("llama-3.1-70b", "sglang", "fp8")).toBe("bf16");
    expect(kvOf("llama-3.1-70b", "trtllm", "fp8", a100)).toBe("bf16");
    expect(kvOf("gpt-oss-120b", "trtllm", "fp4", b200, "fp8")).toBe("fp8");
  });

  it("a bf16 cache holds half the tokens an FP8 one does: gpt-oss on TensorRT-LLM fits half the requests", () => {
    // 8k-token prompts keep both under TensorRT-LLM's 2,048-request batch limit, so the KV cache alone decides
    const run = (kv?: EstimateInput["kv"]) =>
      estimateConfig({ model: getModel("gpt-oss-120b")!, gpu: b200, input: { ...req("gpt-oss-120b", "trtllm", "fp4", kv), isl: 8192 } });
    const auto = run();
    const fp8 = run("fp8");
    expect(auto.maxConcurrency / fp8.maxConcurrency).toBeGreaterThan(0.45);
    expect(auto.maxConcurrency / fp8.maxConcurrency).toBeLessThan(0.55);
    expect(run("bf16").maxConcurrency).toBe(auto.maxConcurrency);
    // the estimate says why, unless the request chose the cache itself
    expect((auto.notes ?? []).some((n) => n.startsWith("KV cache in bf16: the MXFP4 checkpoint carries no KV-cache quantisation"))).toBe(true);
    expect((run("bf16").notes ?? []).some((n) => n.startsWith("KV cache in bf16"))).toBe(false);
  });
});
