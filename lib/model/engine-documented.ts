import type { EngineId } from "../catalog/types";
import type { EngineFactors, GenerationClass } from "./engine-types";

/** One engine factor fixed by the engine's own documentation: used as given, never fitted. */
export interface DocumentedFactor {
  readonly engine: EngineId;
  readonly factor: keyof EngineFactors;
  readonly value: number;
  /** The GPU generation class it applies to, where the documented default depends on the GPU; absent: every one. */
  readonly generation?: GenerationClass;
  /** What the documentation says, in a sentence. */
  readonly why: string;
  readonly source: string;
}

/**
 * A documented scheduler constant transfers to models nobody measured; a value fitted on the few models that use the
 * feature (attention DP: DeepSeek-R1 only, in the calibration set) does not.
 */
export const DOCUMENTED_FACTORS: readonly DocumentedFactor[] = [
  {
    engine: "trtllm",
    factor: "dpBalanceSteps",
    value: 50,
    why:
      "attention DP with balancing (the DeepSeek-R1 recipes): a context request waits until every rank has one, or " +
      "AttentionDpConfig.timeout_iters = 50 iterations; in a closed loop replacements arrive one at a time, so the " +
      "wait runs to the timeout",
    source: "https://nvidia.github.io/TensorRT-LLM/llm-api/reference/AttentionDpConfig.html",
  },
  {
    engine: "trtllm",
    factor: "kvOutputShare",
    value: 1,
    why:
      "capacity_scheduler_policy GUARANTEED_NO_EVICT (the default) admits a request only with KV reserved for its " +
      "prompt and its whole output",
    source: "https://nvidia.github.io/TensorRT-LLM/performance/performance-tuning-guide/useful-runtime-flags.html",
  },
  {
    engine: "trtllm",
    factor: "kvMemOfFree",
    value: 1,
    why:
      "KvCacheConfig.free_gpu_memory_fraction (0.9 by default) is a fraction of the memory left free once the model " +
      "is loaded, not of the whole GPU",
    source: "https://nvidia.github.io/TensorRT-LLM/examples/kvcacheconfig.html",
  },
  {
    engine: "sglang",
    factor: "prefillChunkTokens",
    value: 8192,
    generation: "hopper",
    why: "chunked_prefill_size defaults to 8192 tokens on GPUs of 60–160 GB (H100, H200) (ServerArgs._handle_gpu_memory_settings)",
    source: "https://github.com/sgl-project/sglang/blob/main/python/sglang/srt/server_args.py",
  },
  {
    engine: "sglang",
    factor: "prefillChunkTokens",
    value: 16384,
    generation: "blackwell",
    why: "chunked_prefill_size defaults to 16384 tokens on GPUs of 160 GB or more (B200, GB200) (ServerArgs._handle_gpu_memory_settings)",
    source: "https://github.com/sgl-project/sglang/blob/main/python/sglang/srt/server_args.py",
  },
  {
    engine: "trtllm",
    factor: "mxfp4Fp8Activations",
    value: 1,
    generation: "blackwell",
    why:
      "for MXFP4 checkpoints the default quantization is W4A8_MXFP4_MXFP8 (MXFP8 activations) for the CUTLASS and " +
      "TRTLLM MoE backends on Blackwell, W4A16_MXFP4 on Hopper",
    source: "https://github.com/NVIDIA/TensorRT-LLM/blob/main/docs/source/blogs/tech_blog/blog9_Deploying_GPT_OSS_on_TRTLLM.md",
  },
  {
    engine: "vllm",
    factor: "mxfp4Fp8Activations",
    value: 0,
    generation: "blackwell",
    why:
      "on SM100 the default MXFP4 MoE backend is FlashInfer's MXFP4 × BF16 (W4A16); MXFP8 activations only with " +
      "VLLM_USE_FLASHINFER_MOE_MXFP4_MXFP8=1 (get_mxfp4_backend)",
    source: "https://github.com/vllm-project/vllm/blob/main/vllm/model_executor/layers/quantization/mxfp4.py",
  },
  {
    engine: "trtllm",
    factor: "maxBatchPerRank",
    value: 2048,
    why: "trtllm-serve and the LLM API schedule at most max_batch_size = 2048 requests per rank by default (serve.py: --max_batch_size defaults to BuildConfig.max_batch_size)",
    source: "https://github.com/NVIDIA/TensorRT-LLM/blob/main/tensorrt_llm/commands/serve.py",
  },
  {
    engine: "sglang",
    factor: "prefillFirst",
    value: 1,
    why:
      "the scheduler runs a new prefill batch whenever requests wait, before the next decode step, and does not mix " +
      "prefill chunks into decode batches unless --enable-mixed-chunk is set (ServerArgs.enable_mixed_chunk = False)",
    source: "https://github.com/sgl-project/sglang/blob/main/python/sglang/srt/server_args.py",
  },
  {
    engine: "trtllm",
    factor: "overlapSteps",
    value: 1,
    why:
      "the overlap scheduler (on by default) launches iteration n + 1 before the CPU work of iteration n is done; " +
      "the documentation's trade-off: it introduces one extra decoding step — a new request joins one iteration later",
    source: "https://nvidia.github.io/TensorRT-LLM/features/overlap-scheduler.html",
  },
  {
    engine: "sglang",
    factor: "overlapSteps",
    value: 1,
    why:
      "the zero-overhead batch scheduler (on by default; --disable-overlap-schedule turns it off) schedules the next " +
      "batch one step ahead, before the results of the running one are processed — a new request joins one iteration later",
    source: "https://lmsys.org/blog/2024-12-04-sglang-v0-4/#zero-overhead-batch-scheduler",
  },
  {
    engine: "vllm",
    factor: "kvOutputShare",
    value: 0.5,
    why: "PagedAttention allocates KV blocks as tokens are generated: a request holds ISL + OSL/2 on average",
    source: "https://docs.vllm.ai/en/latest/design/paged_attention.html",
  },
  {
    engine: "sglang",
    factor: "kvOutputShare",
    value: 0.5,
    why: "the token-level KV pool allocates as tokens are generated: a request holds ISL + OSL/2 on average",
    source: "https://docs.sglang.ai/advanced_features/server_arguments.html",
  },
];

/** The documented factors of one engine (on one GPU generation class), as a partial factor set. */
export function documentedFactorsOf(engine: EngineId, generation: GenerationClass = "hopper"): Partial<EngineFactors> {
  const o: Partial<Record<keyof EngineFactors, number>> = {};
  for (const d of DOCUMENTED_FACTORS) {
    if (d.engine === engine && (d.generation === undefined || d.generation === generation)) o[d.factor] = d.value;
  }
  return o;
}

/** Whether a factor of this engine is documented (fixed) rather than fitted. */
export function isDocumented(engine: EngineId, name: keyof EngineFactors): boolean {
  return DOCUMENTED_FACTORS.some((d) => d.engine === engine && d.factor === name);
}
