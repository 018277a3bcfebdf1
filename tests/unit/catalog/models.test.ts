import { describe, expect, it } from "vitest";
import { MODELS, MODEL_IDS, getModel } from "../../../lib/catalog";

const REQUIRED = [
  "llama-3.1-8b", "llama-3.1-70b", "llama-3.3-70b", "llama-3.1-405b", "qwen3-8b", "qwen3-32b", "qwen3-30b-a3b",
  "qwen3-235b-a22b", "mixtral-8x7b", "mixtral-8x22b", "deepseek-v3", "deepseek-r1", "gpt-oss-20b", "gpt-oss-120b",
  "llama-4-scout", "llama-4-maverick",
];

describe("model catalog", () => {
  it("has every required id, each once", () => {
    for (const id of REQUIRED) expect(MODEL_IDS).toContain(id);
    expect(new Set(MODEL_IDS).size).toBe(MODEL_IDS.length);
    expect(MODEL_IDS).toEqual(MODELS.map((m) => m.id));
  });

  it("also carries the other reference models (Qwen2.5, Mistral, Gemma, Phi)", () => {
    for (const id of ["qwen2.5-7b", "qwen2.5-72b", "mistral-7b-v0.1", "mistral-7b-v0.3", "gemma-2-9b", "gemma-3-27b", "phi-4"]) {
      expect(getModel(id)).toBeDefined();
    }
    expect(getModel("gpt-5")).toBeUndefined();
  });

  describe.each(MODELS.map((m) => [m.id, m] as const))("%s", (_id, m) => {
    it("is internally consistent", () => {
      const pos = [m.layers, m.hiddenSize, m.vocabSize, m.maxContext];
      for (const n of pos) expect(Number.isInteger(n) && n > 0).toBe(true);
      // a dense FFN width wherever a layer has a dense FFN; 0 only when no layer has one (every layer MoE or FFN-free)
      const ffnFree = m.ffnFreeLayers ?? 0;
      expect(Number.isInteger(ffnFree) && ffnFree >= 0).toBe(true);
      const noDense = (m.moe?.moeLayers ?? 0) + ffnFree === m.layers;
      expect((m.moe?.moeLayers ?? 0) + ffnFree).toBeLessThanOrEqual(m.layers);
      expect(Number.isInteger(m.ffn.intermediateSize) && (m.ffn.intermediateSize > 0 || (noDense && m.ffn.intermediateSize === 0))).toBe(true);
      expect(m.layerKinds.full + m.layerKinds.sliding + m.layerKinds.linear).toBe(m.layers);
      expect(m.slidingWindow === null).toBe(m.layerKinds.sliding === 0);
      expect(m.linearAttention === null).toBe(m.layerKinds.linear === 0);
      if (m.attention.kind === "gqa") {
        expect(m.attention.numHeads % m.attention.numKvHeads).toBe(0);
        expect(m.attention.headDim).toBeGreaterThan(0);
      } else {
        expect(m.attention.kvLoraRank).toBeGreaterThan(0);
      }
      if (m.moe) {
        expect(m.moe.expertsPerToken).toBeGreaterThanOrEqual(1);
        expect(m.moe.expertsPerToken).toBeLessThanOrEqual(m.moe.numExperts);
        expect(m.moe.moeLayers).toBeGreaterThan(0);
        expect(m.moe.moeLayers).toBeLessThanOrEqual(m.layers);
        expect(m.moe.sharedExperts === 0).toBe(m.moe.sharedExpertFfnSize === 0);
      }
    });

    it("names its sources", () => {
      expect(m.sources.length).toBeGreaterThan(0);
      for (const s of m.sources) expect(s.url.trim()).not.toBe("");
    });
  });

  it("records DeepSeek-V3/R1 as MLA with 58 MoE layers (61 - first_k_dense_replace 3), 1 shared expert, FP8", () => {
    for (const id of ["deepseek-v3", "deepseek-r1"]) {
      const m = getModel(id);
      expect(m?.attention).toMatchObject({ kind: "mla", kvLoraRank: 512, qkRopeHeadDim: 64, qLoraRank: 1536 });
      expect(m?.moe).toMatchObject({ numExperts: 256, expertsPerToken: 8, sharedExperts: 1, moeLayers: 58 });
      expect(m?.nativePrecision).toBe("fp8");
    }
  });

  it("interleaves Llama 4 MoE (Maverick 24 of 48, Scout 48) and stores chunked attention as sliding 8192", () => {
    expect(getModel("llama-4-maverick")?.moe?.moeLayers).toBe(24);
    expect(getModel("llama-4-scout")?.moe?.moeLayers).toBe(48);
    for (const id of ["llama-4-scout", "llama-4-maverick"]) {
      const m = getModel(id);
      // 3 of every 4 layers chunked: 48 x 3/4 = 36
      expect(m?.layerKinds).toEqual({ full: 12, sliding: 36, linear: 0 });
      expect(m?.slidingWindow).toBe(8192);
      expect(m?.notes).toMatch(/chunk/i);
    }
  });

  it("alternates gpt-oss sliding (128) and full layers, with MXFP4 experts", () => {
    expect(getModel("gpt-oss-120b")?.layerKinds).toEqual({ full: 18, sliding: 18, linear: 0 });
    expect(getModel("gpt-oss-20b")?.layerKinds).toEqual({ full: 12, sliding: 12, linear: 0 });
    expect(getModel("gpt-oss-120b")?.slidingWindow).toBe(128);
    expect(getModel("gpt-oss-120b")?.nativePrecision).toBe("fp4");
  });

  it("has Llama 3.1 70B's KV geometry: 80 layers x 8 KV heads x 128", () => {
    const m = getModel("llama-3.1-70b");
    expect(m?.layers).toBe(80);
    expect(m?.attention).toMatchObject({ kind: "gqa", numHeads: 64, numKvHeads: 8, headDim: 128 });
  });
});
