import { describe, expect, it } from "vitest";
import { decodeCalcUrl, DEFAULT_VALUES, encodeCalcUrl } from "../../app/calculate/_lib/url-state";
import { LLAMA } from "./catalog/hf-fixtures";

describe("/calculate URL state", () => {
  it("round-trips a catalog scenario with readable parameters", () => {
    const v = { ...DEFAULT_VALUES, model: "qwen3-8b", gpu: "l40s", tp: 1, weights: "int4" as const, kv: "fp8" as const, priceUsdPerGpuHour: 1.25 };
    const qs = encodeCalcUrl(v);
    expect(qs).toContain("model=qwen3-8b");
    expect(qs).toContain("price=1.25");
    const back = decodeCalcUrl(new URLSearchParams(qs));
    expect(back.warnings).toEqual([]);
    expect(back.values).toEqual(v);
  });
  it("round-trips a pasted config.json through cfg", () => {
    const { model: _m, ...rest } = DEFAULT_VALUES;
    const v = { ...rest, hfConfigJson: LLAMA };
    const qs = encodeCalcUrl(v);
    expect(qs).not.toContain("model=");
    const back = decodeCalcUrl(new URLSearchParams(qs));
    expect(back.values.hfConfigJson).toEqual(LLAMA);
    expect(back.values.model).toBeUndefined();
  });
  it("bad parameters → a message each, and defaults", () => {
    const back = decodeCalcUrl({ tp: "abc", gpu: "h900", model: "gpt-9", weights: "fp2", concurrency: "0", zoom: "2", cfg: "!!!" });
    expect(back.values.tp).toBe(DEFAULT_VALUES.tp);
    expect(back.values.gpu).toBe(DEFAULT_VALUES.gpu);
    expect(back.values.model).toBe(DEFAULT_VALUES.model);
    expect(back.values.weights).toBe(DEFAULT_VALUES.weights);
    expect(back.values.concurrency).toBe(DEFAULT_VALUES.concurrency);
    const w = back.warnings.join("\n");
    expect(w).toContain("Ignored tp=abc: tp must be a number");
    expect(w).toContain('Unknown GPU "h900"');
    expect(w).toContain('Unknown model "gpt-9"');
    expect(w).toContain("Ignored weights=fp2: weights must be one of bf16, fp8, fp4, int4");
    expect(w).toContain("Ignored concurrency=0: concurrency must be at least 1");
    expect(w).toContain('unknown parameter "zoom"');
    expect(w).toContain('Ignored "cfg"');
  });
  it("carries the length spread and TRT-LLM batch waiting, and names a bad one", () => {
    const v = { ...DEFAULT_VALUES, engine: "trtllm" as const, randomRangeRatio: 0.8, batchWaitIters: 20 };
    const qs = encodeCalcUrl(v);
    expect(qs).toContain("spread=0.8");
    expect(qs).toContain("batchWait=20");
    const back = decodeCalcUrl(new URLSearchParams(qs));
    expect(back.warnings).toEqual([]);
    expect(back.values).toEqual(v);
    const bad = decodeCalcUrl({ spread: "1.5", batchWait: "-1" });
    expect(bad.values.randomRangeRatio).toBeUndefined();
    expect(bad.values.batchWaitIters).toBeUndefined();
    expect(bad.warnings.join("\n")).toContain("Ignored spread=1.5: randomRangeRatio must be at most 1");
    expect(bad.warnings.join("\n")).toContain("Ignored batchWait=-1: batchWaitIters must be at least 0");
  });
  it("carries the engine's memory fraction and prefill chunk, and names a bad one", () => {
    const v = { ...DEFAULT_VALUES, engine: "sglang" as const, memFraction: 0.95, prefillChunkTokens: 8192 };
    const qs = encodeCalcUrl(v);
    expect(qs).toContain("mem=0.95");
    expect(qs).toContain("chunk=8192");
    const back = decodeCalcUrl(new URLSearchParams(qs));
    expect(back.warnings).toEqual([]);
    expect(back.values).toEqual(v);
    const bad = decodeCalcUrl({ mem: "0", chunk: "12" });
    expect(bad.values.memFraction).toBeUndefined();
    expect(bad.values.prefillChunkTokens).toBeUndefined();
    expect(bad.warnings.join("\n")).toContain("Ignored mem=0: memFraction must be above 0");
    expect(bad.warnings.join("\n")).toContain("Ignored chunk=12: prefillChunkTokens must be at least 256");
  });
  it("carries SGLang's recv interval and the benchmark's prompt count", () => {
    const v = { ...DEFAULT_VALUES, engine: "sglang" as const, randomRangeRatio: 0.8, arrivals: "staggered" as const, schedulerRecvInterval: 30, numPrompts: 320 };
    const qs = encodeCalcUrl(v);
    expect(qs).toContain("arrivals=staggered");
    expect(qs).toContain("recv=30");
    expect(qs).toContain("prompts=320");
    expect(decodeCalcUrl(new URLSearchParams(qs)).values).toEqual(v);
    const bad = decodeCalcUrl({ engine: "sglang", recv: "0" });
    expect(bad.values.schedulerRecvInterval).toBeUndefined();
    expect(bad.warnings.join("\n")).toContain("schedulerRecvInterval must be at least 1");
  });
  it("takes the last of repeated parameters (Next passes arrays)", () => {
    expect(decodeCalcUrl({ tp: ["1", "4"] }).values.tp).toBe(4);
  });
});
