/** Plain-words text about one estimate, shared by /calculate and `atlas estimate` (numbers via lib/format.ts). */
import type { BindingResource, EstimateResult } from "./model/estimate-types";
import type { EstimateInput } from "./plan/estimate-input";

export const ENGINE_LABELS: Readonly<Record<EstimateInput["engine"], string>> = {
  vllm: "vLLM",
  sglang: "SGLang",
  trtllm: "TensorRT-LLM",
};

const BINDING: Readonly<Record<BindingResource, { short: string; words: string }>> = {
  "memory-bandwidth": {
    short: "memory bandwidth",
    words:
      "Each decode step streams the weights and the batch's KV cache from HBM, and that takes longer than the arithmetic. More concurrency (a bigger batch) amortises the weight reads; lower-precision weights or KV shrink them.",
  },
  compute: {
    short: "compute",
    words:
      "The batch is large enough that the matrix multiplies take longer than reading the weights. Faster tensor cores, FP8/FP4 math or more GPUs help; more concurrency mostly adds latency now.",
  },
  communication: {
    short: "communication",
    words:
      "The all-reduces between tensor-parallel GPUs (and MoE token exchange) take the largest share of each step. Less tensor parallelism, a faster interconnect, or staying inside one NVLink domain helps.",
  },
  overhead: {
    short: "per-step overhead",
    words:
      "At this small batch the engine's scheduling and kernel-launch time outweighs both data movement and arithmetic. Raising concurrency is nearly free here.",
  },
  "kv-capacity": {
    short: "capacity (KV cache or batch limit)",
    words:
      "The requested concurrency is more than the replica runs at once — what its KV cache holds, or the engine's batch limit if that is lower (see max concurrency) — so the rest queue. Add GPUs or replicas, use an FP8 KV cache, shorten the context, or raise the batch limit where the cache has room.",
  },
};

/** One-phrase name of what bounds the step ("memory bandwidth"). */
export function bindingShort(b: BindingResource): string {
  return BINDING[b].short;
}

/** A sentence or two on what bounds the step and what would help. */
export function bindingWords(b: BindingResource): string {
  return BINDING[b].words;
}

/** "TP2 · PP1 · DP1" (+ MoE TP/EP when set). */
export function layoutWords(i: Pick<EstimateInput, "tp" | "pp" | "dp" | "moeTp" | "moeEp">): string {
  const parts = [`TP${i.tp}`, `PP${i.pp}`, `DP${i.dp}`];
  if (i.moeTp !== undefined) parts.push(`MoE-TP${i.moeTp}`);
  if (i.moeEp !== undefined) parts.push(`EP${i.moeEp}`);
  return parts.join(" · ");
}

/** The problems and notes of a result, problems first. */
export function remarks(r: EstimateResult): { problems: readonly string[]; notes: readonly string[] } {
  return { problems: r.problems, notes: r.notes ?? [] };
}
