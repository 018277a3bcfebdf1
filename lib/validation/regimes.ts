import type { EngineId, GpuGeneration } from "../catalog/types";

/**
 * A regime is where a configuration sits on the axes along which the estimator's error changes:
 * dense vs MoE, batch (requests in flight per replica), context length, GPU generation and engine.
 */
export type ArchClass = "dense" | "moe";
export type BatchBucket = "b1-8" | "b9-64" | "b65-up";
export type ContextBucket = "ctx-le2k" | "ctx-2k-8k" | "ctx-gt8k";

export interface Regime {
  readonly arch: ArchClass;
  readonly batch: BatchBucket;
  readonly context: ContextBucket;
  readonly generation: GpuGeneration;
  readonly engine: EngineId;
}

export type RegimeDim = keyof Regime;

/** Requests in flight per replica → bucket: 1–8, 9–64, 65 and up. */
export function batchBucket(concurrency: number): BatchBucket {
  if (concurrency <= 8) return "b1-8";
  if (concurrency <= 64) return "b9-64";
  return "b65-up";
}

/** Tokens a request holds at its end, ISL + OSL → bucket: ≤ 2,048; 2,049–8,192; > 8,192. */
export function contextBucket(isl: number, osl: number): ContextBucket {
  const n = isl + osl;
  if (n <= 2048) return "ctx-le2k";
  if (n <= 8192) return "ctx-2k-8k";
  return "ctx-gt8k";
}

/** The regime of one configuration: dense or MoE, requests in flight, ISL and OSL, GPU generation, engine. */
export function regimeFor(c: {
  readonly moe: boolean;
  readonly concurrency: number;
  readonly isl: number;
  readonly osl: number;
  readonly generation: GpuGeneration;
  readonly engine: EngineId;
}): Regime {
  return {
    arch: c.moe ? "moe" : "dense",
    batch: batchBucket(c.concurrency),
    context: contextBucket(c.isl, c.osl),
    generation: c.generation,
    engine: c.engine,
  };
}

export const DIM_VALUE_LABELS: {
  readonly arch: Readonly<Record<ArchClass, string>>;
  readonly batch: Readonly<Record<BatchBucket, string>>;
  readonly context: Readonly<Record<ContextBucket, string>>;
  readonly generation: Readonly<Record<GpuGeneration, string>>;
  readonly engine: Readonly<Record<EngineId, string>>;
} = {
  arch: { dense: "dense", moe: "MoE" },
  batch: { "b1-8": "batch 1–8", "b9-64": "batch 9–64", "b65-up": "batch 65+" },
  context: { "ctx-le2k": "context ≤ 2k", "ctx-2k-8k": "context 2k–8k", "ctx-gt8k": "context > 8k" },
  generation: {
    ampere: "Ampere",
    ada: "Ada",
    hopper: "Hopper",
    blackwell: "Blackwell",
    cdna3: "CDNA 3",
    cdna4: "CDNA 4",
  },
  engine: { vllm: "vLLM", sglang: "SGLang", trtllm: "TensorRT-LLM" },
};

export const DIM_LABELS: Readonly<Record<RegimeDim, string>> = {
  arch: "architecture",
  batch: "batch",
  context: "context length",
  generation: "GPU generation",
  engine: "engine",
};

/** A group of regimes: the dimensions it fixes (the rest are free). */
export type RegimeGroup = Partial<Regime>;

/** Order in which dimensions are given up when a regime has too few measured rows (most specific first). */
export const FALLBACK_CHAIN: readonly (readonly RegimeDim[])[] = [
  ["arch", "batch", "generation", "engine", "context"],
  ["arch", "batch", "generation", "engine"],
  ["arch", "batch", "generation"],
  ["arch", "batch"],
  ["arch"],
  [],
];

/** The dimensions shown one at a time in the page's per-dimension table. */
export const MARGINAL_DIMS: readonly RegimeDim[] = ["arch", "batch", "context", "generation", "engine"];

const ORDER: readonly RegimeDim[] = ["arch", "batch", "generation", "engine", "context"];

/** Restrict a regime to some of its dimensions. */
export function project(r: Regime, dims: readonly RegimeDim[]): RegimeGroup {
  const g: Record<string, string> = {};
  for (const d of ORDER) if (dims.includes(d)) g[d] = r[d];
  return g as RegimeGroup;
}

/** Stable anchor id, e.g. "regime_moe_b1-8_hopper_trtllm"; "regime_all" for no dimension. */
export function groupId(g: RegimeGroup): string {
  const parts = ORDER.flatMap((d) => (g[d] === undefined ? [] : [g[d]]));
  return parts.length === 0 ? "regime_all" : `regime_${parts.join("_")}`;
}

/** Human label, e.g. "MoE · batch 1–8 · Hopper · TensorRT-LLM"; "all rows" for no dimension. */
export function groupLabel(g: RegimeGroup): string {
  const parts: string[] = [];
  if (g.arch) parts.push(DIM_VALUE_LABELS.arch[g.arch]);
  if (g.batch) parts.push(DIM_VALUE_LABELS.batch[g.batch]);
  if (g.generation) parts.push(DIM_VALUE_LABELS.generation[g.generation]);
  if (g.engine) parts.push(DIM_VALUE_LABELS.engine[g.engine]);
  if (g.context) parts.push(DIM_VALUE_LABELS.context[g.context]);
  return parts.length === 0 ? "all rows" : parts.join(" · ");
}

/** The dimensions a group fixes. */
export function groupDims(g: RegimeGroup): RegimeDim[] {
  return ORDER.filter((d) => g[d] !== undefined);
}

/** Does a regime fall inside a group? */
export function inGroup(r: Regime, g: RegimeGroup): boolean {
  return ORDER.every((d) => g[d] === undefined || g[d] === r[d]);
}
