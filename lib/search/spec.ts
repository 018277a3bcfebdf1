/**
 * The search specification: a validated PlanInput turned into the numbers the hot loop compares against.
 * Prefix caching: a shared system prompt of P tokens that the cache already holds with probability h is not
 * prefilled again, so the prompt a request pays for is ISL − h·P (mean and p95). Its KV blocks are shared by all
 * requests in the cache, so the per-request KV is taken at the same effective length.
 */
import { GPUS, getGpu, getModel, importHfConfig } from "../catalog";
import type { EngineId, GpuSpec, KvPrecision, ModelArch, PricingTerm, WeightPrecision } from "../catalog/types";
import type { PlanInput } from "../plan/schema";
import { lengthScv } from "./lengths";
import { trafficSummary } from "./traffic";
import type { TrafficSummary } from "./types";

export interface SearchSpec {
  readonly model: ModelArch;
  readonly gpus: readonly GpuSpec[];
  readonly weights: readonly WeightPrecision[];
  readonly kvs: readonly KvPrecision[];
  readonly engines: readonly EngineId[];
  /** MTP draft tokens per iteration to try (0: none); more than [0] only for a model with published acceptance rates. */
  readonly drafts: readonly number[];
  /** The serving stack's fixed first-token latency (ms) the plan states, for every engine; null: each engine's calibrated t_0. */
  readonly requestOverheadMs: number | null;
  /** The batch limit per attention-DP rank (requests) the plan states, for every engine; null: each engine's default. */
  readonly maxBatch: number | null;
  readonly term: PricingTerm;
  readonly providers: readonly string[];
  /** Effective prompt (after prefix-cache hits) and output tokens, mean and p95. */
  readonly isl: number;
  readonly osl: number;
  readonly isl95: number;
  readonly osl95: number;
  /** Raw prompt lengths (for the context-window check). */
  readonly rawIsl95: number;
  /** Squared coefficient of variation of output length (drives the service-time variability). */
  readonly scvOutput: number;
  readonly traffic: TrafficSummary;
  readonly peak: number;
  /** Capacity multiplier over peak: 1 + headroom. */
  readonly headroomFactor: number;
  readonly redundancy: number;
  readonly slo: {
    readonly ttft50: number;
    readonly ttft95: number;
    /** Tightest of tpotP95Ms and 1000 / minTokensPerSecondPerUser. */
    readonly tpot95: number;
    readonly e2e95: number;
  };
  readonly budgetMonth: number;
  readonly budgetMtok: number;
  readonly tokensPerMonth: number;
  readonly dailyActiveUsers: number | null;
}

/** The model a plan input names (catalog id or pasted config). The schema has already validated it. */
export function modelOf(input: PlanInput): ModelArch {
  const w = input.workload;
  if (w.model !== undefined) {
    const m = getModel(w.model);
    if (!m) throw new Error(`unknown model ${w.model}`);
    return m;
  }
  return importHfConfig(w.hfConfigJson, { id: "pasted-config", name: "Pasted config.json" });
}

export function buildSpec(input: PlanInput): SearchSpec {
  const w = input.workload;
  const b = input.budget;
  const s = input.slo;
  const model = modelOf(input);
  const gpus = b.gpus.length === 0 ? GPUS : b.gpus.map((id) => getGpu(id)).filter((g): g is GpuSpec => g !== undefined);
  const cached = w.systemPromptTokens * w.prefixCacheHitRate;
  const rawIsl95 = w.inputTokensP95 ?? w.inputTokens;
  const osl95 = w.outputTokensP95 ?? w.outputTokens;
  const traffic = trafficSummary(input);
  const tpotFromTps = s.minTokensPerSecondPerUser !== undefined ? 1000 / s.minTokensPerSecondPerUser : Infinity;
  return {
    model,
    gpus,
    weights: dedupe(b.precisions),
    kvs: dedupe(b.kvPrecisions),
    engines: dedupe(b.engines),
    drafts: (b.speculative ?? []).includes("mtp") && model.mtp?.acceptance ? PLANNER_DRAFTS : [0],
    requestOverheadMs: b.requestOverheadMs ?? null,
    maxBatch: b.maxBatch ?? null,
    term: b.pricingTerm,
    providers: b.providers,
    isl: Math.max(1, Math.round(w.inputTokens - cached)),
    osl: w.outputTokens,
    isl95: Math.max(1, Math.round(rawIsl95 - cached)),
    osl95,
    rawIsl95,
    scvOutput: lengthScv(w.outputTokens, w.outputTokensP95),
    traffic,
    peak: traffic.peakRequestsPerSecond,
    headroomFactor: 1 + b.headroomPct / 100,
    redundancy: b.redundancy === "n+1" ? 1 : 0,
    slo: {
      ttft50: s.ttftP50Ms ?? Infinity,
      ttft95: s.ttftP95Ms ?? Infinity,
      tpot95: Math.min(s.tpotP95Ms ?? Infinity, tpotFromTps),
      e2e95: s.e2eP95Ms ?? Infinity,
    },
    budgetMonth: b.maxUsdPerMonth ?? Infinity,
    budgetMtok: b.maxUsdPerMillionTokens ?? Infinity,
    tokensPerMonth: traffic.inputTokensPerMonth + traffic.outputTokensPerMonth,
    dailyActiveUsers: traffic.dailyActiveUsers,
  };
}

/** Draft tokens a plan tries when MTP is allowed: none, one (cheap at large batches), three (the usual recipe). */
export const PLANNER_DRAFTS: readonly number[] = [0, 1, 3];

function dedupe<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
