import type { ModelArch, MtpSpec } from "./types";

/** DeepSeek-V3 and R1 ship the same multi-token-prediction module, with the same published acceptance. */
const DEEPSEEK_MTP: MtpSpec = {
  modules: 1,
  acceptance: {
    first: 0.875,
    later: 0.62,
    source:
      "first: DeepSeek-V3 Technical Report (arXiv:2412.19437) §5.4.3, \"the acceptance rate of the second token prediction ranges between 85% and 90%\" (midpoint). " +
      "later: solved from the mean acceptance length 3.20 that nebius/MTP-DeepSeek-V3-0324 (model card, \"Original MTP\", temperature 0, K = 7) reports for the original module reused for 7 draft tokens: 1 + 0.875 · (1 − a^7)/(1 − a) = 3.20 gives a = 0.62",
  },
};

// Transcribed from shared/reference/models.json (architecture fields of each config.json). Every FFN here is gated
// (SwiGLU / GeGLU: gate, up, down). Parameter counts are not stored: lib/model computes them from these fields.
export const DEEPSEEK_MODELS = [
  {
    id: "deepseek-v3",
    name: "DeepSeek-V3",
    layers: 61,
    hiddenSize: 7168,
    vocabSize: 129280,
    tiedEmbeddings: false,
    maxContext: 163840,
    attention: { kind: "mla", numHeads: 128, qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
    layerKinds: { full: 61, sliding: 0, linear: 0 },
    slidingWindow: null,
    linearAttention: null,
    ffn: { intermediateSize: 18432, gated: true },
    moe: { numExperts: 256, expertsPerToken: 8, sharedExperts: 1, expertFfnSize: 2048, sharedExpertFfnSize: 2048, moeLayers: 58 },
    nativePrecision: "fp8",
    mtp: DEEPSEEK_MTP,
    sources: [
      { url: "github:ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce:aic-core/src/aiconfigurator_core/model_configs/deepseek-ai--DeepSeek-V3_config.json (verbatim HF config.json copy)", kind: "primary-copy" },
      { url: "shared/reference/models.json#deepseek-v3", kind: "transcribed-from", note: "Computed 671.0B (main model) / ~37.5B active; DeepSeek reports 671B / 37B, HF shows 685B incl. the 14B MTP module (num_nextn_predict_layers 1). Weights released in FP8 e4m3 with 128x128 block scales. num_kv_heads=128 is nominal: MLA caches one 576-element latent (512 + 64 rope) per token per layer, shared by all heads. head_dim listed = qk head dim 192 (nope 128 + rope 64); v_head_dim 128." },
    ],
    notes: "MLA: the cache holds one 512-element latent + 64-element rope key per token per layer. first_k_dense_replace 3: layers 0-2 dense (FFN 18432), 58 MoE layers with 256 routed experts (top 8) and 1 shared expert of width 2048. Weights ship in FP8 e4m3 with 128x128 block scales. The 14B multi-token-prediction module (num_nextn_predict_layers 1) is not counted (671B main model; HF shows 685B).",
  },
  {
    id: "deepseek-r1",
    name: "DeepSeek-R1",
    layers: 61,
    hiddenSize: 7168,
    vocabSize: 129280,
    tiedEmbeddings: false,
    maxContext: 163840,
    attention: { kind: "mla", numHeads: 128, qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
    layerKinds: { full: 61, sliding: 0, linear: 0 },
    slidingWindow: null,
    linearAttention: null,
    ffn: { intermediateSize: 18432, gated: true },
    moe: { numExperts: 256, expertsPerToken: 8, sharedExperts: 1, expertFfnSize: 2048, sharedExpertFfnSize: 2048, moeLayers: 58 },
    nativePrecision: "fp8",
    mtp: DEEPSEEK_MTP,
    sources: [
      { url: "github:ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce:aic-core/src/aiconfigurator_core/model_configs/deepseek-ai--DeepSeek-R1_config.json (verbatim HF config.json copy)", kind: "primary-copy" },
      { url: "shared/reference/models.json#deepseek-r1", kind: "transcribed-from", note: "Computed 671.0B (main model) / ~37.5B active; DeepSeek reports 671B / 37B, HF shows 685B incl. the 14B MTP module (num_nextn_predict_layers 1). Weights released in FP8 e4m3 with 128x128 block scales. num_kv_heads=128 is nominal: MLA caches one 576-element latent (512 + 64 rope) per token per layer, shared by all heads. head_dim listed = qk head dim 192 (nope 128 + rope 64); v_head_dim 128." },
      { url: "shared/calibration/hf-configs/deepseek-ai--DeepSeek-R1.json", kind: "primary-copy", note: "raw config.json; importHfConfig on it agrees with this entry (tests/unit/catalog)" },
    ],
    notes: "Same architecture as DeepSeek-V3. MLA: one 512-element latent + 64-element rope key cached per token per layer. first_k_dense_replace 3 (58 MoE layers), 256 routed experts top 8 + 1 shared. FP8 e4m3 weights with 128x128 block scales. MTP module not counted.",
  },
] as const satisfies readonly ModelArch[];
