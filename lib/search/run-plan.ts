/**
 * runPlan: a validated PlanInput → the PlanResult every surface shows (page, API, CLI, saved plans).
 * Stages: spec → search (enumerate, prune, estimate, size, check) → rank → Pareto fronts → materialise the shown
 * options with derivations → (if nothing is feasible) nearest misses and what to relax → API comparison → growth.
 */
import { CATALOG_VERSION } from "../catalog";
import { HOURS_PER_MONTH } from "../model/units";
import { profileFor } from "../model/engines";
import { sig } from "../model/explain-format";
import { ms, usd } from "./words";
import { PLAN_SCHEMA_VERSION, type PlanInput } from "../plan/schema";
import { compareWithApi } from "./api-compare";
import { layoutLabel } from "./enumerate";
import { ENGINE_NAMES } from "./labels";
import { materialise, exactFigures, recId, recLabel } from "./materialise";
import { paretoIndicesXY } from "./pareto";
import { choiceRelaxations, combinedRelaxation, nearestMisses, overheadRelaxation, sloRelaxations } from "./relax";
import { everyConcurrency, runSearch, type Rec, type RejectionExample, type Resume, type SearchOutput } from "./search";
import { sizeCandidate, V_E2E, V_TTFT50, V_TTFT95, type Sized } from "./sizing";
import { buildSpec, type SearchSpec } from "./spec";
import type { Candidate, ChartPoint, GrowthRow, ParetoFront, PlanResult, Rejection, RejectionReason } from "./types";

export interface RunPlanOptions {
  /** Ranked options to return (one per deployment shape). */
  readonly optionsLimit?: number;
  readonly nearMissesLimit?: number;
  /** Non-front points per chart. */
  readonly chartSample?: number;
  /** Rerun the search with widened choices when nothing is feasible. */
  readonly relax?: boolean;
  /** Asked during the searches: true stops the plan with SearchStopped (lib/search/search.ts). */
  readonly shouldStop?: () => boolean;
}

export const QUEUEING_MODEL = {
  model: "M/G/c queue per replica: Erlang C with the Allen–Cunneen correction",
  description:
    "Requests arrive at random (Poisson) and each holds one of the replica's C slots for its whole life. Erlang C gives the chance a request finds every slot busy; the wait then is exponential with mean (1 + c_s²)/2 · E[S]/(C − a), where c_s² is the spread of service times from the output-length spread. p95 TTFT = TTFT of a full batch of p95-length requests + the p95 wait.",
} as const;

const ORDER: readonly RejectionReason[] = [
  "engine-gpu", "no-price", "layout", "context", "memory", "kv-capacity", "tpot", "ttft-p50", "ttft-p95", "e2e", "budget-month", "budget-mtok",
];

function phrase(reason: RejectionReason, spec: SearchSpec): string {
  switch (reason) {
    case "engine-gpu": return "paired an engine with a GPU it does not run on";
    case "no-price": return `had no ${spec.term} price for their GPU${spec.providers.length ? " from the allowed providers" : ""}`;
    case "layout": return "were layouts the model cannot be split into";
    case "context": return "exceeded the model's context window";
    case "memory": return "did not fit in memory";
    case "kv-capacity": return "asked for more requests at once than the KV cache holds or the engine's batch limit allows";
    case "tpot": return "missed TPOT p95";
    case "ttft-p50": return "missed TTFT p50";
    case "ttft-p95": return "missed TTFT p95";
    case "e2e": return "missed end-to-end p95";
    case "budget-month": return "were over the monthly budget";
    case "budget-mtok": return "were over the $/M-token ceiling";
  }
}

function exampleWords(e: RejectionExample): string {
  const parts = [e.gpu.name];
  if (e.layout) parts.push(layoutLabel(e.layout));
  if (e.weights) parts.push(`${e.weights.toUpperCase()}${e.kv ? ` (KV ${e.kv.toUpperCase()})` : ""}`);
  if (e.c !== undefined) parts.push(`C=${e.c}`);
  return `${parts.join(" · ")}: ${e.detail}`;
}

export function rejectionsOf(out: SearchOutput, spec: SearchSpec): Rejection[] {
  const list: Rejection[] = [];
  for (const reason of ORDER) {
    const count = out.counts.get(reason) ?? 0;
    if (count === 0) continue;
    const ex = out.examples.get(reason);
    list.push({
      reason,
      count,
      message: `${count.toLocaleString("en-US")} ${phrase(reason, spec)}`,
      ...(ex ? { example: exampleWords(ex) } : {}),
    });
  }
  return list;
}

/**
 * Ranking: cheapest first, then lower TTFT p95, then lower TPOT p95; remaining ties keep enumeration order (the
 * sort is stable), so the order is deterministic.
 */
export function compareRecs(a: Rec, b: Rec): number {
  return a.costMonth - b.costMonth || a.ttft95 - b.ttft95 || a.tpot95 - b.tpot95;
}

/** GPU × layout × weight precision: options that differ only in KV precision, engine or concurrency count once. */
export function deploymentKey(r: Pick<Rec, "shape">): string {
  const s = r.shape;
  const l = s.layout;
  return `${s.gpu.id}|${l.tp}.${l.pp}.${l.dp}.${l.moeEp}|${s.weights}`;
}

/** Feasible records, ranked, one per deployment (its best KV precision, engine and concurrency). */
export function rankFeasible(records: readonly Rec[]): Rec[] {
  // The best record of each deployment (the first in ranked order: ties keep the earlier record), then those ranked:
  // the same list as ranking every feasible record and keeping each deployment's first, without sorting them all.
  const best = new Map<string, { r: Rec; i: number }>();
  records.forEach((r, i) => {
    if (r.violations !== 0) return;
    const k = deploymentKey(r);
    const b = best.get(k);
    if (b === undefined || compareRecs(r, b.r) < 0) best.set(k, { r, i });
  });
  return [...best.values()].sort((a, b) => compareRecs(a.r, b.r) || a.i - b.i).map((b) => b.r);
}

function sample<T>(xs: readonly T[], n: number): T[] {
  if (xs.length <= n) return [...xs];
  const out: T[] = [];
  const step = xs.length / n;
  for (let i = 0; i < n; i++) out.push(xs[Math.floor(i * step)]!);
  return out;
}

function front(
  recs: readonly Rec[],
  spec: SearchSpec,
  x: (r: Rec) => number,
  y: (r: Rec) => number,
  lowerX: boolean,
  lowerY: boolean,
  n: number,
  labels: Omit<ParetoFront, "front" | "others" | "better">,
): { chart: ParetoFront; frontRecs: Rec[] } {
  const xs = new Float64Array(recs.length);
  const ys = new Float64Array(recs.length);
  recs.forEach((r, i) => {
    xs[i] = x(r);
    ys[i] = y(r);
  });
  const idx = paretoIndicesXY(xs, ys, lowerX, lowerY);
  const onFront = new Uint8Array(recs.length);
  for (const i of idx) onFront[i] = 1;
  const point = (i: number): ChartPoint => {
    const r = recs[i]!;
    return { id: recId(r), x: xs[i]!, y: ys[i]!, feasible: r.violations === 0, label: recLabel(r, r.replicasTraffic + spec.redundancy) };
  };
  const rest: number[] = [];
  for (let i = 0; i < recs.length; i++) if (onFront[i] === 0) rest.push(i);
  return {
    chart: {
      ...labels,
      better: { x: lowerX ? "lower" : "higher", y: lowerY ? "lower" : "higher" },
      front: idx.map(point),
      others: sample(rest, n).map(point),
    },
    frontRecs: idx.map((i) => recs[i]!),
  };
}

function growthRows(rec: Rec, spec: SearchSpec, monthlyGrowthPct: number): GrowthRow[] {
  const { f } = exactFigures(rec, spec, false);
  const rows: GrowthRow[] = [];
  const z = {} as Sized;
  for (let m = 0; m <= 12; m++) {
    const peak = spec.peak * Math.pow(1 + monthlyGrowthPct / 100, m);
    sizeCandidate({ ...spec, peak }, f, z);
    rows.push({ month: m, peakRequestsPerSecond: peak, replicas: z.replicasTraffic + spec.redundancy, costUsdPerMonth: z.costMonth });
  }
  return rows;
}

/** Which serving-stack latency t_0 every first token includes: the plan's, or each engine's calibrated one (from the profiles). */
function servingStackAssumption(spec: SearchSpec): string {
  if (spec.requestOverheadMs !== null) return `Every first token includes your serving stack's ${ms(spec.requestOverheadMs)} outside the GPU, on every engine.`;
  const per = spec.engines.map((e) => {
    const t0 = spec.gpus.map((g) => profileFor(e, g).factors.ttftOverheadS * 1000);
    const lo = Math.min(...t0);
    const hi = Math.max(...t0);
    return `${ENGINE_NAMES[e]} ${lo === hi ? ms(lo) : `${ms(lo)}–${ms(hi)}`}`;
  });
  return `Every first token includes the engine's calibrated serving-stack latency (${per.join(", ")}): what the calibration runs' benchmark stacks added outside the GPU. If your stack adds less, state it (Serving-stack latency).`;
}

/** Which batch limit caps the requests a replica runs at once: the plan's, or each engine's default (from the profiles). */
function batchLimitAssumption(spec: SearchSpec): string {
  if (spec.maxBatch !== null) {
    return `Every engine runs at most ${spec.maxBatch.toLocaleString("en-US")} requests at once per attention-DP rank (your batch limit), fewer where the KV cache holds fewer.`;
  }
  const per = spec.engines.map((e) => {
    const limits = spec.gpus.map((g) => profileFor(e, g).factors.maxBatchPerRank);
    if (limits.every((n) => !Number.isFinite(n))) return `${ENGINE_NAMES[e]} none`;
    const finite = limits.filter(Number.isFinite);
    const lo = Math.min(...finite).toLocaleString("en-US");
    const hi = Math.max(...finite).toLocaleString("en-US");
    return `${ENGINE_NAMES[e]} ${lo === hi ? lo : `${lo}–${hi} by GPU`}`;
  });
  return `A replica runs at most the requests its KV cache holds, and at most the engine's default batch limit per attention-DP rank (${per.join(", ")}). If you set another limit, state it (Batch limit).`;
}

function assumptions(spec: SearchSpec): string[] {
  const a = [
    "Latency per replica comes from the estimate for a full batch of C requests (the most the replica runs at once), so it is an upper bound at lower load.",
    "p95 TTFT and TPOT use a batch of p95-length requests (a lognormal fitted to the mean and p95 lengths); p50 figures use mean lengths.",
    `Waiting under random arrivals: ${QUEUEING_MODEL.model}. Traffic is spread evenly over replicas.`,
    `Capacity is sized for the peak rate (${sig(spec.peak)} req/s) with ${Math.round((spec.headroomFactor - 1) * 100)}% headroom${spec.redundancy ? ", plus one spare replica (N+1)" : ""}; monthly cost is for always-on replicas (730.5 h).`,
    "$/M tokens are the month's cost over the month's tokens at average traffic; the GPU time is split between input and output by the prefill share of each step.",
    spec.providers.length
      ? `GPU prices: the cheapest representative ${spec.term} row among ${spec.providers.join(", ")}.`
      : `GPU prices: the catalog's representative ${spec.term} row per GPU (median of the best-confidence rows).`,
    "Concurrencies above the first one that misses a latency target are counted as missing it too: latency grows with concurrency.",
    servingStackAssumption(spec),
    batchLimitAssumption(spec),
  ];
  if (spec.isl !== spec.traffic.inputTokensPerMonth / Math.max(1, spec.traffic.requestsPerMonth)) {
    a.push("A cached shared system prompt is not prefilled again: the prompt a request pays for is shortened by prefix-cache hit rate × system-prompt tokens.");
  }
  return a;
}

export function runPlan(input: PlanInput, opts: RunPlanOptions = {}): PlanResult {
  const now = () => globalThis.performance?.now() ?? Date.now();
  const t0 = now();
  const spec = buildSpec(input);
  const resume: Resume[] = [];
  const out = runSearch(spec, { resume, shouldStop: opts.shouldStop });
  const ranked = rankFeasible(out.records);
  const searchMs = now() - t0;
  const limit = opts.optionsLimit ?? 12;
  const options = ranked.slice(0, limit).map((r, i) => materialise(r, spec, i + 1, true));
  const best = options[0] ?? null;
  const feasibleCount = out.records.reduce((n, r) => n + (r.violations === 0 ? 1 : 0), 0);

  const costBase = feasibleCount > 0 ? out.records.filter((r) => r.violations === 0) : out.records;
  const sampleN = opts.chartSample ?? 150;
  const cl = front(costBase, spec, (r) => r.costMonth, (r) => r.ttft95, true, true, sampleN, {
    xLabel: "Cost per month", xUnit: "USD", yLabel: "TTFT p95", yUnit: "ms",
  });
  const ti = front(out.records, spec, (r) => 1000 / r.tpot50, (r) => r.outPerGpu, false, false, sampleN, {
    xLabel: "Tokens/s per user", xUnit: "tok/s", yLabel: "Output tokens/s per GPU", yUnit: "tok/s",
  });
  const shown = new Set(options.map((o) => o.id));
  const alternatives: Candidate[] = [];
  for (const r of cl.frontRecs.slice(0, 40)) {
    const id = recId(r);
    if (shown.has(id)) continue;
    shown.add(id);
    alternatives.push(materialise(r, spec, null, false));
  }

  let nearMisses: Candidate[] = [];
  let relax: PlanResult["relax"] = [];
  let missRecords: readonly Rec[] = out.records;
  let nearest: Rec | null = null;
  if (!best) {
    // Every concurrency estimated, so the misses and the advice see the whole latency-cost curve of each shape.
    missRecords = everyConcurrency(spec, out.records, resume);
    const misses = nearestMisses(missRecords, spec, opts.nearMissesLimit ?? 5);
    nearest = misses[0] ?? null;
    nearMisses = misses.map((r) => materialise(r, spec, null, true));
    // a stack that adds less than the calibrated serving-stack latency helps only a first-token or end-to-end miss
    const latencyMiss = missRecords.some((r) => (r.violations & (V_TTFT50 | V_TTFT95 | V_E2E)) !== 0);
    const overhead = opts.relax === false || !latencyMiss ? null : overheadRelaxation(input, opts.shouldStop);
    relax = [...sloRelaxations(missRecords, spec), ...(overhead ? [overhead] : []), ...(opts.relax === false ? [] : choiceRelaxations(input, out.records, opts.shouldStop))];
    const combined = nearMisses[0] ? combinedRelaxation(nearMisses[0], spec) : null;
    if (relax.length === 0 && combined) relax = [combined];
  }

  const bestRec = ranked[0];
  const minDeployment = bestRec ? (1 + spec.redundancy) * bestRec.shape.layout.gpus * bestRec.shape.price.perGpuHour * HOURS_PER_MONTH : null;
  const api = compareWithApi(spec.model.id, spec.model.name, spec.traffic, input.workload.inputTokens, input.workload.outputTokens, best?.costUsdPerMonth ?? null, minDeployment);
  const growthBase = bestRec ?? nearest ?? nearestMisses(missRecords, spec, 1)[0];
  const growth = growthBase ? growthRows(growthBase, spec, input.traffic.monthlyGrowthPct) : [];

  const summary = best
    ? `Cheapest option meeting every target: ${best.replicas.toLocaleString("en-US")} × ${best.gpusPerReplica}× ${best.gpuName} (${layoutLabel(best)}, ${best.weights.toUpperCase()}, ${ENGINE_NAMES[best.engine]}${best.mtpDraftTokens > 0 ? `, MTP ${best.mtpDraftTokens} drafts` : ""}) at ${usd(best.costUsdPerMonth)}/month; TTFT p95 ${ms(best.ttftP95Ms)}, TPOT p95 ${ms(best.tpotP95Ms)}.`
    : `No option meets every target among ${out.candidates.toLocaleString("en-US")} candidates.${relax[0] ? ` ${relax[0].words}` : ""}`;

  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    catalogVersion: CATALOG_VERSION,
    model: { id: spec.model.id, name: spec.model.name, moe: spec.model.moe !== null },
    traffic: spec.traffic,
    queueing: QUEUEING_MODEL,
    stats: { candidates: out.candidates, estimated: out.estimated, pruned: out.pruned, feasible: feasibleCount, searchMs },
    rejections: rejectionsOf(out, spec),
    options,
    alternatives,
    best,
    feasible: best !== null,
    pareto: { costLatency: cl.chart, throughputInteractivity: ti.chart },
    nearMisses,
    relax,
    api,
    growth,
    assumptions: assumptions(spec),
    summary,
  };
}
