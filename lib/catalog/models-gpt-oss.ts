import type { ModelArch } from "./types";

// Transcribed from shared/reference/models.json (architecture fields of each config.json). Every FFN here is gated
// (SwiGLU / GeGLU: gate, up, down). Parameter counts are not stored: lib/model computes them from these fields.
export const GPT_OSS_MODELS = [
  {
    id: "gpt-oss-20b",
    name: "gpt-oss-20b",
    layers: 24,
    hiddenSize: 2880,
    vocabSize: 201088,
    tiedEmbeddings: false,
    maxContext: 131072,
    attention: { kind: "gqa", numHeads: 64, numKvHeads: 8, headDim: 64, bias: true },
    layerKinds: { full: 12, sliding: 12, linear: 0 },
    slidingWindow: 128,
    linearAttention: null,
    ffn: { intermediateSize: 2880, gated: true },
    moe: { numExperts: 32, expertsPerToken: 4, sharedExperts: 0, expertFfnSize: 2880, sharedExpertFfnSize: 0, moeLayers: 24 },
    nativePrecision: "fp4",
    fp4Format: "mxfp4",
    sources: [
      { url: "github:ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce:aic-core/src/aiconfigurator_core/model_configs/openai--gpt-oss-20b_config.json (verbatim HF config.json copy)", kind: "primary-copy" },
      { url: "shared/reference/models.json#gpt-oss-20b", kind: "transcribed-from", note: "OpenAI reports 20.9B total / 3.6B active (active excludes the input embedding table; computed active here includes it). Experts shipped in MXFP4 (4.25 bits/param), attention/router/embeddings bf16. Half the layers are sliding-window (128)." },
      { url: "shared/calibration/hf-configs/openai--gpt-oss-20b.json", kind: "primary-copy", note: "raw config.json; importHfConfig on it agrees with this entry (tests/unit/catalog)" },
    ],
    notes: "layer_types alternate sliding_attention (window 128) and full_attention. Attention sinks; Q/K/V/O biases. Experts ship in MXFP4 (4.25 bits/param); attention, router, embeddings and LM head stay bf16. OpenAI reports 20.9B total / 3.6B active (active excluding the embedding table).",
  },
  {
    id: "gpt-oss-120b",
    name: "gpt-oss-120b",
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
    nativePrecision: "fp4",
    fp4Format: "mxfp4",
    sources: [
      { url: "github:ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce:aic-core/src/aiconfigurator_core/model_configs/openai--gpt-oss-120b_config.json (verbatim HF config.json copy)", kind: "primary-copy" },
      { url: "shared/reference/models.json#gpt-oss-120b", kind: "transcribed-from", note: "OpenAI reports 116.8B total / 5.1B active (active excludes the input embedding table; computed active here includes it). Experts shipped in MXFP4 (4.25 bits/param), attention/router/embeddings bf16. Half the layers are sliding-window (128)." },
      { url: "shared/calibration/hf-configs/openai--gpt-oss-120b.json", kind: "primary-copy", note: "raw config.json; importHfConfig on it agrees with this entry (tests/unit/catalog)" },
    ],
    notes: "layer_types alternate sliding_attention (window 128) and full_attention. Attention sinks; Q/K/V/O biases. Experts ship in MXFP4 (4.25 bits/param); attention, router, embeddings and LM head stay bf16. OpenAI reports 116.8B total / 5.1B active (active excluding the embedding table).",
  },
] as const satisfies readonly ModelArch[];
