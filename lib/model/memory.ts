import { activationBytes, type Setup } from "./setup";
import { kvBytesPerSeqPerGpu } from "./step";

/**
 * VRAM of one GPU (the most loaded one) of the replica.
 *  - weights: the GPU's shard (weights.ts split rules);
 *  - activations: workspace for one prefill chunk through the widest layer;
 *  - runtimeReserve: what the engine leaves unmanaged (CUDA context, NCCL buffers, CUDA graphs, fragmentation):
 *    (1 − f) × capacity, or (1 − f) × (capacity − weights − activations) for an engine whose f is a fraction of the
 *    memory free after loading (kvMemOfFree, TensorRT-LLM);
 *  - KV pool: f × capacity − weights − activations, or f × (capacity − weights − activations), in which each request
 *    needs the KV of ISL + OSL tokens (sliding layers capped at the window, linear layers a fixed state);
 *  - kvCache: the part of the pool the workload's in-flight requests hold; free: the rest.
 */
export interface MemoryPerGpu {
  readonly capacity: number;
  readonly weights: number;
  readonly activations: number;
  readonly runtimeReserve: number;
  /** Whether the engine's memory fraction applies to the memory free after loading (TRT-LLM) rather than to capacity. */
  readonly kvOfFree: boolean;
  /** Bytes the engine can give to KV on this GPU (may be negative: the model does not fit). */
  readonly kvPool: number;
  /** KV bytes one request of ISL + OSL tokens holds on this GPU. */
  readonly kvPerRequest: number;
  /** KV bytes a running request counts against the pool: KV(ISL + kvOutputShare · OSL) (engine-types.ts). */
  readonly kvPerRunningRequest: number;
  /** Requests whose KV the replica holds at once: dp × floor(pool / per running request). */
  readonly maxConcurrency: number;
  readonly kvCache: number;
  readonly free: number;
  /** Weights + activations + reserve + one request's KV fit in the GPU. */
  readonly fits: boolean;
}

export function memoryPerGpu(s: Setup, concurrency: number, isl: number, osl: number): MemoryPerGpu {
  const capacity = s.gpu.memory;
  // with speculative decoding the MTP modules are loaded too: each one decoder layer, weighed as the mean layer
  const weights = s.wg.total * (1 + (s.spec ? s.spec.modules / s.model.layers : 0));
  const activations = activationBytes(s);
  const f = s.f.kvMemFraction;
  const loaded = capacity - weights - activations;
  const ofFree = s.f.kvMemOfFree >= 0.5 && loaded > 0;
  const runtimeReserve = ofFree ? (1 - f) * loaded : capacity * (1 - f);
  const kvPool = ofFree ? f * loaded : capacity * f - weights - activations;
  // with speculative decoding each MTP module keeps a KV cache too: one layer more per token (and its k draft tokens)
  const mtpKv = s.spec ? 1 + s.spec.modules / s.model.layers : 1;
  const draftRoom = s.spec ? s.spec.draftTokens : 0;
  const kvPerRequest = kvBytesPerSeqPerGpu(s, isl + osl + draftRoom) * mtpKv;
  // What a running request counts against the pool: its prompt plus the engine's share of its output (engine-types).
  const share = s.f.kvOutputShare;
  const kvDemand = share === 1 ? kvPerRequest : kvBytesPerSeqPerGpu(s, isl + share * osl + draftRoom) * mtpKv;
  // the KV cache bounds the requests a rank runs, and so does the engine's own batch limit
  const perRank = kvPool >= kvPerRequest ? Math.min(Math.floor(kvPool / kvDemand), s.f.maxBatchPerRank) : 0;
  const maxConcurrency = s.layout.dp * perRank;
  const runningPerRank = Math.min(Math.ceil(concurrency / s.layout.dp), perRank);
  const kvCache = Math.max(0, runningPerRank * kvDemand);
  const free = Math.max(0, capacity - weights - activations - runtimeReserve - kvCache);
  return {
    capacity,
    weights,
    activations,
    runtimeReserve,
    kvOfFree: ofFree,
    kvPool,
    kvPerRequest,
    kvPerRunningRequest: kvDemand,
    maxConcurrency,
    kvCache,
    free,
    fits: perRank >= 1,
  };
}
