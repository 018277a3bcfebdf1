import type { EngineId, GpuGeneration } from "../catalog/types";

/**
 * The named physical factors of one serving engine on one GPU generation. Every one is a property of the engine's
 * kernels and scheduler on that silicon — not of any model — so a profile fitted on some models predicts others.
 */
export interface EngineFactors {
  /** Achieved fraction of peak HBM bandwidth when streaming weights / KV in decode (0–1). */
  readonly bwEff: number;
  /** Achieved fraction of peak matmul FLOP/s once a matmul is compute-bound (large GEMMs, flash attention) (0–1). */
  readonly flopEff: number;
  /** Fixed cost of one engine iteration: scheduling, launch of the (CUDA-graphed) step, sampling (s). */
  readonly stepOverheadS: number;
  /** Per-layer cost of one iteration that bandwidth and FLOPs do not explain: kernel tails, small ops (s/layer). */
  readonly layerOverheadS: number;
  /**
   * Fixed cost of each expert block a GPU runs in one MoE layer (grouped-GEMM tile setup, a partly filled tile,
   * scale loads): per touched expert per GPU per MoE layer per iteration (s). Makes many small expert slices
   * (MoE-TP) slower than a few whole experts (EP).
   */
  readonly expertOverheadS: number;
  /**
   * Fixed cost of one MoE layer per iteration beyond its bytes and FLOPs: the router's top-k, the permutation of tokens
   * to their experts and back, the small kernels between them (s per MoE layer per iteration).
   */
  readonly moeLayerOverheadS: number;
  /**
   * Per decode sequence per layer per iteration, beyond its KV bytes: the sequence's attention work item (paged-KV
   * block-table walk, split-KV partial results and their reduction, its KV-cache write and RoPE), plus its share of
   * the scheduler's and sampler's bookkeeping (s per sequence per layer). A step of b sequences pays b · L · this.
   */
  readonly seqOverheadS: number;
  /** Achieved fraction of link bandwidth in collectives (0–1): NVLink all-reduce / all-to-all on that silicon. */
  readonly commEff: number;
  /** Fixed latency of one collective call (all-reduce / all-to-all) inside an NVLink domain (s). */
  readonly commLatencyS: number;
  /** Fraction of GPU memory the engine manages (vLLM gpu_memory_utilization, TRT-LLM free_gpu_memory_fraction). */
  readonly kvMemFraction: number;
  /**
   * What kvMemFraction is a fraction of: 0 = the whole GPU (vLLM gpu_memory_utilization, SGLang
   * mem_fraction_static: weights and KV share f · capacity), 1 = the memory still free once the weights and the
   * workspace are loaded (TRT-LLM free_gpu_memory_fraction: the KV pool is f · (capacity − weights − workspace)).
   */
  readonly kvMemOfFree: number;
  /**
   * Share of a request's output tokens whose KV the scheduler counts against the pool while the request runs:
   * 1 = reserved up front for ISL + OSL (TRT-LLM's guaranteed-no-evict capacity scheduler), 1/2 = paged blocks taken
   * on demand, so a request holds ISL + OSL/2 on average over its life (vLLM / SGLang admit against what is free now).
   * The KV-limited concurrency is pool / KV(ISL + share · OSL).
   */
  readonly kvOutputShare: number;
  /** Prefill tokens scheduled per iteration (chunk size / max_num_batched_tokens). */
  readonly prefillChunkTokens: number;
  /**
   * The most requests one engine instance (one attention rank) runs at once, whatever its KV cache holds (vLLM
   * max_num_seqs, TensorRT-LLM max_batch_size); Infinity where only the KV cache bounds it (SGLang sizes its
   * max_running_requests from the KV pool). Beyond it requests queue, as beyond the KV cache.
   */
  readonly maxBatchPerRank: number;
  /**
   * Prefill queueing of a closed-loop benchmark: it starts all C requests at once, so the first wave's prefills
   * queue behind each other (mean wait (C−1)/2 prefills), and later waves inherit part of that alignment.
   * Mean TTFT ≈ t_prefill · (1 + β · (C/dp − 1)); β = 1/2 would be a benchmark of one wave, β → 0 many waves.
   */
  readonly burstFactor: number;
  /** Fixed part of TTFT outside the GPU: HTTP, tokenisation, scheduling of a new request, first detokenisation (s). */
  readonly ttftOverheadS: number;
  /**
   * Attention data parallelism (dp > 1): iterations a new request waits before its prefill is scheduled. The ranks
   * step together (the MoE layers are one collective), so the scheduler holds context requests until every rank has
   * one, or a timeout, to keep the ranks' prefills in the same iteration (TRT-LLM attention_dp_config
   * batching_wait_iters / timeout_iters, SGLang's DP-attention balancing). TTFT += this × the mean iteration (dp > 1).
   */
  readonly dpBalanceSteps: number;
  /**
   * 1 when the scheduler runs waiting prefills as their own forward passes before any decode step (SGLang: prefill
   * first, enable_mixed_chunk off by default), 0 when it mixes prefill chunks into the decode steps (vLLM, TRT-LLM).
   * With prefill-first passes a closed loop of equal requests runs in synchronised waves (serving.ts).
   */
  readonly prefillFirst: number;
  /**
   * Iterations a new request waits because the scheduler prepares the next batch while the GPU runs the current one
   * (overlap scheduling: TRT-LLM's overlap scheduler, SGLang's zero-overhead batch scheduler). A request that arrives
   * during iteration k missed the batch already scheduled for k + 1 and joins k + 2: TTFT += this × the mean iteration.
   * 0 for a scheduler that builds each batch after the previous one finished.
   */
  readonly overlapSteps: number;
  /**
   * 1 when the engine runs the experts of an MXFP4 checkpoint with 8-bit (MXFP8) activations on a GPU with an FP4
   * tensor path (W4A8: the expert matmuls at the FP8 peak), 0 when with 16-bit activations (W4A16: the bf16 peak).
   */
  readonly mxfp4Fp8Activations: number;
}

export type GenerationClass = "hopper" | "blackwell";

export interface EngineProfile {
  readonly engine: EngineId;
  readonly generation: GenerationClass;
  readonly factors: EngineFactors;
  /** Whether the engine's default KV cache is FP8 when weights are FP8/FP4 (TRT-LLM recipes) or the model dtype. */
  readonly kvFp8ByDefault: boolean;
  /** "fitted" when the factors come from calibration rows of this engine × generation, "default" otherwise. */
  readonly origin: "fitted" | "default";
}

/** Generations without calibration data borrow the nearest measured one (documented in README). */
export function generationClass(g: GpuGeneration): GenerationClass {
  return g === "blackwell" || g === "cdna4" ? "blackwell" : "hopper";
}

/** "Hopper" or "Blackwell": the factor class a GPU of this generation is estimated with, for text. */
export function generationClassLabel(g: GpuGeneration): "Hopper" | "Blackwell" {
  return generationClass(g) === "blackwell" ? "Blackwell" : "Hopper";
}
