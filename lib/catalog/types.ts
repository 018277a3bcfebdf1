import type { Bytes, BytesPerSecond, FlopPerSecond, UsdPerHour, Watts } from "../model/units";

/** Where a figure comes from. `url` may be a repository path or a document name. */
export interface Source {
  readonly url: string;
  readonly kind?: string;
  readonly note?: string;
}
export type Confidence = "high" | "medium" | "low";

/** Numeric formats the core knows. Weight precisions a request may name are a subset. */
export type Precision = "bf16" | "fp8" | "int8" | "int4" | "fp4";
export type KvPrecision = "bf16" | "fp8" | "int8" | "fp4";
export type WeightPrecision = "bf16" | "fp8" | "int4" | "fp4";
export type EngineId = "vllm" | "sglang" | "trtllm";
export type GpuGeneration = "ampere" | "ada" | "hopper" | "blackwell" | "cdna3" | "cdna4";

export interface GpuSpec {
  readonly id: string;
  readonly name: string;
  readonly vendor: "NVIDIA" | "AMD";
  readonly generation: GpuGeneration;
  readonly memory: Bytes;
  readonly hbmBandwidth: BytesPerSecond;
  /** Dense (no 2:4 sparsity) peak matmul throughput per datatype; null where the chip has no such path. */
  readonly peakFlops: {
    readonly bf16: FlopPerSecond;
    readonly fp8: FlopPerSecond | null;
    readonly fp4: FlopPerSecond | null;
    readonly int8: FlopPerSecond | null;
  };
  /** Scale-up interconnect bandwidth per GPU, one direction (NVLink / Infinity Fabric / PCIe). */
  readonly interconnectBandwidth: BytesPerSecond;
  readonly interconnect: string;
  /** GPUs that share one NVLink / Infinity Fabric domain (8 for HGX, 72 for GB200 NVL72). */
  readonly nvlinkDomain: number;
  readonly tdp: Watts;
  readonly confidence: Confidence;
  readonly sources: readonly Source[];
  readonly notes?: string;
}

export type AttentionSpec =
  | {
      readonly kind: "gqa";
      readonly numHeads: number;
      readonly numKvHeads: number;
      readonly headDim: number;
      /** Q/K/V/O projections carry biases (Qwen2, gpt-oss). */
      readonly bias: boolean;
      /**
       * Gated attention (Qwen3-Next, Qwen3.5: `attn_output_gate`): the Q projection also yields a sigmoid gate per
       * output channel, so it is 2·n_q·h wide. Absent: no gate.
       */
      readonly outputGate?: boolean;
      /**
       * Full-attention layers with their own KV layout (Gemma 4: `num_global_key_value_heads`, `global_head_dim`,
       * `attention_k_eq_v`). Absent: full and sliding layers share numKvHeads / headDim.
       */
      readonly fullLayers?: {
        readonly numKvHeads: number;
        readonly headDim: number;
        /** Keys double as values (no V projection), so one tensor per KV head is cached instead of two. */
        readonly keyIsValue: boolean;
      };
    }
  | {
      /** Multi-head latent attention (DeepSeek-V2/V3): the cache holds one latent + rope key per token per layer. */
      readonly kind: "mla";
      readonly numHeads: number;
      readonly qLoraRank: number | null;
      readonly kvLoraRank: number;
      readonly qkNopeHeadDim: number;
      readonly qkRopeHeadDim: number;
      readonly vHeadDim: number;
    };

/**
 * A linear-attention layer: its projections (params.ts) and its fixed-size recurrent state (kv.ts).
 *  - Gated DeltaNet (Qwen3-Next, Qwen3.5; `kind` absent), from the config's `linear_*` fields.
 *  - Mamba-2 (`kind: "mamba2"`: Nemotron-H, Nemotron 3), the same shapes under other names: its n_groups B/C groups
 *    are the key heads (numKeyHeads) with the SSM state size as their width (keyHeadDim), its mamba heads the value
 *    heads with mamba_head_dim; the state is one d_head × d_state matrix per head, the convolution runs over x, B, C.
 */
export interface LinearAttentionSpec {
  /** Absent: Gated DeltaNet. */
  readonly kind?: "mamba2";
  /** Mamba-2: the depthwise convolution carries a bias (use_conv_bias). */
  readonly convBias?: boolean;
  /** Mamba-2: the in/out projections carry biases (mamba_proj_bias / use_bias). */
  readonly projBias?: boolean;
  readonly numKeyHeads: number;
  readonly numValueHeads: number;
  readonly keyHeadDim: number;
  readonly valueHeadDim: number;
  readonly convKernel: number;
  /**
   * Bytes per element of the recurrent (n_v × d_k × d_v) state when the checkpoint fixes its type
   * (`mamba_ssm_dtype`: float32 → 4). Absent: the model dtype (16-bit), like the convolution window — engines keep
   * this state apart from the KV cache, whatever its precision.
   */
  readonly recurrentStateBytes?: number;
}

export interface MoeSpec {
  readonly numExperts: number;
  readonly expertsPerToken: number;
  readonly sharedExperts: number;
  /** FFN width of one routed expert. */
  readonly expertFfnSize: number;
  /** FFN width of one shared expert (often equal to expertFfnSize). */
  readonly sharedExpertFfnSize: number;
  /** Layers whose FFN is an MoE block; the rest (`layers - moeLayers`) use the dense FFN. */
  readonly moeLayers: number;
}

/** A decoder-only transformer, normalised from its config. Counts, not names. */
export interface ModelArch {
  readonly id: string;
  readonly name: string;
  readonly layers: number;
  readonly hiddenSize: number;
  readonly vocabSize: number;
  readonly tiedEmbeddings: boolean;
  readonly maxContext: number;
  readonly attention: AttentionSpec;
  /** How many layers of each attention kind; they sum to `layers`. */
  readonly layerKinds: { readonly full: number; readonly sliding: number; readonly linear: number };
  /** Window in tokens of the sliding (or chunked-local) layers; null when there are none. */
  readonly slidingWindow: number | null;
  readonly linearAttention: LinearAttentionSpec | null;
  /** Dense FFN: width, and whether it is gated (SwiGLU: gate, up, down = 3 matrices) or plain (2). */
  readonly ffn: { readonly intermediateSize: number; readonly gated: boolean };
  /**
   * Layers with no FFN block at all (Nemotron-H: Mamba, attention, MoE and MLP are separate blocks, and fewer FFN
   * blocks than mixer blocks leave some mixers without one). Absent: 0 — every layer has a dense FFN or an MoE block.
   */
  readonly ffnFreeLayers?: number;
  /**
   * The attention layers add no positional embedding (NoPE): Nemotron-H's attention applies no rotary embedding and
   * Granite 4.0-H says `position_embedding_type: "nope"` — their Mamba-2 layers carry the order. Absent: RoPE.
   */
  readonly noPositionEmbedding?: boolean;
  readonly moe: MoeSpec | null;
  /** Precision the checkpoint ships in, when the config says (quantization_config). */
  readonly nativePrecision?: Precision;
  /**
   * Format of a 4-bit checkpoint's weights: "mxfp4" (OCP microscaling, one E8M0 scale per 32 weights; gpt-oss) or
   * "nvfp4" (one FP8 scale per 16). From quantization_config.quant_method. Engines run MXFP4 experts W4A16 (16-bit
   * activations), NVFP4 W4A4.
   */
  readonly fp4Format?: "mxfp4" | "nvfp4";
  /** Multi-token-prediction modules the checkpoint ships (config num_nextn_predict_layers); absent when none. */
  readonly mtp?: MtpSpec;
  readonly sources: readonly Source[];
  readonly notes?: string;
}

/**
 * A checkpoint's multi-token-prediction (MTP) modules: each is one more decoder layer (with the embedding and LM
 * head shared) trained to predict a token further ahead. Engines use them as the draft of speculative decoding,
 * reusing the module autoregressively for more draft tokens than there are modules.
 */
export interface MtpSpec {
  /** Modules in the checkpoint (num_nextn_predict_layers). */
  readonly modules: number;
  /**
   * Published acceptance of draft tokens: the share of first draft tokens the model accepts, and of each later one
   * given the ones before it were accepted (the module reused for positions it was not trained on). Null where none is
   * published: the estimate then needs the acceptance length as an input.
   */
  readonly acceptance: { readonly first: number; readonly later: number; readonly source: string } | null;
}

export type PricingTerm = "on-demand" | "1yr" | "3yr" | "spot";

export interface GpuPrice {
  readonly gpuId: string;
  readonly provider: string;
  readonly instance: string;
  readonly region: string | null;
  readonly term: PricingTerm;
  readonly perGpuHour: UsdPerHour;
  readonly gpusPerInstance: number;
  readonly dateSeen: string;
  readonly source: string;
  readonly confidence: Confidence;
}

export interface ApiPrice {
  readonly provider: string;
  readonly model: string;
  readonly usdPerMillionInput: number | null;
  readonly usdPerMillionOutput: number;
  readonly dateSeen: string;
  readonly source: string;
}
