import type { EngineId, GpuSpec } from "../catalog/types";
import { profileFor } from "./engines";

/**
 * The engine settings a user may name in a request (memFraction, prefillChunkTokens, maxBatch, requestOverheadMs), with the value the engine
 * uses when they name none on that GPU and the engine's own name for each, so a form can show the default it
 * replaces and what it means on that engine.
 */
export interface EngineSettingDefaults {
  readonly memFraction: number;
  /** The engine's name for the memory setting and what it is a share of. */
  readonly memFractionHint: string;
  readonly prefillChunkTokens: number;
  readonly prefillChunkHint: string;
  /** The engine's batch limit per rank; null where only the KV cache bounds it (SGLang). */
  readonly maxBatch: number | null;
  readonly maxBatchHint: string;
  /** The engine's calibrated t_0, the serving stack's fixed first-token latency (ms, 3 significant digits). */
  readonly requestOverheadMs: number;
  readonly requestOverheadHint: string;
}

const MEMORY_NAME: Readonly<Record<EngineId, string>> = {
  vllm: "gpu_memory_utilization: share of the GPU for weights + KV",
  sglang: "mem_fraction_static: share of the GPU for weights + KV",
  trtllm: "free_gpu_memory_fraction: share of the memory left after the weights that becomes KV",
};

const CHUNK_NAME: Readonly<Record<EngineId, string>> = {
  vllm: "max_num_batched_tokens: prompt tokens per iteration",
  sglang: "chunked_prefill_size: prompt tokens per iteration",
  trtllm: "max_num_tokens: prompt tokens per iteration",
};

const BATCH_NAME: Readonly<Record<EngineId, string>> = {
  vllm: "max_num_seqs: requests run at once",
  sglang: "max_running_requests: requests run at once; empty = what the KV cache holds",
  trtllm: "max_batch_size: requests run at once",
};

export function engineSettingDefaults(engine: EngineId, gpu: GpuSpec): EngineSettingDefaults {
  const f = profileFor(engine, gpu).factors;
  return {
    memFraction: f.kvMemFraction,
    memFractionHint: MEMORY_NAME[engine],
    prefillChunkTokens: f.prefillChunkTokens,
    prefillChunkHint: CHUNK_NAME[engine],
    maxBatch: Number.isFinite(f.maxBatchPerRank) ? f.maxBatchPerRank : null,
    maxBatchHint: BATCH_NAME[engine],
    requestOverheadMs: Number((f.ttftOverheadS * 1e3).toPrecision(3)),
    requestOverheadHint: "serving stack's fixed first-token latency (HTTP, gateway, tokenisation); empty = calibrated",
  };
}
