import type { ModelArch } from "./types";

/**
 * NVIDIA Nemotron models. Nemotron-H configs name one sub-layer per block (hf-nemotron-h.ts); an entry's `layers` are
 * its mixer blocks (Mamba-2 and attention), with the MoE / MLP blocks as their FFNs and the rest FFN-free.
 */
export const NVIDIA_MODELS = [
  {
    id: "nemotron-3-nano-30b-a3b",
    name: "Nemotron 3 Nano 30B-A3B",
    layers: 29,
    hiddenSize: 2688,
    vocabSize: 131072,
    tiedEmbeddings: false,
    maxContext: 262144,
    attention: { kind: "gqa", numHeads: 32, numKvHeads: 2, headDim: 128, bias: false },
    layerKinds: { full: 6, sliding: 0, linear: 23 },
    slidingWindow: null,
    linearAttention: {
      kind: "mamba2",
      convBias: true,
      projBias: false,
      numKeyHeads: 8,
      numValueHeads: 64,
      keyHeadDim: 128,
      valueHeadDim: 64,
      convKernel: 4,
      recurrentStateBytes: 4,
    },
    ffn: { intermediateSize: 0, gated: false },
    ffnFreeLayers: 6,
    noPositionEmbedding: true,
    moe: { numExperts: 128, expertsPerToken: 6, sharedExperts: 1, expertFfnSize: 1856, sharedExpertFfnSize: 3712, moeLayers: 23 },
    sources: [
      {
        url: "https://huggingface.co/nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16/blob/main/config.json — as pinned verbatim in public repositories' test fixtures (several copies agree field for field); not retrieved from Hugging Face directly",
        kind: "derived-copy",
        note: "nemotron_h: hybrid_override_pattern MEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEMEM*EMEMEMEME (23 Mamba-2, 23 MoE, 6 attention blocks), mamba_num_heads 64 × mamba_head_dim 64, n_groups 8, ssm_state_size 128, conv_kernel 4, use_conv_bias true, mamba_ssm_cache_dtype float32, 128 experts top-6 (1856 wide, relu²) + one shared expert 3712 wide, 32 query / 2 KV heads × 128, untied 131,072 vocabulary; tests/unit/catalog/hf-fixtures.ts NEMOTRON_3_NANO imports to this entry. The parameter count (31.58 B) matches NVIDIA's stated 31.6 B",
      },
      {
        url: "vllm-project/vllm vllm/model_executor/models/nemotron_h.py (NemotronHMoE, NemotronHMambaDecoderLayer → MambaMixer2) and vllm/model_executor/layers/mamba/mamba_utils.py (mamba2_state_shape)",
        kind: "engine-source",
        note: "layer shapes, the shared experts as one MLP of n_shared_experts × moe_shared_expert_intermediate_size, the state (n_h/tp · d_head · d_state, conv window (conv − 1) · (V + 2 · n_groups · d_state)/tp) and vLLM honouring mamba_ssm_cache_dtype",
      },
    ],
    notes:
      "Hybrid Mamba-2 / attention MoE: 52 blocks read as 29 layers — 23 Mamba-2 mixers, each with a fixed recurrent state held in fp32, and 6 attention mixers, the only ones with a KV cache; the pattern's 23 MoE blocks are counted as the FFNs of 23 of them, and the other 6 layers as having no FFN. Experts and shared expert are up/down projections with relu² (not gated). No measured run of a Mamba-2 model backs the estimate (its badge says so).",
  },
] as const satisfies readonly ModelArch[];
