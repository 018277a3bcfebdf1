import type { Bytes } from "./units";
import type { Derivation } from "./derivation";

/** What bounds a decode step, in plain words for the UI. */
export type BindingResource = "memory-bandwidth" | "compute" | "communication" | "overhead" | "kv-capacity";

/** Per-GPU memory, by kind, in bytes. */
export interface MemoryBreakdown {
  readonly capacity: Bytes;
  readonly weights: Bytes;
  readonly kvCache: Bytes;
  readonly activations: Bytes;
  readonly runtimeReserve: Bytes;
  readonly free: Bytes;
}

/**
 * The answer for one configuration. Times in the API are milliseconds (names say so);
 * everything else SI. `derivations` is filled when the caller asks for explanations.
 */
export interface EstimateResult {
  readonly ttftMs: number;
  readonly tpotMs: number;
  /**
   * One prompt prefilled alone on the replica: the engine's time for the whole prompt (its chunks back to back),
   * without the serving path's fixed overhead, queueing or other requests. What an in-process batch-1 benchmark
   * reports as first-token latency; ttftMs is what a served request sees.
   */
  readonly prefillMs: number;
  readonly outputTokensPerSecond: number;
  readonly outputTokensPerSecondPerGpu: number;
  readonly tokensPerSecondPerUser: number;
  readonly maxConcurrency: number;
  readonly fits: boolean;
  /** Why it does not fit / is impossible; empty when it fits. */
  readonly problems: readonly string[];
  readonly memory: MemoryBreakdown;
  readonly costUsdPerMillionInputTokens: number;
  readonly costUsdPerMillionOutputTokens: number;
  readonly costUsdPerHour: number;
  readonly costUsdPerMonth: number;
  readonly gpusPerReplica: number;
  readonly binding: BindingResource;
  /**
   * Plain-words remarks that do not make the configuration impossible (weight-only dequantisation, collectives
   * crossing the NVLink domain, no price given). Additive field; may be absent.
   */
  readonly notes?: readonly string[];
  readonly derivations?: readonly Derivation[];
  /**
   * Present when the request gave a request rate (requestRate) instead of a concurrency: the replica's steady state at
   * that rate (lib/model/open-loop.ts). The latencies are those at `inFlight` requests in flight.
   */
  readonly openLoop?: OpenLoopFigures;
}

export interface OpenLoopFigures {
  /** Offered requests/s. */
  readonly requestRate: number;
  /** Requests in flight in the steady state (Little's law); the KV-limited maximum when saturated. */
  readonly inFlight: number;
  /** The replica cannot keep up with the rate: the queue grows without end. */
  readonly saturated: boolean;
  /** Requests/s the replica completes: the rate, or its most when saturated. */
  readonly completedPerSecond: number;
}
