/**
 * When nothing is feasible: the nearest misses, and what to relax.
 *  - One constraint at a time: among candidates that miss only constraint k, the one needing the least relaxation
 *    of k says "loosen k to this value" (verified through estimateConfig, since the search's p95 figures for
 *    candidates that already missed at mean lengths are lower bounds).
 *  - Choices: the search is rerun with one restricted list widened (GPUs, precisions, engines, providers, pricing
 *    term), without a stated batch limit, or with no headroom / redundancy; if that finds a feasible option, it is
 *    named with its cost.
 *  - Nearest misses: the candidates whose misses are smallest, measured as Σ over missed constraints of
 *    ln(value ÷ limit) (so 10 % over two targets ≈ 20 % over one).
 */
import { GPUS } from "../catalog";
import { ms, usd } from "./words";
import type { PlanInput } from "../plan/schema";
import { ENGINE_IDS, KV_PRECISIONS, WEIGHT_PRECISIONS } from "../plan/estimate-input";
import { ENGINE_NAMES } from "./labels";
import { profileFor } from "../model/engines";
import { exactFigures, recId, recLabel } from "./materialise";
import { runSearch, type Rec } from "./search";
import { sizeCandidate, V_BUDGET_MONTH, V_BUDGET_MTOK, V_E2E, V_TPOT, V_TTFT50, V_TTFT95, type ServiceFigures, type Sized } from "./sizing";
import { buildSpec, modelOf, type SearchSpec } from "./spec";
import type { Candidate, RelaxAdvice } from "./types";

type SloKind = "tpot" | "ttft-p50" | "ttft-p95" | "e2e" | "budget-month" | "budget-mtok";

const KINDS: readonly { kind: SloKind; bit: number; value: (r: Rec) => number; limit: (s: SearchSpec) => number; words: (need: number, limit: number) => string }[] = [
  { kind: "tpot", bit: V_TPOT, value: (r) => r.tpot95, limit: (s) => s.slo.tpot95, words: (n, l) => `Loosen TPOT p95 from ${ms(l)} to ${ms(n)} (about ${Math.floor(1000 / n)} tokens/s per user)` },
  { kind: "ttft-p50", bit: V_TTFT50, value: (r) => r.ttft50, limit: (s) => s.slo.ttft50, words: (n, l) => `Loosen TTFT p50 from ${ms(l)} to ${ms(n)}` },
  { kind: "ttft-p95", bit: V_TTFT95, value: (r) => r.ttft95, limit: (s) => s.slo.ttft95, words: (n, l) => `Loosen TTFT p95 from ${ms(l)} to ${ms(n)}` },
  { kind: "e2e", bit: V_E2E, value: (r) => r.e2e95, limit: (s) => s.slo.e2e95, words: (n, l) => `Loosen end-to-end p95 from ${ms(l)} to ${ms(n)}` },
  { kind: "budget-month", bit: V_BUDGET_MONTH, value: (r) => r.costMonth, limit: (s) => s.budgetMonth, words: (n, l) => `Raise the budget from ${usd(l)}/month to ${usd(n)}/month` },
  { kind: "budget-mtok", bit: V_BUDGET_MTOK, value: (r) => r.costMtok, limit: (s) => s.budgetMtok, words: (n, l) => `Raise the ceiling from ${usd(l)}/M tokens to ${usd(n)}/M tokens` },
];

function exactMask(rec: Rec, spec: SearchSpec): { mask: number; value: (k: SloKind) => number } {
  const { f, z } = exactFigures(rec, spec, false);
  const vals: Record<SloKind, number> = {
    tpot: f.tpot95, "ttft-p50": z.ttft50, "ttft-p95": z.ttft95, e2e: z.e2e95, "budget-month": z.costMonth, "budget-mtok": z.costMtok,
  };
  return { mask: z.violations, value: (k) => vals[k] };
}

/** Among options needing at most this much more than the least relaxation, the cheapest is proposed. */
const RELAX_SLACK = 1.2;

/**
 * "Loosen X to Y" for each constraint that, alone, stands between some candidate and feasibility: the cheapest
 * candidate whose need is within 20 % of the smallest need (the very smallest is often absurdly expensive).
 */
export function sloRelaxations(records: readonly Rec[], spec: SearchSpec): RelaxAdvice[] {
  const out: RelaxAdvice[] = [];
  for (const k of KINDS) {
    const only = records.filter((r) => r.violations === k.bit);
    if (only.length === 0) continue;
    // a loop, not Math.min(...): a wide search misses on hundreds of thousands of records, past the spread's stack limit
    let least = Infinity;
    for (const r of only) least = Math.min(least, k.value(r));
    const near = only.filter((r) => k.value(r) <= least * RELAX_SLACK).sort((a, b) => a.costMonth - b.costMonth || k.value(a) - k.value(b));
    for (const rec of near.slice(0, 8)) {
      const ex = exactMask(rec, spec);
      if ((ex.mask & ~k.bit) !== 0) continue;
      const need = ex.value(k.kind);
      out.push({
        kind: k.kind,
        words: `${k.words(need, k.limit(spec))}: ${recLabel(rec, rec.replicasTraffic + spec.redundancy)} would then meet every other target at ${usd(rec.costMonth)}/month.`,
        needed: need,
        optionId: recId(rec),
        costUsdPerMonth: rec.costMonth,
      });
      break;
    }
  }
  return out;
}

/** A trial wants only the cheapest option that meets every target. */
const CHEAPEST = { cheapestFeasibleOnly: true } as const;

function cheapestFeasible(records: readonly Rec[]): Rec | null {
  let best: Rec | null = null;
  for (const r of records) if (r.violations === 0 && (best === null || r.costMonth < best.costMonth)) best = r;
  return best;
}

/**
 * The cheapest record that meets every target once re-sized under another spec whose service figures are the same
 * (only headroom or redundancy differ). Exactly what a rerun of the search would find: the search drops only shapes
 * and concurrencies that miss for reasons sizing does not touch (memory, KV capacity, a latency the service figures
 * alone miss), so re-sizing its records covers every record a rerun would keep.
 */
function cheapestResized(records: readonly Rec[], spec: SearchSpec): Rec | null {
  const f: ServiceFigures = { c: 1, x: 1, ttftSvc50: 0, ttftSvc95: 0, tpot50: 0, tpot95: 0, gpus: 1, price: 0 };
  const z = {} as Sized;
  let best: Rec | null = null;
  for (const r of records) {
    f.c = r.c;
    f.x = r.x;
    f.ttftSvc50 = r.ttftSvc50;
    f.ttftSvc95 = r.ttftSvc95;
    f.tpot50 = r.tpot50;
    f.tpot95 = r.tpot95;
    f.gpus = r.shape.layout.gpus;
    f.price = r.shape.price.perGpuHour;
    sizeCandidate(spec, f, z);
    if (z.violations === 0 && (best === null || z.costMonth < best.costMonth)) best = { ...r, ...z };
  }
  return best;
}

type Widened = "gpus" | "weights" | "kvs" | "engines" | "drafts";

/**
 * The widened spec with the widened list cut to the values the stated spec lacks. Every other record of the widened
 * search is a record of the stated one (the same shape under the same targets and traffic), so when none of those is
 * feasible the cheapest feasible record of this search is that of the whole widened one, ties included (the search
 * keeps its order within the list).
 */
function onlyAdded(wide: SearchSpec, stated: SearchSpec, key: Widened): SearchSpec {
  switch (key) {
    case "gpus": {
      const had = new Set(stated.gpus.map((g) => g.id));
      return { ...wide, gpus: wide.gpus.filter((g) => !had.has(g.id)) };
    }
    case "weights":
      return { ...wide, weights: wide.weights.filter((v) => !stated.weights.includes(v)) };
    case "kvs":
      return { ...wide, kvs: wide.kvs.filter((v) => !stated.kvs.includes(v)) };
    case "engines":
      return { ...wide, engines: wide.engines.filter((v) => !stated.engines.includes(v)) };
    case "drafts":
      return { ...wide, drafts: wide.drafts.filter((v) => !stated.drafts.includes(v)) };
  }
}

/**
 * Rerun the search with one restricted choice widened; advice for each that yields a feasible option. `searched`,
 * the plan's own search records, lets the trials that change only sizing (headroom, redundancy) re-size them instead
 * of estimating every shape again, and, when none of them is feasible, a widened list search only what it adds.
 */
export function choiceRelaxations(input: PlanInput, searched?: readonly Rec[], shouldStop?: () => boolean): RelaxAdvice[] {
  const b = input.budget;
  const trials: { kind: RelaxAdvice["kind"]; budget: PlanInput["budget"]; widens?: Widened; words: (r: Rec) => string }[] = [];
  if (b.gpus.length > 0 && b.gpus.length < GPUS.length) {
    trials.push({ kind: "gpus", budget: { ...b, gpus: [] }, widens: "gpus", words: (r) => `Allow ${r.shape.gpu.name}` });
  }
  if (b.precisions.length < WEIGHT_PRECISIONS.length) {
    trials.push({ kind: "precisions", budget: { ...b, precisions: [...WEIGHT_PRECISIONS] }, widens: "weights", words: (r) => `Allow ${r.shape.weights.toUpperCase()} weights` });
  }
  if (b.kvPrecisions.length < KV_PRECISIONS.length) {
    trials.push({ kind: "precisions", budget: { ...b, kvPrecisions: [...KV_PRECISIONS] }, widens: "kvs", words: (r) => `Allow an ${r.shape.kv.toUpperCase()} KV cache` });
  }
  if (b.engines.length < ENGINE_IDS.length) {
    trials.push({ kind: "engines", budget: { ...b, engines: [...ENGINE_IDS] }, widens: "engines", words: (r) => `Allow ${ENGINE_NAMES[r.shape.engine]}` });
  }
  if (!(b.speculative ?? []).includes("mtp") && modelOf(input).mtp?.acceptance) {
    trials.push({
      kind: "speculative",
      budget: { ...b, speculative: ["mtp"] },
      widens: "drafts",
      words: (r) => `Allow speculative decoding (MTP, ${r.shape.drafts} draft${r.shape.drafts === 1 ? "" : "s"} per step)`,
    });
  }
  if (b.providers.length > 0) {
    trials.push({ kind: "providers", budget: { ...b, providers: [] }, words: (r) => `Allow any provider (${r.shape.price.provider})` });
  }
  if (b.pricingTerm !== "on-demand") {
    trials.push({ kind: "pricing-term", budget: { ...b, pricingTerm: "on-demand" }, words: () => "Price on-demand instead" });
  }
  if (b.headroomPct > 0) {
    trials.push({ kind: "headroom", budget: { ...b, headroomPct: 0 }, words: () => `Drop the ${b.headroomPct}% headroom` });
  }
  if (b.maxBatch !== undefined) {
    const { maxBatch, ...defaults } = b;
    trials.push({ kind: "batch-limit", budget: defaults, words: () => `Let the engines batch more than your ${maxBatch} requests per rank (their defaults)` });
  }
  if (b.redundancy === "n+1") {
    trials.push({ kind: "redundancy", budget: { ...b, redundancy: "none" }, words: () => "Drop the N+1 spare replica" });
  }
  const out: RelaxAdvice[] = [];
  // With nothing feasible as stated, a widened list can only win with a value it adds: search just those.
  const stated = searched && cheapestFeasible(searched) === null ? buildSpec(input) : null;
  for (const t of trials) {
    const spec = buildSpec({ ...input, budget: t.budget });
    const sizingOnly = t.kind === "headroom" || t.kind === "redundancy";
    const best = searched && sizingOnly
      ? cheapestResized(searched, spec)
      : cheapestFeasible(runSearch(stated && t.widens ? onlyAdded(spec, stated, t.widens) : spec, { ...CHEAPEST, shouldStop }).records);
    if (!best) continue;
    out.push({
      kind: t.kind,
      words: `${t.words(best)}: ${recLabel(best, best.replicasTraffic + spec.redundancy)} meets every target at ${usd(best.costMonth)}/month.`,
      costUsdPerMonth: best.costMonth,
    });
  }
  return out;
}

/** How finely the serving-stack latency advice is searched (ms). */
const OVERHEAD_STEP_MS = 1;
/** The least a served stack adds to a first token (ms): advice that needs less is no advice. */
const MIN_STACK_MS = 5;

/**
 * When the plan states no serving-stack latency, each engine's calibrated t_0 (what the calibration runs' benchmark
 * stacks added: tens to ~160 ms) is part of every first token. If a stack that adds less would make an option meet
 * every target, say up to how much it may add and which option that unlocks: the cheapest option at 0 ms sets the
 * price, and the latency is the most (bisection on budget.requestOverheadMs, whole milliseconds) at which an option
 * within 20 % of that price still meets every target — a larger latency met only by buying many more replicas to
 * drain the queue is not advice. Nothing when a stated latency is already given, or when even 0 ms is not enough.
 */
export function overheadRelaxation(input: PlanInput, shouldStop?: () => boolean): RelaxAdvice | null {
  if (input.budget.requestOverheadMs !== undefined) return null;
  let cap = Infinity;
  const feasibleAt = (ms: number) => {
    const spec = buildSpec({ ...input, budget: { ...input.budget, requestOverheadMs: ms } });
    const best = cheapestFeasible(runSearch(spec, { ...CHEAPEST, shouldStop }).records);
    return { spec, best: best && best.costMonth <= cap ? best : null };
  };
  let ok = feasibleAt(0);
  if (!ok.best) return null;
  cap = ok.best.costMonth * RELAX_SLACK;
  // the most any engine's calibrated t_0 adds bounds the search: above it the stated latency would only add
  const plain = buildSpec(input);
  let lo = 0;
  let hi = Math.ceil(Math.max(...plain.engines.flatMap((e) => plain.gpus.map((g) => profileFor(e, g).factors.ttftOverheadS))) * 1000);
  while (hi - lo > OVERHEAD_STEP_MS) {
    const mid = Math.floor((lo + hi) / 2);
    const at = feasibleAt(mid);
    if (at.best) {
      lo = mid;
      ok = at;
    } else hi = mid;
  }
  // no served stack adds less than a few milliseconds (Triton in front of TensorRT-LLM: a few ms, /validate's open loop)
  if (lo < MIN_STACK_MS) return null;
  const best = ok.best!;
  return {
    kind: "request-overhead",
    words: `State your serving stack's first-token latency: each engine's calibrated one (what the calibration runs' benchmark stacks added) is in every estimate; if yours adds at most ${ms(lo)}, ${recLabel(best, best.replicasTraffic + ok.spec.redundancy)} meets every target at ${usd(best.costMonth)}/month.`,
    needed: lo,
    costUsdPerMonth: best.costMonth,
  };
}

/** Σ over missed constraints of ln(value ÷ limit). */
export function missScore(r: Rec, spec: SearchSpec): number {
  let s = 0;
  for (const k of KINDS) {
    if (r.violations & k.bit) s += Math.log(k.value(r) / k.limit(spec));
  }
  return s;
}

/** The closest misses, one per deployment (GPU × layout × weight precision). */
export function nearestMisses(records: readonly Rec[], spec: SearchSpec, n: number): Rec[] {
  const scored = records
    .filter((r) => r.violations !== 0)
    .map((r) => ({ r, s: missScore(r, spec) }))
    .sort((a, b) => a.s - b.s || a.r.costMonth - b.r.costMonth);
  const seen = new Set<string>();
  const out: Rec[] = [];
  for (const { r } of scored) {
    const s = r.shape;
    const key = `${s.gpu.id}|${s.layout.tp}.${s.layout.pp}.${s.layout.dp}.${s.layout.moeEp}|${s.weights}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
    if (out.length >= n) break;
  }
  return out;
}

/** When no single change is enough: everything the nearest miss would need, in one sentence. */
export function combinedRelaxation(nearest: Candidate, spec: SearchSpec): RelaxAdvice | null {
  const parts: string[] = [];
  if (nearest.tpotP95Ms > spec.slo.tpot95) parts.push(`TPOT p95 to ${ms(nearest.tpotP95Ms)}`);
  if (nearest.ttftP50Ms > spec.slo.ttft50) parts.push(`TTFT p50 to ${ms(nearest.ttftP50Ms)}`);
  if (nearest.ttftP95Ms > spec.slo.ttft95) parts.push(`TTFT p95 to ${ms(nearest.ttftP95Ms)}`);
  if (nearest.e2eP95Ms > spec.slo.e2e95) parts.push(`end-to-end p95 to ${ms(nearest.e2eP95Ms)}`);
  const slo = parts.length ? `loosen ${parts.join(", ")}` : "";
  const money: string[] = [];
  if (nearest.costUsdPerMonth > spec.budgetMonth) money.push(`raise the budget to ${usd(nearest.costUsdPerMonth)}/month`);
  if (nearest.costUsdPerMillionTokens > spec.budgetMtok) money.push(`raise the ceiling to ${usd(nearest.costUsdPerMillionTokens)}/M tokens`);
  const all = [slo, ...money].filter((x) => x !== "");
  if (all.length === 0) return null;
  const sentence = all.join(" and ");
  return {
    kind: "combined",
    words: `No single change is enough. The nearest option, ${nearest.replicas.toLocaleString("en-US")} × ${nearest.gpusPerReplica}× ${nearest.gpuName} (${nearest.weights.toUpperCase()}), works if you ${sentence}.`,
    optionId: nearest.id,
    costUsdPerMonth: nearest.costUsdPerMonth,
  };
}
