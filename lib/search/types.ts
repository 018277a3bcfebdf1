/**
 * What the planner search returns. `PlanResult` is THE result shape: the page, `POST /api/plan`, the CLI (--json)
 * and saved plans all carry it. Changes are additive (new fields optional).
 *
 * Units: times in milliseconds (names say Ms), money in USD, rates per second; everything else SI.
 */
import type { Confidence, EngineId, KvPrecision, PricingTerm, WeightPrecision } from "../catalog/types";
import type { Derivation } from "../model/derivation";
import type { BindingResource } from "../model/estimate-types";

/** Why candidates were rejected. Order = the order the search checks them. */
export type RejectionReason =
  | "engine-gpu"
  | "no-price"
  | "layout"
  | "context"
  | "memory"
  | "kv-capacity"
  | "tpot"
  | "ttft-p50"
  | "ttft-p95"
  | "e2e"
  | "budget-month"
  | "budget-mtok";

/** Rejected candidates counted by reason, with the count in a plain sentence ("312 did not fit in memory"). */
export interface Rejection {
  readonly reason: RejectionReason;
  readonly count: number;
  /** e.g. "312 did not fit in memory". */
  readonly message: string;
  /** One concrete example in plain words, e.g. "Llama 3.1 70B at bf16 on 1× L4: needs 141 GB, has 24 GB". */
  readonly example?: string;
}

/** What set the size or limited the option, in plain words. */
export interface BindingConstraint {
  /** What bounds one decode step (from the estimate). */
  readonly resource: BindingResource;
  /** What decided the replica count. */
  readonly replicasSetBy: "traffic" | "ttft-p50" | "ttft-p95" | "e2e" | "minimum";
  /** A sentence, e.g. "Memory bandwidth bounds each decode step; the replica count is set by TTFT p95 (queueing)." */
  readonly words: string;
}

export interface PriceRef {
  readonly perGpuHour: number;
  readonly provider: string;
  readonly instance: string;
  readonly term: PricingTerm;
  readonly dateSeen: string;
  readonly source: string;
  readonly confidence: Confidence;
}

/** One deployment the search evaluated: a replica layout × precision × engine × concurrency, and how many replicas. */
export interface Candidate {
  /** Stable key: "gpu|tp.pp.dp.ep|weights/kv|engine|concurrency". */
  readonly id: string;
  readonly rank: number | null;
  readonly gpuId: string;
  readonly gpuName: string;
  readonly gpusPerReplica: number;
  readonly tp: number;
  readonly pp: number;
  readonly dp: number;
  readonly moeEp: number;
  readonly weights: WeightPrecision;
  readonly kv: KvPrecision;
  readonly engine: EngineId;
  /** MTP draft tokens per iteration (speculative decoding with the model's MTP module; 0: none). */
  readonly mtpDraftTokens: number;
  /** Maximum requests in flight per replica (the engine's max_num_seqs / batch cap). */
  readonly concurrency: number;
  /** KV capacity of one replica, requests of p95 length. */
  readonly maxConcurrency: number;
  /** Replicas serving the peak (with headroom and queueing) + redundancy. */
  readonly replicas: number;
  readonly replicasForTraffic: number;
  readonly redundancyReplicas: number;
  readonly totalGpus: number;

  readonly ttftP50Ms: number;
  readonly ttftP95Ms: number;
  readonly tpotP50Ms: number;
  readonly tpotP95Ms: number;
  readonly e2eP95Ms: number;
  /** Queueing wait (before a slot frees) at the 50th and 95th percentile, at peak. */
  readonly waitP50Ms: number;
  readonly waitP95Ms: number;
  /** Probability an arriving request waits for a slot (Erlang C, M/G/c). */
  readonly probabilityOfWait: number;

  /** Requests/s one replica completes with all slots busy. */
  readonly requestsPerSecondPerReplica: number;
  readonly outputTokensPerSecondPerReplica: number;
  readonly outputTokensPerSecondPerGpu: number;
  readonly tokensPerSecondPerUser: number;
  /** Share of the slots busy at peak (offered load ÷ slots). */
  readonly utilisation: number;
  /** Spare capacity at peak, % of peak (capacity ÷ peak − 1). */
  readonly headroomPct: number;

  readonly price: PriceRef;
  readonly costUsdPerHour: number;
  readonly costUsdPerMonth: number;
  /** At the month's average traffic (what a bill divided by tokens gives). */
  readonly costUsdPerMillionInputTokens: number;
  readonly costUsdPerMillionOutputTokens: number;
  readonly costUsdPerMillionTokens: number;
  /** Null when traffic was given as peak requests/s (no user count). */
  readonly costUsdPerUserPerMonth: number | null;
  readonly costUsdPer1kRequests: number;

  readonly feasible: boolean;
  /** Constraints it misses, in plain words (empty when feasible). */
  readonly violations: readonly string[];
  readonly binding: BindingConstraint;
  /** Precision quality note ("FP8: close to lossless …"). */
  readonly qualityNote: string;
  /** Remarks from the estimate (weight-only dequantisation, inter-node collectives …). */
  readonly notes: readonly string[];
  /** Formula + substituted values for every figure; present on the options the result shows. */
  readonly derivations?: readonly Derivation[];
  /** How far to trust the latencies: the measured errors of this configuration's regime (attached at the edge). */
  readonly confidence?: CandidateConfidence;
}

/** Same shape as lib/validation's ConfidenceAnswer (kept structural so lib/search does not depend on it). */
export interface CandidateConfidence {
  readonly level: Confidence;
  readonly tpotMdape: number | null;
  readonly ttftMdape: number | null;
  readonly heldOutTpotMdape?: number | null;
  readonly heldOutTtftMdape?: number | null;
  readonly publishedThroughputMdape?: number | null;
  readonly publishedRows?: number;
  readonly rows: number;
  readonly regime: { readonly id: string; readonly label: string; readonly href: string };
  readonly reasons: readonly string[];
  readonly heldBy?: readonly string[];
}

/** A point of a chart: a candidate's id and its two coordinates. */
export interface ChartPoint {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly feasible: boolean;
  /** Short configuration label for the tooltip, e.g. "4× H100 SXM · TP4 · fp8 · vLLM · C=64 · ×3". */
  readonly label: string;
}

export interface ParetoFront {
  readonly xLabel: string;
  readonly xUnit: string;
  readonly yLabel: string;
  readonly yUnit: string;
  /** Direction that is better on each axis. */
  readonly better: { readonly x: "lower" | "higher"; readonly y: "lower" | "higher" };
  /** The front, sorted by x. */
  readonly front: readonly ChartPoint[];
  /** A sample of the other points (at most a few hundred) for context. */
  readonly others: readonly ChartPoint[];
}

export interface RelaxAdvice {
  readonly kind:
    | "ttft-p50" | "ttft-p95" | "tpot" | "e2e" | "budget-month" | "budget-mtok"
    | "gpus" | "precisions" | "engines" | "speculative" | "providers" | "pricing-term" | "headroom" | "redundancy"
    /** The largest serving-stack latency (budget.requestOverheadMs) at which an option meets every target. */
    | "request-overhead"
    /** The plan's stated batch limit (budget.maxBatch) dropped for the engines' defaults. */
    | "batch-limit"
    /** Several at once (the nearest miss's needs), when no single change is enough. */
    | "combined";
  /** e.g. "Loosen TTFT p95 from 200 ms to 340 ms". */
  readonly words: string;
  /** The value that would make an option feasible (ms, USD …), when numeric. */
  readonly needed?: number;
  /** The cheapest option it would unlock. */
  readonly optionId?: string;
  readonly costUsdPerMonth?: number;
}

export interface ApiComparisonRow {
  readonly provider: string;
  readonly model: string;
  readonly usdPerMillionInput: number | null;
  readonly usdPerMillionOutput: number;
  /** The same monthly traffic at this list price. */
  readonly costUsdPerMonth: number;
  readonly dateSeen: string;
  readonly source: string;
}

export interface ApiComparison {
  /** List prices for this model (exact model family matches only); empty when none is published. */
  readonly rows: readonly ApiComparisonRow[];
  readonly selfHostUsdPerMonth: number | null;
  /** Monthly requests at which the cheapest API's bill equals the chosen deployment's (at its current size). */
  readonly breakEvenRequestsPerMonth: number | null;
  /** Monthly requests at which the API bill equals the smallest deployment (one replica + redundancy). */
  readonly breakEvenMinDeploymentRequestsPerMonth: number | null;
  readonly words: string;
  readonly derivations: readonly Derivation[];
}

export interface TrafficSummary {
  readonly peakRequestsPerSecond: number;
  readonly averageRequestsPerSecond: number;
  readonly requestsPerMonth: number;
  readonly inputTokensPerMonth: number;
  readonly outputTokensPerMonth: number;
  readonly dailyActiveUsers: number | null;
  readonly derivations: readonly Derivation[];
}

export interface GrowthRow {
  readonly month: number;
  readonly peakRequestsPerSecond: number;
  readonly replicas: number;
  readonly costUsdPerMonth: number;
}

export interface SearchStats {
  /** Every combination enumerated (pruned or estimated). */
  readonly candidates: number;
  /** Calls to estimateConfig. */
  readonly estimated: number;
  /** Rejected before any estimate (engine, price, layout, memory, KV capacity inferred). */
  readonly pruned: number;
  readonly feasible: number;
  /** Wall time of the search, ms (varies between runs; not part of the answer). */
  readonly searchMs: number;
}

export interface PlanResult {
  readonly schemaVersion: number;
  readonly catalogVersion: string;
  readonly model: { readonly id: string; readonly name: string; readonly moe: boolean };
  readonly traffic: TrafficSummary;
  /** Which queueing model turned per-replica service times into percentile latencies under random arrivals. */
  readonly queueing: { readonly model: string; readonly description: string };
  readonly stats: SearchStats;
  readonly rejections: readonly Rejection[];
  /** Ranked: cheapest meeting every SLO and budget first, then better p95 TTFT, then TPOT. One per deployment shape. */
  readonly options: readonly Candidate[];
  /**
   * Points of the cost–latency front that are not among the options (without derivations; explainCandidate gives
   * any candidate in full, by id), so a chart click can select them at once.
   */
  readonly alternatives: readonly Candidate[];
  readonly best: Candidate | null;
  readonly feasible: boolean;
  readonly pareto: { readonly costLatency: ParetoFront; readonly throughputInteractivity: ParetoFront };
  /** When nothing is feasible: the closest misses and what to relax. Empty otherwise. */
  readonly nearMisses: readonly Candidate[];
  readonly relax: readonly RelaxAdvice[];
  readonly api: ApiComparison;
  /** 12-month projection of the best (or nearest) option under monthlyGrowthPct. */
  readonly growth: readonly GrowthRow[];
  /** Modelling assumptions in plain words. */
  readonly assumptions: readonly string[];
  /** Headline in one sentence (what a saved plan's list shows). */
  readonly summary: string;
}
