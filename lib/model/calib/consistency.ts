import type { GpuSpec, ModelArch, WeightPrecision } from "../../catalog/types";
import { paramsByComponent } from "../params";
import { computePath, peakFlopsFor } from "../precision";

/**
 * A physical check on a measured run, independent of every fitted factor: could the GPUs have done the prefill
 * work the run states in the time it took?
 *
 * In a closed-loop benchmark C requests are in flight, each lasting TTFT + (OSL − 1)·TPOT, so requests complete (and
 * new prompts arrive) at λ = C / (TTFT + (OSL − 1)·TPOT) per second (Little's law). Every prompt of ISL tokens needs
 * at least 2·(active parameters − embedding) FLOP per token for its matmuls alone (attention and everything else
 * only add to it). So the run needed at least λ · ISL · 2·(N_active − N_emb) FLOP/s of prefill. A run that needed
 * more than the GPUs' peak dense matmul throughput — all tp·pp·dp of them, at the fastest path the weights allow,
 * doing nothing but prefill — did not do the work its prompt length states: its prompts were served, at least in
 * part, from a prefix cache (repeated or shared prompts), which the estimator does not assume for a benchmark.
 * Such a run is not predicted and the fit never sees it.
 *
 * Nothing here is fitted; the threshold is the hardware's peak (share 1), the most generous bound there is.
 */
export interface RunTiming {
  readonly weights: WeightPrecision;
  readonly isl: number;
  readonly osl: number;
  readonly concurrency: number;
  readonly tp: number;
  readonly pp: number;
  readonly dp: number;
  readonly ttftMs: number;
  readonly tpotMs: number;
}

/**
 * Prefill FLOP/s the run needed, as a share of the GPUs' peak. `lengthScale` is the mean request's share of the
 * nominal lengths (benchmark_serving's random range: (1 + r)/2); 1 for fixed lengths.
 */
export function prefillPeakShare(run: RunTiming, model: ModelArch, gpu: GpuSpec, lengthScale = 1): number {
  const p = paramsByComponent(model);
  const flopPerToken = 2 * (p.active - p.embedding);
  const isl = run.isl * lengthScale;
  const osl = run.osl * lengthScale;
  const requestS = (run.ttftMs + Math.max(0, osl - 1) * run.tpotMs) / 1000;
  if (!(requestS > 0)) return Number.NaN;
  const arrivalsPerS = run.concurrency / requestS;
  const gpus = run.tp * run.pp * run.dp;
  const peak = peakFlopsFor(computePath(run.weights, gpu), gpu) * gpus;
  return (arrivalsPerS * isl * flopPerToken) / peak;
}

/** Why a measured run cannot be taken at its word (its prefill outran the hardware), or null when it can. */
export function inconsistentMeasurement(run: RunTiming, model: ModelArch, gpu: GpuSpec, lengthScale = 1): string | null {
  const share = prefillPeakShare(run, model, gpu, lengthScale);
  if (!(share > 1)) return null;
  // the per-run figures go in parentheses, after the reason (the page groups unpredicted runs on the text before "(")
  return (
    "measured faster than the hardware allows: the prompts must have been served, at least in part, from a prefix " +
    "cache, which the estimator does not assume for a benchmark " +
    `(${run.concurrency} requests in flight of ${run.isl} prompt tokens would need ${share.toFixed(1)}× the ` +
    `${run.tp * run.pp * run.dp} GPUs' peak FLOP/s for their prefill alone)`
  );
}
