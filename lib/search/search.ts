/**
 * The search loop: enumerate → prune → estimate → size and check. Pure; returns every estimated candidate as a
 * compact record plus rejection counts.
 *
 * Per (GPU, layout, precision, KV precision, engine) — a "shape" — one estimate at concurrency 1 and p95 lengths
 * answers whether it fits and how many p95-length requests its KV cache holds (C_max); concurrencies above C_max are
 * pruned (they would only queue for KV). Each remaining concurrency costs one estimate at mean lengths; the ones
 * whose mean-length figures already meet every latency SLO get a second estimate at p95 lengths. estimateConfig is
 * always called with explain = false here; derivations are built later for the few options shown.
 */
import type { EngineId, GpuSpec, KvPrecision, WeightPrecision } from "../catalog/types";
import { estimateConfig } from "../model/estimate";
import { HOURS_PER_MONTH } from "../model/units";
import type { BindingResource } from "../model/estimate-types";
import type { Setup } from "../model/setup";
import { fitAt, PLANNER_ARRIVALS, prepareShape, serveAt, type FastFigures } from "./fast-estimate";
import { CONCURRENCY_GRID, enumerateLayouts, type LayoutChoice } from "./enumerate";
import { priceFor } from "./pricing";
import { firstViolation, sizeCandidate, V_TPOT, V_TTFT50, V_TTFT95, V_E2E, type ServiceFigures, type SetBy, type Sized } from "./sizing";
import type { SearchSpec } from "./spec";
import type { PriceRef, RejectionReason } from "./types";

export interface Shape {
  readonly gpu: GpuSpec;
  readonly price: PriceRef;
  readonly layout: LayoutChoice;
  readonly weights: WeightPrecision;
  readonly kv: KvPrecision;
  readonly engine: EngineId;
  /** MTP draft tokens per iteration (0: no speculative decoding). */
  readonly drafts: number;
  readonly maxConcurrency: number;
}

/** One estimated candidate. Times in ms. */
export interface Rec {
  readonly shape: Shape;
  readonly c: number;
  readonly x: number;
  readonly outPerGpu: number;
  readonly ttftSvc50: number;
  readonly ttftSvc95: number;
  readonly tpot50: number;
  readonly tpot95: number;
  /** True when the p95 figures were not estimated (mean-length figures already missed an SLO): lower bounds. */
  readonly approx95: boolean;
  readonly replicasTraffic: number;
  readonly setBy: SetBy;
  readonly ttft50: number;
  readonly ttft95: number;
  readonly e2e95: number;
  readonly wait50: number;
  readonly wait95: number;
  readonly pw: number;
  readonly utilisation: number;
  readonly costHour: number;
  readonly costMonth: number;
  readonly costMtok: number;
  readonly violations: number;
  readonly binding: BindingResource;
}

export interface RejectionExample {
  readonly gpu: GpuSpec;
  readonly layout?: LayoutChoice;
  readonly weights?: WeightPrecision;
  readonly kv?: KvPrecision;
  readonly engine?: EngineId;
  readonly c?: number;
  readonly detail: string;
}

export interface SearchOutput {
  readonly records: Rec[];
  readonly counts: Map<RejectionReason, number>;
  readonly examples: Map<RejectionReason, RejectionExample>;
  readonly candidates: number;
  readonly estimated: number;
  readonly pruned: number;
  /** Of the pruned: larger concurrencies counted as missing the SLO their smaller sibling missed. */
  readonly inferred: number;
}

const GRID = CONCURRENCY_GRID;

/** Engines that run on a GPU vendor. TensorRT-LLM is NVIDIA-only. */
export function engineRunsOn(engine: EngineId, gpu: GpuSpec): boolean {
  return engine !== "trtllm" || gpu.vendor === "NVIDIA";
}

export interface SearchOptions {
  /**
   * Count concurrencies above the first that misses a latency target as missing it too, without estimating them
   * (default true). Off when the full curve matters more than speed (nearest misses of an infeasible plan).
   */
  readonly inferMonotone?: boolean;
  /**
   * Only the cheapest option meeting every target is wanted (what-to-relax trials): skip shapes that cannot beat the
   * budget or the cheapest feasible record found so far even at one replica, and keep only feasible records. The
   * cheapest feasible record is the same as a full search's (a skipped shape costs more than it at any size).
   */
  readonly cheapestFeasibleOnly?: boolean;
  /** Collects where each shape's estimates stopped early (see everyConcurrency). */
  readonly resume?: Resume[];
  /** Asked before each shape: true stops the search with SearchStopped (nobody wants its answer any more). */
  readonly shouldStop?: () => boolean;
}

/** Thrown by a search whose `shouldStop` said so: not an error in the input or the model. */
export class SearchStopped extends Error {
  constructor() {
    super("the search was stopped");
    this.name = "SearchStopped";
  }
}

export function runSearch(spec: SearchSpec, opts: SearchOptions = {}): SearchOutput {
  const inferMonotone = opts.inferMonotone ?? true;
  const cheapestOnly = opts.cheapestFeasibleOnly ?? false;
  // the least a month can cost and still meet both budgets; lowered to the cheapest feasible record as they turn up
  let costCeiling = Math.min(spec.budgetMonth, spec.tokensPerMonth > 0 ? spec.budgetMtok * (spec.tokensPerMonth / 1e6) : Infinity);
  const counts = new Map<RejectionReason, number>();
  const examples = new Map<RejectionReason, RejectionExample>();
  const reject = (reason: RejectionReason, n: number, ex: () => RejectionExample) => {
    if (n <= 0) return;
    counts.set(reason, (counts.get(reason) ?? 0) + n);
    if (!examples.has(reason)) examples.set(reason, ex());
  };
  const records: Rec[] = [];
  let candidates = 0;
  let estimated = 0;
  let pruned = 0;
  const G = GRID.length;
  const model = spec.model;
  const lengthsDiffer = spec.isl95 !== spec.isl || spec.osl95 !== spec.osl;
  const contextTooShort = spec.rawIsl95 + spec.osl95 > model.maxContext;
  const scratch = newScratch();
  let inferred = 0;

  for (const gpu of spec.gpus) {
    const { valid, invalid } = enumerateLayouts(model, gpu);
    const D = spec.drafts.length;
    const perLayout = spec.weights.length * spec.kvs.length * spec.engines.length * D * G;
    const nGpu = (valid.length + invalid.length) * perLayout;
    candidates += nGpu;
    const price = priceFor(gpu.id, spec.term, spec.providers);
    if (!price) {
      reject("no-price", nGpu, () => ({ gpu, detail: `no ${spec.term} price for ${gpu.name}${spec.providers.length ? ` from ${spec.providers.join(", ")}` : ""}` }));
      pruned += nGpu;
      continue;
    }
    for (const l of invalid) {
      reject("layout", perLayout, () => ({ gpu, layout: l.layout, detail: l.problem }));
      pruned += perLayout;
    }
    for (const engine of spec.engines) {
      const perEngine = valid.length * spec.weights.length * spec.kvs.length * D * G;
      if (!engineRunsOn(engine, gpu)) {
        reject("engine-gpu", perEngine, () => ({ gpu, engine, detail: `TensorRT-LLM runs only on NVIDIA GPUs, not on ${gpu.name}` }));
        pruned += perEngine;
        continue;
      }
      if (contextTooShort) {
        reject("context", perEngine, () => ({
          gpu, engine,
          detail: `p95 prompt + output = ${spec.rawIsl95 + spec.osl95} tokens exceeds ${model.name}'s context window of ${model.maxContext} tokens`,
        }));
        pruned += perEngine;
        continue;
      }
      for (const layout of valid) {
        if (cheapestOnly && (1 + spec.redundancy) * layout.gpus * price.perGpuHour * HOURS_PER_MONTH > costCeiling) {
          const n = spec.weights.length * spec.kvs.length * D * G;
          reject("budget-month", n, () => ({ gpu, layout, engine, detail: "costs more than the budget or a cheaper option at one replica" }));
          pruned += n;
          continue;
        }
        for (const weights of spec.weights) {
          for (const kv of spec.kvs) for (const drafts of spec.drafts) {
            if (opts.shouldStop?.()) throw new SearchStopped();
            const setup = prepareShape(model, gpu, layout, weights, kv, engine, drafts, spec);
            // Fit check at p95 lengths: does one p95 request fit, and how many fit at once?
            const probe = fitAt(setup, spec.isl95, spec.osl95);
            estimated++;
            if (!probe.fits) {
              reject("memory", G, () => ({ gpu, layout, weights, kv, engine, detail: memoryDetail(model, gpu, layout, weights, kv, engine, drafts, spec) }));
              pruned += G;
              continue;
            }
            const cMax = probe.maxConcurrency;
            const cMaxMean = lengthsDiffer ? fitAt(setup, spec.isl, spec.osl).maxConcurrency : cMax;
            const shape: Shape = { gpu, price, layout, weights, kv, engine, drafts, maxConcurrency: cMax };
            for (let gi = 0; gi < G; gi++) {
              const c = GRID[gi]!;
              if (c > cMax) {
                const left = G - gi;
                reject("kv-capacity", left, () => ({
                  gpu, layout, weights, kv, engine, c,
                  detail: `the KV cache holds ${cMax} request${cMax === 1 ? "" : "s"} of p95 length; C=${c} would only queue`,
                }));
                pruned += left;
                break;
              }
              const rec = recordAt(spec, setup, shape, c, cMaxMean, lengthsDiffer, scratch);
              estimated += scratch.estimates;
              const miss = scratch.miss;
              if (!cheapestOnly) records.push(rec);
              else if (rec.violations === 0) {
                records.push(rec);
                if (rec.costMonth < costCeiling) costCeiling = rec.costMonth;
              }
              const first = firstViolation(rec.violations);
              if (first) reject(first, 1, () => ({ gpu, layout, weights, kv, engine, c, detail: violationDetail(first, rec, spec) }));
              if (miss !== null && inferMonotone) {
                // Latency grows with concurrency (a bigger batch per step, more prefills to wait behind), so every
                // larger C misses this SLO too: counted, not estimated.
                const left = G - gi - 1;
                reject(miss, left, () => ({ gpu, layout, weights, kv, engine, c, detail: violationDetail(miss!, rec, spec) }));
                pruned += left;
                inferred += left;
                opts.resume?.push({ at: records.length, setup, shape, next: gi + 1, cMaxMean });
                break;
              }
            }
          }
        }
      }
    }
  }
  return { records, counts, examples, candidates, estimated, pruned, inferred };
}

interface Scratch {
  readonly fig: FastFigures;
  readonly f: ServiceFigures;
  readonly sized: Sized;
  /** Set by recordAt: the latency target the service figures alone miss, and how many estimates it made. */
  miss: RejectionReason | null;
  estimates: number;
}

function newScratch(): Scratch {
  return {
    fig: { ttftMs: 0, tpotMs: 0, outputTokensPerSecond: 0, binding: "memory-bandwidth" },
    f: { c: 1, x: 1, ttftSvc50: 0, ttftSvc95: 0, tpot50: 0, tpot95: 0, gpus: 1, price: 0 },
    sized: {
      replicasTraffic: 0, setBy: "traffic", ttft50: 0, ttft95: 0, e2e95: 0, wait50: 0, wait95: 0, pw: 0,
      utilisation: 0, costHour: 0, costMonth: 0, costMtok: 0, violations: 0,
    },
    miss: null,
    estimates: 0,
  };
}

/** One shape at concurrency c: service figures (p95 ones only where the mean ones meet every latency target), sized. */
function recordAt(spec: SearchSpec, setup: Setup, shape: Shape, c: number, cMaxMean: number, lengthsDiffer: boolean, s: Scratch): Rec {
  const { fig, f, sized } = s;
  const { layout, price } = shape;
  s.estimates = 0;
  const r = serveAt(setup, c, cMaxMean, spec.isl, spec.osl, fig);
  s.estimates++;
  const ttft50 = r.ttftMs;
  const tpot50 = r.tpotMs;
  const outTps = r.outputTokensPerSecond;
  const binding = r.binding;
  let ttft95 = ttft50;
  let tpot95 = tpot50;
  let approx = lengthsDiffer;
  let miss = intrinsicMiss(ttft50, ttft50, tpot50, tpot50, spec);
  if (miss === null && lengthsDiffer) {
    const r95 = serveAt(setup, c, shape.maxConcurrency, spec.isl95, spec.osl95, fig);
    s.estimates++;
    ttft95 = Math.max(r95.ttftMs, ttft50);
    tpot95 = Math.max(r95.tpotMs, tpot50);
    approx = false;
    miss = intrinsicMiss(ttft50, ttft95, tpot50, tpot95, spec);
  }
  f.c = c;
  f.x = outTps / spec.osl;
  f.ttftSvc50 = ttft50;
  f.ttftSvc95 = ttft95;
  f.tpot50 = tpot50;
  f.tpot95 = tpot95;
  f.gpus = layout.gpus;
  f.price = price.perGpuHour;
  sizeCandidate(spec, f, sized);
  const rec: Rec = {
    shape, c, x: f.x, outPerGpu: outTps / layout.gpus,
    ttftSvc50: ttft50, ttftSvc95: ttft95, tpot50, tpot95, approx95: approx,
    replicasTraffic: sized.replicasTraffic, setBy: sized.setBy,
    ttft50: sized.ttft50, ttft95: sized.ttft95, e2e95: sized.e2e95,
    wait50: sized.wait50, wait95: sized.wait95, pw: sized.pw, utilisation: sized.utilisation,
    costHour: sized.costHour, costMonth: sized.costMonth, costMtok: sized.costMtok,
    violations: sized.violations, binding,
  };
  s.miss = miss;
  return rec;
}

/** Where a search stopped estimating a shape (its next concurrencies were inferred to miss), to finish it later. */
export interface Resume {
  /** Records of the search before this shape's continuation belongs. */
  readonly at: number;
  readonly setup: Setup;
  readonly shape: Shape;
  /** Index in the concurrency grid of the first concurrency not estimated. */
  readonly next: number;
  readonly cMaxMean: number;
}

/**
 * The records of `runSearch(spec, { inferMonotone: false })` from those of a search that stopped early, estimating
 * only the concurrencies it inferred: the same records in the same order (each shape's in ascending concurrency).
 */
export function everyConcurrency(spec: SearchSpec, records: readonly Rec[], resume: readonly Resume[]): Rec[] {
  const out: Rec[] = [];
  const scratch = newScratch();
  const lengthsDiffer = spec.isl95 !== spec.isl || spec.osl95 !== spec.osl;
  let from = 0;
  for (const r of resume) {
    for (let i = from; i < r.at; i++) out.push(records[i]!);
    from = r.at;
    for (let gi = r.next; gi < GRID.length; gi++) {
      const c = GRID[gi]!;
      if (c > r.shape.maxConcurrency) break;
      out.push(recordAt(spec, r.setup, r.shape, c, r.cMaxMean, lengthsDiffer, scratch));
    }
  }
  for (let i = from; i < records.length; i++) out.push(records[i]!);
  return out;
}

/** The estimate's own words for why a shape does not fit (only built for the first example). */
function memoryDetail(
  model: SearchSpec["model"], gpu: GpuSpec, l: LayoutChoice, weights: WeightPrecision, kv: KvPrecision, engine: EngineId, drafts: number,
  spec: SearchSpec,
): string {
  const r = estimateConfig({
    model, gpu,
    input: {
      model: model.id, gpu: gpu.id, engine, weights, kv, tp: l.tp, pp: l.pp, dp: l.dp,
      moeEp: model.moe ? l.moeEp : undefined, isl: spec.isl95, osl: spec.osl95, concurrency: 1, arrivals: PLANNER_ARRIVALS,
      ...(drafts > 0 ? { mtpDraftTokens: drafts } : {}),
    },
  });
  return r.problems[0] ?? "does not fit in memory";
}

/** The latency SLO that the service figures alone (no queueing) miss, first in report order; null if none. */
function intrinsicMiss(ttft50: number, ttft95: number, tpot50: number, tpot95: number, spec: SearchSpec): RejectionReason | null {
  const s = spec.slo;
  if (tpot95 > s.tpot95) return "tpot";
  if (ttft50 > s.ttft50) return "ttft-p50";
  if (ttft95 > s.ttft95) return "ttft-p95";
  if (ttft95 + (spec.osl95 - 1) * tpot95 > s.e2e95) return "e2e";
  return null;
}

function violationDetail(reason: RejectionReason, r: Rec, spec: SearchSpec): string {
  const ms = (x: number) => `${Math.round(x)} ms`;
  switch (reason) {
    case "tpot":
      return `TPOT p95 ${r.tpot95.toFixed(1)} ms > ${spec.slo.tpot95.toFixed(1)} ms`;
    case "ttft-p50":
      return `TTFT p50 ${ms(r.ttft50)} > ${ms(spec.slo.ttft50)}`;
    case "ttft-p95":
      return `TTFT p95 ${ms(r.ttft95)} > ${ms(spec.slo.ttft95)}`;
    case "e2e":
      return `end-to-end p95 ${ms(r.e2e95)} > ${ms(spec.slo.e2e95)}`;
    case "budget-month":
      return `$${Math.round(r.costMonth)}/month > $${Math.round(spec.budgetMonth)}/month`;
    case "budget-mtok":
      return `$${r.costMtok.toFixed(2)}/M tokens > $${spec.budgetMtok.toFixed(2)}/M tokens`;
    default:
      return reason;
  }
}

export { V_TPOT, V_TTFT50, V_TTFT95, V_E2E };
