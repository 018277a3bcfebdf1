import { getGpu, getModel, pricePerGpuHour } from "../catalog";
import { decodeStep, estimateConfig, estimateCore } from "../model";
import { estimateInputSchema } from "../plan/estimate-input";
import { estimateRequestOf, type Scenario } from "./scenario";

/**
 * Chart data for the Spine stages. Every y value comes from the core (lib/model); these functions only choose the
 * x values and pick fields. Charts receive these arrays and compute nothing.
 */

function inputFor(s: Scenario, over: Partial<Scenario> & { tp?: number; kv?: Scenario["kv"] } = {}) {
  const sc: Scenario = { ...s, ...over };
  const price = pricePerGpuHour(sc.gpu)?.perGpuHour;
  const raw = estimateRequestOf(sc, price);
  return estimateInputSchema.parse(over.tp !== undefined ? { ...raw, tp: over.tp, pp: 1, dp: 1, moeTp: undefined, moeEp: undefined } : raw);
}

/** Dense models of increasing size, for "bigger is slower" (those the catalog has). */
export const SIZE_LADDER = [
  "phi-3-mini-4k",
  "llama-3.1-8b",
  "phi-4",
  "gemma-2-27b",
  "qwen3-32b",
  "llama-3.1-70b",
  "llama-3.1-405b",
] as const;

export interface SizePoint {
  readonly id: string;
  readonly name: string;
  /** Total parameters, billions (x axis). */
  readonly paramsB: number;
  /** Tokens/s for one user if only the math counted: 1 / (decode-step FLOPs / achieved FLOP/s), batch 1. */
  readonly computeTps: number;
  /** Tokens/s for one user if only reading bytes counted: 1 / (decode-step bytes / achieved bandwidth), batch 1. */
  readonly bandwidthTps: number;
  /** The core's full estimate for one user on one GPU (null when the model does not fit on one GPU). */
  readonly estimateTps: number | null;
  readonly fits: boolean;
  readonly weightBytes: number;
}

/**
 * Tokens/s per user on ONE GPU of the scenario's kind at the scenario's precision and context, for each model of the
 * ladder (plus the scenario's own model when it is dense and not in the ladder).
 */
export function tokensPerSecondBySize(s: Scenario): SizePoint[] {
  const gpu = getGpu(s.gpu);
  if (!gpu) return [];
  const ids: string[] = [...SIZE_LADDER];
  const own = getModel(s.model);
  if (own && !own.moe && !ids.includes(own.id)) ids.push(own.id);
  const out: SizePoint[] = [];
  for (const id of ids) {
    const model = getModel(id);
    if (!model) continue;
    const input = inputFor({ ...s, model: id, concurrency: 1, par: "tp", gpus: 1 }, { tp: 1 });
    const core = estimateCore({ model, gpu, input });
    const step = decodeStep(core.setup, 1, core.serving.meanContext);
    const r = estimateConfig({ model, gpu, input });
    out.push({
      id,
      name: model.name,
      paramsB: core.setup.md.params.total / 1e9,
      computeTps: 1 / step.tCompute,
      bandwidthTps: 1 / step.tMemory,
      estimateTps: r.fits ? r.tokensPerSecondPerUser : null,
      fits: r.fits,
      weightBytes: core.setup.wb.total,
    });
  }
  return out.sort((a, b) => a.paramsB - b.paramsB);
}

/** Total context lengths (ISL + OSL) for the capacity chart, up to the model's window. */
export function contextLadder(maxContext: number): number[] {
  const base = [1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 512000, 1000000];
  return base.filter((n) => n <= maxContext);
}

export interface CapacityPoint {
  /** Tokens per request (ISL + OSL). */
  readonly context: number;
  /** Requests the replica's KV cache holds at once, at the scenario's KV precision. */
  readonly users: number;
  /** The same at the other common KV precision (bf16 ↔ fp8), for comparison. */
  readonly usersAlt: number;
}

/** Users vs context: the capacity cliff. `altKv` names the comparison series' KV precision. */
export function capacityByContext(s: Scenario): { points: CapacityPoint[]; kv: string; altKv: "bf16" | "fp8" } {
  const model = getModel(s.model);
  const gpu = getGpu(s.gpu);
  if (!model || !gpu) return { points: [], kv: s.kv, altKv: "fp8" };
  const base = estimateCore({ model, gpu, input: inputFor(s) });
  const kv = base.setup.kv;
  const altKv = kv === "fp8" ? "bf16" : "fp8";
  const points: CapacityPoint[] = [];
  for (const n of contextLadder(model.maxContext)) {
    const osl = Math.min(s.osl, Math.max(1, Math.floor(n / 2)));
    const isl = n - osl;
    const a = estimateCore({ model, gpu, input: inputFor(s, { isl, osl }) });
    const b = estimateCore({ model, gpu, input: inputFor(s, { isl, osl, kv: altKv }) });
    points.push({ context: n, users: a.memory.maxConcurrency, usersAlt: b.memory.maxConcurrency });
  }
  return { points, kv, altKv };
}

export interface BatchPoint {
  readonly concurrency: number;
  /** Output tokens/s of the replica. */
  readonly throughput: number;
  /** Tokens/s each user sees. */
  readonly perUser: number;
  readonly tpotMs: number;
  readonly costPerMillionOutput: number;
  readonly costPerMillionInput: number;
  /** $/M output ÷ $/M input (NaN when input costs nothing). */
  readonly costRatio: number;
  /** More users than the KV cache holds: the rest queue. */
  readonly queued: boolean;
}

/** Batch vs throughput: concurrency 1, 2, 4 … up to twice what the KV cache holds (at most 1,024). */
export function throughputByBatch(s: Scenario): BatchPoint[] {
  const model = getModel(s.model);
  const gpu = getGpu(s.gpu);
  if (!model || !gpu) return [];
  const first = estimateConfig({ model, gpu, input: inputFor(s, { concurrency: 1 }) });
  const cap = Math.max(2, Math.min(1024, 2 * Math.max(1, first.maxConcurrency)));
  const out: BatchPoint[] = [];
  for (let c = 1; c <= cap; c *= 2) {
    const r = estimateConfig({ model, gpu, input: inputFor(s, { concurrency: c }) });
    out.push({
      concurrency: c,
      throughput: r.outputTokensPerSecond,
      perUser: r.tokensPerSecondPerUser,
      tpotMs: r.tpotMs,
      costPerMillionOutput: r.costUsdPerMillionOutputTokens,
      costPerMillionInput: r.costUsdPerMillionInputTokens,
      costRatio: r.costUsdPerMillionInputTokens > 0 ? r.costUsdPerMillionOutputTokens / r.costUsdPerMillionInputTokens : NaN,
      queued: c > r.maxConcurrency,
    });
  }
  return out;
}

export interface SizeRatio {
  readonly big: SizePoint;
  readonly small: SizePoint;
  /** big ÷ small parameters, weight bytes, and small ÷ big bandwidth-ceiling tokens/s. */
  readonly params: number;
  readonly bytes: number;
  readonly slowdown: number;
}

/** The 70B-vs-8B comparison of stage 2, from the size ladder's points (null when either is missing). */
export function sizeRatio(points: readonly SizePoint[], bigId = "llama-3.1-70b", smallId = "llama-3.1-8b"): SizeRatio | null {
  const big = points.find((p) => p.id === bigId);
  const small = points.find((p) => p.id === smallId);
  if (!big || !small) return null;
  return {
    big,
    small,
    params: big.paramsB / small.paramsB,
    bytes: big.weightBytes / small.weightBytes,
    slowdown: small.bandwidthTps / big.bandwidthTps,
  };
}
