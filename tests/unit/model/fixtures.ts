import type { GpuSpec, ModelArch } from "../../../lib/catalog/types";
import { gb, tbPerSecond, tflops, gbPerSecond, watts } from "../../../lib/model/units";
import { estimateInputSchema, type EstimateInput } from "../../../lib/plan/estimate-input";
import { profileFor } from "../../../lib/model/engines";
import type { EngineFactors } from "../../../lib/model/engine-types";
import { resolveLayout } from "../../../lib/model/layout";
import { buildSetup, type Setup } from "../../../lib/model/setup";

/** Local fixtures (figures from the HF configs / datasheets), so model tests need neither the catalog nor ../shared. */
export const LLAMA_70B: ModelArch = {
  id: "fx-llama-3.1-70b",
  name: "Llama 3.1 70B (fixture)",
  layers: 80,
  hiddenSize: 8192,
  vocabSize: 128256,
  tiedEmbeddings: false,
  maxContext: 131072,
  attention: { kind: "gqa", numHeads: 64, numKvHeads: 8, headDim: 128, bias: false },
  layerKinds: { full: 80, sliding: 0, linear: 0 },
  slidingWindow: null,
  linearAttention: null,
  ffn: { intermediateSize: 28672, gated: true },
  moe: null,
  sources: [{ url: "hf:meta-llama/Llama-3.1-70B config.json" }],
};

export const LLAMA_8B: ModelArch = {
  ...LLAMA_70B,
  id: "fx-llama-3.1-8b",
  name: "Llama 3.1 8B (fixture)",
  layers: 32,
  hiddenSize: 4096,
  attention: { kind: "gqa", numHeads: 32, numKvHeads: 8, headDim: 128, bias: false },
  layerKinds: { full: 32, sliding: 0, linear: 0 },
  ffn: { intermediateSize: 14336, gated: true },
};

export const MIXTRAL_8X7B: ModelArch = {
  ...LLAMA_70B,
  id: "fx-mixtral-8x7b",
  name: "Mixtral 8x7B (fixture)",
  layers: 32,
  hiddenSize: 4096,
  vocabSize: 32000,
  maxContext: 32768,
  attention: { kind: "gqa", numHeads: 32, numKvHeads: 8, headDim: 128, bias: false },
  layerKinds: { full: 32, sliding: 0, linear: 0 },
  ffn: { intermediateSize: 14336, gated: true },
  moe: { numExperts: 8, expertsPerToken: 2, sharedExperts: 0, expertFfnSize: 14336, sharedExpertFfnSize: 0, moeLayers: 32 },
};

export const DEEPSEEK_V3: ModelArch = {
  id: "fx-deepseek-v3",
  name: "DeepSeek-V3 (fixture)",
  layers: 61,
  hiddenSize: 7168,
  vocabSize: 129280,
  tiedEmbeddings: false,
  maxContext: 163840,
  attention: {
    kind: "mla",
    numHeads: 128,
    qLoraRank: 1536,
    kvLoraRank: 512,
    qkNopeHeadDim: 128,
    qkRopeHeadDim: 64,
    vHeadDim: 128,
  },
  layerKinds: { full: 61, sliding: 0, linear: 0 },
  slidingWindow: null,
  linearAttention: null,
  ffn: { intermediateSize: 18432, gated: true },
  moe: { numExperts: 256, expertsPerToken: 8, sharedExperts: 1, expertFfnSize: 2048, sharedExpertFfnSize: 2048, moeLayers: 58 },
  sources: [{ url: "hf:deepseek-ai/DeepSeek-V3 config.json" }],
};

export const GPT_OSS_120B: ModelArch = {
  id: "fx-gpt-oss-120b",
  name: "gpt-oss-120b (fixture)",
  layers: 36,
  hiddenSize: 2880,
  vocabSize: 201088,
  tiedEmbeddings: false,
  maxContext: 131072,
  attention: { kind: "gqa", numHeads: 64, numKvHeads: 8, headDim: 64, bias: true },
  layerKinds: { full: 18, sliding: 18, linear: 0 },
  slidingWindow: 128,
  linearAttention: null,
  ffn: { intermediateSize: 2880, gated: true },
  moe: { numExperts: 128, expertsPerToken: 4, sharedExperts: 0, expertFfnSize: 2880, sharedExpertFfnSize: 0, moeLayers: 36 },
  sources: [{ url: "hf:openai/gpt-oss-120b config.json" }],
};

export const H100_SXM: GpuSpec = {
  id: "fx-h100-sxm",
  name: "H100 SXM (fixture)",
  vendor: "NVIDIA",
  generation: "hopper",
  memory: gb(80),
  hbmBandwidth: tbPerSecond(3.35),
  peakFlops: { bf16: tflops(989), fp8: tflops(1979), fp4: null, int8: tflops(1979) },
  interconnectBandwidth: gbPerSecond(450),
  interconnect: "NVLink 4",
  nvlinkDomain: 8,
  tdp: watts(700),
  confidence: "high",
  sources: [{ url: "NVIDIA H100 datasheet" }],
};

export const A100_80: GpuSpec = {
  ...H100_SXM,
  id: "fx-a100-80gb",
  name: "A100 80GB (fixture)",
  generation: "ampere",
  memory: gb(80),
  hbmBandwidth: tbPerSecond(2.039),
  peakFlops: { bf16: tflops(312), fp8: null, fp4: null, int8: tflops(624) },
  interconnectBandwidth: gbPerSecond(300),
};

export const B200: GpuSpec = {
  ...H100_SXM,
  id: "fx-b200",
  name: "B200 (fixture)",
  generation: "blackwell",
  memory: gb(180),
  hbmBandwidth: tbPerSecond(8),
  peakFlops: { bf16: tflops(2250), fp8: tflops(4500), fp4: tflops(9000), int8: tflops(4500) },
  interconnectBandwidth: gbPerSecond(900),
};

export function input(raw: Record<string, unknown>): EstimateInput {
  return estimateInputSchema.parse({ model: "x", gpu: "x", ...raw });
}

/** Llama-3.1-8B (fixture) on one H100 under SGLang's profile, t_0 = 50 ms unless overridden: the prefill-first tests. */
export function sglangLlama8bSetup(f: Partial<EngineFactors> = {}): Setup {
  const base = profileFor("sglang", H100_SXM).factors;
  const l = resolveLayout(LLAMA_8B, H100_SXM, { tp: 1, pp: 1, dp: 1 });
  return buildSetup(LLAMA_8B, H100_SXM, l, { ...base, ttftOverheadS: 0.05, ...f }, "fp8", "bf16");
}
