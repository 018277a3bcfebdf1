import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getModel, importHfConfig, type ModelArch } from "../../../lib/catalog";

const SHARED = path.resolve(process.cwd(), "../shared");
const DIR = path.join(SHARED, "calibration/hf-configs");
const HAS_SHARED = existsSync(SHARED);
if (!HAS_SHARED) console.warn(`[catalog] ${SHARED} is absent: skipping the shared hf-configs round-trip tests`);

type Expected = Partial<Omit<ModelArch, "sources" | "notes">>;

const gqa = (numHeads: number, numKvHeads: number, headDim: number, bias = false) =>
  ({ kind: "gqa", numHeads, numKvHeads, headDim, bias }) as const;
const full = (n: number) => ({ full: n, sliding: 0, linear: 0 });

/**
 * Hand-written expectations for every file in shared/calibration/hf-configs, read off the raw config.json
 * (arithmetic in comments). `catalogId` names the catalog entry the import must agree with.
 */
const EXPECTED: Record<string, { catalogId?: string; fields: Expected }> = {
  "meta-llama--Meta-Llama-3.1-8B.json": {
    catalogId: "llama-3.1-8b",
    // head_dim absent: 4096 / 32 = 128
    fields: { layers: 32, hiddenSize: 4096, vocabSize: 128256, maxContext: 131072, attention: gqa(32, 8, 128), layerKinds: full(32), ffn: { intermediateSize: 14336, gated: true }, moe: null },
  },
  "meta-llama--Meta-Llama-3.1-70B.json": {
    catalogId: "llama-3.1-70b",
    // 8192 / 64 = 128
    fields: { layers: 80, hiddenSize: 8192, attention: gqa(64, 8, 128), layerKinds: full(80), ffn: { intermediateSize: 28672, gated: true }, moe: null },
  },
  "meta-llama--Meta-Llama-3.1-405B.json": {
    catalogId: "llama-3.1-405b",
    // 16384 / 128 = 128
    fields: { layers: 126, hiddenSize: 16384, attention: gqa(128, 8, 128), ffn: { intermediateSize: 53248, gated: true }, moe: null },
  },
  "Qwen--Qwen3-8B.json": {
    catalogId: "qwen3-8b",
    fields: { layers: 36, hiddenSize: 4096, vocabSize: 151936, maxContext: 40960, attention: gqa(32, 8, 128), ffn: { intermediateSize: 12288, gated: true }, moe: null },
  },
  "Qwen--Qwen3-32B.json": {
    catalogId: "qwen3-32b",
    // explicit head_dim 128 (5120 / 64 would be 80)
    fields: { layers: 64, hiddenSize: 5120, attention: gqa(64, 8, 128), ffn: { intermediateSize: 25600, gated: true }, moe: null },
  },
  "Qwen--Qwen3-30B-A3B.json": {
    catalogId: "qwen3-30b-a3b",
    // decoder_sparse_step 1, mlp_only_layers [] -> all 48 layers MoE
    fields: { layers: 48, hiddenSize: 2048, attention: gqa(32, 4, 128), moe: { numExperts: 128, expertsPerToken: 8, sharedExperts: 0, expertFfnSize: 768, sharedExpertFfnSize: 0, moeLayers: 48 } },
  },
  "deepseek-ai--DeepSeek-R1.json": {
    catalogId: "deepseek-r1",
    // first_k_dense_replace 3: 61 - 3 = 58 MoE layers
    fields: {
      layers: 61,
      hiddenSize: 7168,
      vocabSize: 129280,
      maxContext: 163840,
      attention: { kind: "mla", numHeads: 128, qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
      moe: { numExperts: 256, expertsPerToken: 8, sharedExperts: 1, expertFfnSize: 2048, sharedExpertFfnSize: 2048, moeLayers: 58 },
      nativePrecision: "fp8",
    },
  },
  "mistralai--Mixtral-8x7B-v0.1.json": {
    catalogId: "mixtral-8x7b",
    fields: { layers: 32, hiddenSize: 4096, vocabSize: 32000, attention: gqa(32, 8, 128), layerKinds: full(32), moe: { numExperts: 8, expertsPerToken: 2, sharedExperts: 0, expertFfnSize: 14336, sharedExpertFfnSize: 0, moeLayers: 32 } },
  },
  "mistralai--Mixtral-8x22B-v0.1.json": {
    catalogId: "mixtral-8x22b",
    // 6144 / 48 = 128
    fields: { layers: 56, hiddenSize: 6144, maxContext: 65536, attention: gqa(48, 8, 128), moe: { numExperts: 8, expertsPerToken: 2, sharedExperts: 0, expertFfnSize: 16384, sharedExpertFfnSize: 0, moeLayers: 56 } },
  },
  "openai--gpt-oss-20b.json": {
    catalogId: "gpt-oss-20b",
    // 24 layer_types alternating: 12 sliding + 12 full
    fields: { layers: 24, hiddenSize: 2880, attention: gqa(64, 8, 64, true), layerKinds: { full: 12, sliding: 12, linear: 0 }, slidingWindow: 128, moe: { numExperts: 32, expertsPerToken: 4, sharedExperts: 0, expertFfnSize: 2880, sharedExpertFfnSize: 0, moeLayers: 24 }, nativePrecision: "fp4" },
  },
  "openai--gpt-oss-120b.json": {
    catalogId: "gpt-oss-120b",
    fields: { layers: 36, hiddenSize: 2880, vocabSize: 201088, attention: gqa(64, 8, 64, true), layerKinds: { full: 18, sliding: 18, linear: 0 }, slidingWindow: 128, moe: { numExperts: 128, expertsPerToken: 4, sharedExperts: 0, expertFfnSize: 2880, sharedExpertFfnSize: 0, moeLayers: 36 }, nativePrecision: "fp4" },
  },
  "meta-llama--Llama-4-Scout-17B-16E-Instruct.json": {
    catalogId: "llama-4-scout",
    // interleave_moe_layer_step 1 -> 48 MoE; every 4th of 48 layers global -> 12 full, 36 chunked
    fields: { layers: 48, hiddenSize: 5120, maxContext: 10485760, attention: gqa(40, 8, 128), layerKinds: { full: 12, sliding: 36, linear: 0 }, slidingWindow: 8192, ffn: { intermediateSize: 16384, gated: true }, moe: { numExperts: 16, expertsPerToken: 1, sharedExperts: 1, expertFfnSize: 8192, sharedExpertFfnSize: 8192, moeLayers: 48 } },
  },
  "meta-llama--Llama-4-Maverick-17B-128E-Instruct.json": {
    catalogId: "llama-4-maverick",
    // interleave_moe_layer_step 2 -> layers 1, 3, ..., 47 = 24 MoE
    fields: { layers: 48, maxContext: 1048576, layerKinds: { full: 12, sliding: 36, linear: 0 }, slidingWindow: 8192, moe: { numExperts: 128, expertsPerToken: 1, sharedExperts: 1, expertFfnSize: 8192, sharedExpertFfnSize: 8192, moeLayers: 24 } },
  },
  "google--gemma-4-26B-A4B.json": {
    // 30 layer_types: every 6th full -> 5 full, 25 sliding (window 1024); global layers 2 KV heads x 512, K = V
    fields: {
      layers: 30,
      hiddenSize: 2816,
      vocabSize: 262144,
      tiedEmbeddings: true,
      maxContext: 262144,
      attention: { kind: "gqa", numHeads: 16, numKvHeads: 8, headDim: 256, bias: false, fullLayers: { numKvHeads: 2, headDim: 512, keyIsValue: true } },
      layerKinds: { full: 5, sliding: 25, linear: 0 },
      slidingWindow: 1024,
      ffn: { intermediateSize: 2112, gated: true },
      moe: { numExperts: 128, expertsPerToken: 8, sharedExperts: 1, expertFfnSize: 704, sharedExpertFfnSize: 2112, moeLayers: 30 },
    },
  },
};

describe.skipIf(!HAS_SHARED)("importHfConfig on every shared/calibration/hf-configs file", () => {
  const files = HAS_SHARED ? readdirSync(DIR).filter((f) => f.endsWith(".json")).sort() : [];

  it("has a hand-written expectation for every file (a new file needs one)", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(files)("%s", (file) => {
    const load = () => importHfConfig(JSON.parse(readFileSync(path.join(DIR, file), "utf8")), { source: file });
    const exp = EXPECTED[file];

    it("imports to the hand-written fields", () => {
      const m = load();
      expect(m).toMatchObject(exp?.fields ?? {});
      if (!exp?.fields.nativePrecision) expect(m.nativePrecision).toBeUndefined();
      expect(m.sources[0]?.url).toBe(file);
    });

    it.runIf(exp?.catalogId !== undefined)("agrees with the catalog entry", () => {
      const m = load();
      const c = getModel(exp?.catalogId ?? "");
      expect(c).toBeDefined();
      if (!c) return;
      expect({ layers: m.layers, hidden: m.hiddenSize, vocab: m.vocabSize, tied: m.tiedEmbeddings, ctx: m.maxContext }).toEqual({
        layers: c.layers,
        hidden: c.hiddenSize,
        vocab: c.vocabSize,
        tied: c.tiedEmbeddings,
        ctx: c.maxContext,
      });
      expect(m.attention).toEqual(c.attention);
      expect(m.layerKinds).toEqual(c.layerKinds);
      expect(m.slidingWindow).toBe(c.slidingWindow);
      expect(m.ffn).toEqual(c.ffn);
      expect(m.moe).toEqual(c.moe);
      expect(m.nativePrecision).toBe(c.nativePrecision);
    });
  });
});
