import { HfConfigError, importHfConfig } from "../../../lib/catalog";

/** Small hand-written config.json fixtures, one per family the importer reads (values chosen to be easy to check). */

export const LLAMA = {
  architectures: ["LlamaForCausalLM"],
  model_type: "llama",
  hidden_size: 4096,
  intermediate_size: 14336,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  max_position_embeddings: 131072,
  vocab_size: 128256,
  tie_word_embeddings: false,
  attention_bias: false,
};

export const MISTRAL_V01 = {
  model_type: "mistral",
  hidden_size: 4096,
  intermediate_size: 14336,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  max_position_embeddings: 32768,
  vocab_size: 32000,
  sliding_window: 4096,
};

export const MIXTRAL = {
  model_type: "mixtral",
  hidden_size: 4096,
  intermediate_size: 14336,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  max_position_embeddings: 32768,
  vocab_size: 32000,
  num_local_experts: 8,
  num_experts_per_tok: 2,
  sliding_window: null,
};

/** Qwen2-7B-like: no attention_bias field (Qwen2 has Q/K/V biases), sliding window configured but switched off. */
export const QWEN2 = {
  model_type: "qwen2",
  hidden_size: 3584,
  intermediate_size: 18944,
  num_hidden_layers: 28,
  num_attention_heads: 28,
  num_key_value_heads: 4,
  max_position_embeddings: 32768,
  vocab_size: 152064,
  sliding_window: 131072,
  use_sliding_window: false,
  max_window_layers: 28,
  tie_word_embeddings: false,
};

export const QWEN3 = {
  model_type: "qwen3",
  hidden_size: 5120,
  intermediate_size: 25600,
  num_hidden_layers: 64,
  num_attention_heads: 64,
  num_key_value_heads: 8,
  head_dim: 128,
  max_position_embeddings: 40960,
  vocab_size: 151936,
  attention_bias: false,
  tie_word_embeddings: false,
};

/** Qwen3-MoE with every 2nd layer sparse and layer 1 forced dense. */
export const QWEN3_MOE = {
  model_type: "qwen3_moe",
  hidden_size: 2048,
  intermediate_size: 6144,
  moe_intermediate_size: 768,
  num_hidden_layers: 8,
  num_attention_heads: 32,
  num_key_value_heads: 4,
  head_dim: 128,
  num_experts: 128,
  num_experts_per_tok: 8,
  decoder_sparse_step: 2,
  mlp_only_layers: [1],
  max_position_embeddings: 40960,
  vocab_size: 151936,
  tie_word_embeddings: false,
};

export const DEEPSEEK_V3 = {
  model_type: "deepseek_v3",
  hidden_size: 7168,
  intermediate_size: 18432,
  moe_intermediate_size: 2048,
  num_hidden_layers: 61,
  num_attention_heads: 128,
  num_key_value_heads: 128,
  q_lora_rank: 1536,
  kv_lora_rank: 512,
  qk_nope_head_dim: 128,
  qk_rope_head_dim: 64,
  v_head_dim: 128,
  n_routed_experts: 256,
  n_shared_experts: 1,
  num_experts_per_tok: 8,
  first_k_dense_replace: 3,
  moe_layer_freq: 1,
  max_position_embeddings: 163840,
  vocab_size: 129280,
  tie_word_embeddings: false,
  quantization_config: { quant_method: "fp8", fmt: "e4m3", weight_block_size: [128, 128] },
};

export const GPT_OSS = {
  model_type: "gpt_oss",
  hidden_size: 2880,
  intermediate_size: 2880,
  num_hidden_layers: 4,
  num_attention_heads: 64,
  num_key_value_heads: 8,
  head_dim: 64,
  attention_bias: true,
  num_local_experts: 32,
  experts_per_token: 4,
  num_experts_per_tok: 4,
  layer_types: ["sliding_attention", "full_attention", "sliding_attention", "full_attention"],
  sliding_window: 128,
  max_position_embeddings: 131072,
  vocab_size: 201088,
  tie_word_embeddings: false,
  quantization_config: { quant_method: "mxfp4", modules_to_not_convert: ["model.layers.*.self_attn"] },
};

/** Llama 4 wrapper: the language model sits in text_config; MoE every 2nd layer; chunked attention. */
export const LLAMA4 = {
  model_type: "llama4",
  architectures: ["Llama4ForConditionalGeneration"],
  text_config: {
    model_type: "llama4_text",
    hidden_size: 5120,
    intermediate_size: 8192,
    intermediate_size_mlp: 16384,
    num_hidden_layers: 8,
    num_attention_heads: 40,
    num_key_value_heads: 8,
    head_dim: 128,
    num_local_experts: 128,
    num_experts_per_tok: 1,
    interleave_moe_layer_step: 2,
    attention_chunk_size: 8192,
    max_position_embeddings: 1048576,
    vocab_size: 202048,
  },
};

/** Gemma 2: no layer_types; transformers alternates sliding (even layers) and global. */
export const GEMMA2 = {
  model_type: "gemma2",
  hidden_size: 3584,
  intermediate_size: 14336,
  num_hidden_layers: 42,
  num_attention_heads: 16,
  num_key_value_heads: 8,
  head_dim: 256,
  sliding_window: 4096,
  max_position_embeddings: 8192,
  vocab_size: 256000,
};

/** Gemma 3 text: sliding_window_pattern 6 = five local layers then one global. */
export const GEMMA3 = {
  model_type: "gemma3",
  text_config: {
    model_type: "gemma3_text",
    hidden_size: 5376,
    intermediate_size: 21504,
    num_hidden_layers: 62,
    num_attention_heads: 32,
    num_key_value_heads: 16,
    head_dim: 128,
    sliding_window: 1024,
    sliding_window_pattern: 6,
    max_position_embeddings: 131072,
    vocab_size: 262208,
  },
};

/** Gemma 4 MoE shape: global layers with their own KV layout, a dense MLP beside the experts. */
export const GEMMA4 = {
  model_type: "gemma4",
  tie_word_embeddings: true,
  text_config: {
    model_type: "gemma4_text",
    hidden_size: 256,
    intermediate_size: 512,
    moe_intermediate_size: 128,
    num_hidden_layers: 6,
    num_attention_heads: 4,
    num_key_value_heads: 2,
    num_global_key_value_heads: 1,
    head_dim: 64,
    global_head_dim: 128,
    attention_k_eq_v: true,
    enable_moe_block: true,
    num_experts: 4,
    top_k_experts: 2,
    layer_types: [
      "sliding_attention", "sliding_attention", "full_attention",
      "sliding_attention", "sliding_attention", "full_attention",
    ],
    sliding_window: 32,
    hidden_size_per_layer_input: 0,
    num_kv_shared_layers: 0,
    use_double_wide_mlp: false,
    max_position_embeddings: 2048,
    vocab_size: 1024,
  },
};

/** Qwen3-Next style hybrid: Gated DeltaNet linear attention on 3 of 4 layers, plus a shared expert. */
export const QWEN3_NEXT = {
  model_type: "qwen3_next",
  hidden_size: 2048,
  intermediate_size: 5120,
  moe_intermediate_size: 512,
  shared_expert_intermediate_size: 512,
  num_hidden_layers: 8,
  num_attention_heads: 16,
  num_key_value_heads: 2,
  head_dim: 256,
  num_experts: 512,
  num_experts_per_tok: 10,
  decoder_sparse_step: 1,
  mlp_only_layers: [],
  full_attention_interval: 4,
  linear_num_key_heads: 16,
  linear_num_value_heads: 32,
  linear_key_head_dim: 128,
  linear_value_head_dim: 128,
  linear_conv_kernel_dim: 4,
  max_position_embeddings: 262144,
  vocab_size: 151936,
  tie_word_embeddings: false,
};

/**
 * Qwen3.5-35B-A3B (hf:Qwen/Qwen3.5-35B-A3B config.json, as released; Qwen3.6-35B-A3B ships the same text_config): a
 * multimodal wrapper whose language model in `text_config` is a Gated DeltaNet / gated-attention hybrid (3 linear
 * layers to 1 full), MoE on every layer with no `intermediate_size`, fp32 recurrent state and one MTP layer.
 */
export const QWEN3_5_MOE = {
  architectures: ["Qwen3_5MoeForConditionalGeneration"],
  model_type: "qwen3_5_moe",
  image_token_id: 248056,
  tie_word_embeddings: false,
  transformers_version: "4.57.1",
  text_config: {
    attention_bias: false,
    attn_output_gate: true,
    dtype: "bfloat16",
    full_attention_interval: 4,
    head_dim: 256,
    hidden_act: "silu",
    hidden_size: 2048,
    layer_types: Array.from({ length: 40 }, (_, i) => ((i + 1) % 4 === 0 ? "full_attention" : "linear_attention")),
    linear_conv_kernel_dim: 4,
    linear_key_head_dim: 128,
    linear_num_key_heads: 16,
    linear_num_value_heads: 32,
    linear_value_head_dim: 128,
    mamba_ssm_dtype: "float32",
    max_position_embeddings: 262144,
    model_type: "qwen3_5_moe_text",
    moe_intermediate_size: 512,
    mtp_num_hidden_layers: 1,
    mtp_use_dedicated_embeddings: false,
    num_attention_heads: 16,
    num_experts: 256,
    num_experts_per_tok: 8,
    num_hidden_layers: 40,
    num_key_value_heads: 2,
    output_router_logits: false,
    partial_rotary_factor: 0.25,
    rms_norm_eps: 1e-6,
    rope_parameters: { mrope_interleaved: true, mrope_section: [11, 11, 10], partial_rotary_factor: 0.25, rope_theta: 10000000, rope_type: "default" },
    router_aux_loss_coef: 0.001,
    shared_expert_intermediate_size: 512,
    tie_word_embeddings: false,
    use_cache: true,
    vocab_size: 248320,
  },
  vision_config: { depth: 27, hidden_size: 1152, intermediate_size: 4304, model_type: "qwen3_5_moe", num_heads: 16, out_hidden_size: 2048 },
};

/** DeepSeek-V3's fields under a model_type the importer has no rules for (Kimi K2 ships that architecture). */
export const KIMI_K2 = { ...DEEPSEEK_V3, model_type: "kimi_k2", hidden_act: "silu" };

/** Llama's fields under a model_type the importer has no rules for. */
export const OLMO2 = { ...LLAMA, model_type: "olmo2", hidden_act: "silu" };

/** A copy of `base` with fields replaced (undefined deletes the field). */
export function withFields<T extends Record<string, unknown>>(base: T, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** The HfConfigError importHfConfig throws for `cfg` (fails the test if it returns or throws something else). */
export function errorOf(cfg: unknown): HfConfigError {
  try {
    importHfConfig(cfg);
  } catch (e) {
    if (e instanceof HfConfigError) return e;
    throw e;
  }
  throw new Error("importHfConfig did not throw");
}

/**
 * nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16 config.json (nemotron_h: 23 Mamba-2, 23 MoE and 6 attention blocks), as
 * pinned verbatim in public repositories' test fixtures (several agree field for field; one leaves out
 * mamba_ssm_cache_dtype); not retrieved from Hugging Face directly.
 */
export const NEMOTRON_3_NANO = {
  architectures: ["NemotronHForCausalLM"],
  attention_bias: false,
  attention_dropout: 0.0,
  bos_token_id: 1,
  chunk_size: 128,
  conv_kernel: 4,
  eos_token_id: 2,
  expand: 2,
  head_dim: 128,
  hidden_dropout: 0.0,
  hidden_size: 2688,
  hybrid_override_pattern: "MEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEMEM*EMEMEMEME",
  initializer_range: 0.02,
  intermediate_size: 1856,
  layer_norm_epsilon: 1e-5,
  mamba_head_dim: 64,
  mamba_hidden_act: "silu",
  mamba_num_heads: 64,
  mamba_proj_bias: false,
  mamba_ssm_cache_dtype: "float32",
  max_position_embeddings: 262144,
  mlp_bias: false,
  mlp_hidden_act: "relu2",
  model_type: "nemotron_h",
  moe_intermediate_size: 1856,
  moe_shared_expert_intermediate_size: 3712,
  n_group: 1,
  n_groups: 8,
  n_routed_experts: 128,
  n_shared_experts: 1,
  norm_eps: 1e-5,
  norm_topk_prob: true,
  num_attention_heads: 32,
  num_experts_per_tok: 6,
  num_hidden_layers: 52,
  num_key_value_heads: 2,
  num_logits_to_keep: 1,
  pad_token_id: 0,
  partial_rotary_factor: 1.0,
  rescale_prenorm_residual: true,
  residual_in_fp32: false,
  rope_theta: 10000,
  routed_scaling_factor: 2.5,
  sliding_window: null,
  ssm_state_size: 128,
  tie_word_embeddings: false,
  time_step_floor: 0.0001,
  time_step_max: 0.1,
  time_step_min: 0.001,
  topk_group: 1,
  torch_dtype: "bfloat16",
  transformers_version: "4.55.4",
  use_bias: false,
  use_cache: true,
  use_conv_bias: true,
  use_mamba_kernels: true,
  vocab_size: 131072,
};

/**
 * A small Granite 4.0-H-shaped config (granitemoehybrid: Mamba-2 and attention layers, each followed by a shared SwiGLU
 * MLP and 8 routed experts), the example transformers' GraniteMoeHybrid documentation gives, as quoted in public
 * repositories. Its sizes are small; the fields and their layout are the family's.
 */
export const GRANITE_HYBRID = {
  architectures: ["GraniteMoeHybridForCausalLM"],
  attention_bias: false,
  attention_dropout: 0.0,
  attention_multiplier: 0.015625,
  bos_token_id: 0,
  eos_token_id: 0,
  embedding_multiplier: 12,
  hidden_act: "silu",
  hidden_size: 512,
  initializer_range: 0.1,
  intermediate_size: 1024,
  layer_types: ["mamba", "mamba", "mamba", "attention", "mamba", "mamba", "mamba", "attention"],
  logits_scaling: 2,
  mamba_chunk_size: 256,
  mamba_conv_bias: true,
  mamba_d_conv: 4,
  mamba_d_head: 128,
  mamba_d_state: 128,
  mamba_expand: 2,
  mamba_n_groups: 1,
  mamba_n_heads: 8,
  mamba_proj_bias: false,
  max_position_embeddings: 4096,
  model_type: "granitemoehybrid",
  normalization_function: "rmsnorm",
  num_attention_heads: 8,
  num_experts_per_tok: 2,
  num_hidden_layers: 8,
  num_key_value_heads: 8,
  num_local_experts: 8,
  output_router_logits: false,
  position_embedding_type: "nope",
  residual_multiplier: 0.22,
  rms_norm_eps: 1e-5,
  rope_scaling: null,
  rope_theta: 10000,
  router_aux_loss_coef: 0.0,
  shared_intermediate_size: 512,
  tie_word_embeddings: true,
  torch_dtype: "bfloat16",
  use_cache: true,
  vocab_size: 49152,
};
