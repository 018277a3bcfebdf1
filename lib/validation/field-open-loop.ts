import type { EngineId, KvPrecision, WeightPrecision } from "../catalog/types";
import type { HybridFigures } from "./confidence";
import { levelOf } from "./judge";
import { openLoopAt, type AtConcurrency } from "../model/open-loop";
import { errorStats, type FieldErrorStats, type FieldSource } from "./field-compare";
import { relativeError } from "./stats";

/**
 * Third-party open-loop runs of a model no fit ever saw: GPUStack's latency pages, where guidellm offers ShareGPT
 * requests at a constant rate (`--profile constant --rate r`) to an engine started with its stock command. Each run is
 * predicted as a replica under that rate (lib/model/open-loop.ts: the steady state by Little's law, the closed-loop
 * figures at the requests in flight there) at the run's mean prompt and output lengths.
 *
 * What is compared, and why not the page's TPOT: guidellm's printed mean TPOT and ITL of these runs cannot be times
 * between tokens (a median ITL of 0.00 ms and a mean TPOT of 1–2 ms, while a decode step of a 35 B MoE on one GPU
 * reads gigabytes; its P95 TPOT, 7–19 ms, is the plausible step). The runs' mean first token and mean request latency
 * are unaffected, so the time per output token is taken from them:
 *   t_token = (mean latency − mean TTFT) / (mean OSL − 1)
 * the output-token-weighted mean time between tokens (a request of n tokens weighs n − 1). The estimate's TTFT, TPOT
 * and TTFT + (OSL − 1) · TPOT are compared with the run's mean TTFT, t_token and mean latency.
 */

export interface FieldOpenLoopRun {
  readonly id: string;
  readonly source: FieldSource;
  /** The engine's arguments as the page lists them (the model path where the page states it). */
  readonly servingCommand: string;
  readonly hardware: string;
  readonly engine: EngineId;
  readonly engineVersion: string;
  /** Catalog ids. */
  readonly model: string;
  readonly gpu: string;
  readonly tp: number;
  readonly weights: WeightPrecision;
  readonly kv?: KvPrecision;
  /** Offered requests/s (guidellm --rate). */
  readonly rate: number;
  readonly requests: number;
  readonly totalInputTokens: number;
  readonly totalGeneratedTokens: number;
  readonly durationS: number;
  readonly measured: {
    readonly ttftMs: number;
    readonly meanLatencyS: number;
    readonly requestsPerS: number;
    /** Most requests in flight at once during the run. */
    readonly peakConcurrency: number;
  };
  /** vLLM --max-num-batched-tokens; absent: the engine's default. */
  readonly prefillChunkTokens?: number;
  /** Why the run is not predicted (a flag the estimator does not model); absent: predicted. */
  readonly unmodelled?: string;
}

/** The estimator inputs of a run at a concurrency. */
export interface FieldOpenLoopRequest {
  readonly model: string;
  readonly gpu: string;
  readonly engine: EngineId;
  readonly weights: WeightPrecision;
  readonly kv?: KvPrecision;
  readonly tp: number;
  readonly isl: number;
  readonly osl: number;
  readonly concurrency: number;
  readonly prefillChunkTokens?: number;
}

export interface FieldOpenLoopEstimate extends AtConcurrency {
  readonly fits: boolean;
  readonly maxConcurrency: number;
}

export type FieldOpenLoopEstimator = (req: FieldOpenLoopRequest, requestOverheadMs: number | undefined) => FieldOpenLoopEstimate;

export interface FieldOpenLoopComparison {
  readonly run: FieldOpenLoopRun;
  readonly isl: number;
  readonly osl: number;
  /** The run's time per output token from its means: (mean latency − mean TTFT) / (OSL − 1). */
  readonly measuredTokenMs: number;
  /** Null when not predicted (unmodelled, does not fit). */
  readonly predicted: {
    readonly saturated: boolean;
    readonly inFlight: number;
    readonly ttftMs: number;
    readonly tpotMs: number;
    readonly latencyS: number;
  } | null;
  /** predicted / measured − 1; null where not predicted or saturated (no steady state to compare). */
  readonly ttftErr: number | null;
  readonly tokenErr: number | null;
  readonly latencyErr: number | null;
}

/** Mean lengths of a run's requests, to whole tokens (at least 2 output tokens, so t_token is defined). */
export function openLoopLengths(run: FieldOpenLoopRun): { isl: number; osl: number } {
  return {
    isl: Math.max(1, Math.round(run.totalInputTokens / run.requests)),
    osl: Math.max(2, Math.round(run.totalGeneratedTokens / run.requests)),
  };
}

/** The run's output-token-weighted time between tokens from its mean latency and mean first token, ms. */
export function measuredTokenMs(run: FieldOpenLoopRun): number {
  const { osl } = openLoopLengths(run);
  return (run.measured.meanLatencyS * 1e3 - run.measured.ttftMs) / (osl - 1);
}

/** Predict one run at its offered rate; never throws. */
export function compareFieldOpenLoop(run: FieldOpenLoopRun, estimate: FieldOpenLoopEstimator, requestOverheadMs?: number): FieldOpenLoopComparison {
  const { isl, osl } = openLoopLengths(run);
  const base = { run, isl, osl, measuredTokenMs: measuredTokenMs(run) };
  const none = { ...base, predicted: null, ttftErr: null, tokenErr: null, latencyErr: null };
  if (run.unmodelled) return none;
  const req = (concurrency: number): FieldOpenLoopRequest => ({
    model: run.model, gpu: run.gpu, engine: run.engine, weights: run.weights, tp: run.tp, isl, osl, concurrency,
    ...(run.kv ? { kv: run.kv } : {}),
    ...(run.prefillChunkTokens ? { prefillChunkTokens: run.prefillChunkTokens } : {}),
  });
  let probe: FieldOpenLoopEstimate;
  try {
    probe = estimate(req(1), requestOverheadMs);
  } catch {
    return none;
  }
  if (!probe.fits) return none;
  const s = openLoopAt((c) => estimate(req(c), requestOverheadMs), osl, run.rate, probe.maxConcurrency);
  const latencyS = (s.ttftMs + (osl - 1) * s.tpotMs) / 1e3;
  const predicted = { saturated: s.saturated, inFlight: s.inFlight, ttftMs: s.ttftMs, tpotMs: s.tpotMs, latencyS };
  if (s.saturated) return { ...base, predicted, ttftErr: null, tokenErr: null, latencyErr: null };
  return {
    ...base,
    predicted,
    ttftErr: relativeError(s.ttftMs, run.measured.ttftMs),
    tokenErr: relativeError(s.tpotMs, base.measuredTokenMs),
    latencyErr: relativeError(latencyS, run.measured.meanLatencyS),
  };
}

export interface FieldOpenLoopSummary {
  readonly runs: number;
  readonly predicted: number;
  /** Predicted runs whose replica the estimate saturates (no steady state), with whether the run kept up. */
  readonly saturated: readonly { readonly id: string; readonly rate: number; readonly achieved: number }[];
  readonly ttft: FieldErrorStats;
  readonly token: FieldErrorStats;
  readonly latency: FieldErrorStats;
}

export function summariseFieldOpenLoop(cs: readonly FieldOpenLoopComparison[]): FieldOpenLoopSummary {
  const predicted = cs.filter((c) => c.predicted !== null);
  return {
    runs: cs.length,
    predicted: predicted.length,
    saturated: predicted.filter((c) => c.predicted!.saturated).map((c) => ({ id: c.run.id, rate: c.run.rate, achieved: c.run.measured.requestsPerS })),
    ttft: errorStats(cs.map((c) => c.ttftErr)),
    token: errorStats(cs.map((c) => c.tokenErr)),
    latency: errorStats(cs.map((c) => c.latencyErr)),
  };
}

export interface FieldOpenLoopReport {
  /** With each engine's calibrated serving-stack latency t_0. */
  readonly calibrated: readonly FieldOpenLoopComparison[];
  /** With requestOverheadMs 0: the GPU's time alone. */
  readonly bare: readonly FieldOpenLoopComparison[];
  readonly calibratedSummary: FieldOpenLoopSummary;
  readonly bareSummary: FieldOpenLoopSummary;
}

export function fieldOpenLoopReport(runs: readonly FieldOpenLoopRun[], estimate: FieldOpenLoopEstimator): FieldOpenLoopReport {
  const calibrated = runs.map((r) => compareFieldOpenLoop(r, estimate, undefined));
  const bare = runs.map((r) => compareFieldOpenLoop(r, estimate, 0));
  return { calibrated, bare, calibratedSummary: summariseFieldOpenLoop(calibrated), bareSummary: summariseFieldOpenLoop(bare) };
}

/**
 * The level the predicted runs earn under the rules every regime is judged by (judge.ts), the time per output token
 * standing for TPOT and the TTFT with the calibrated serving-stack latency; the share predicted is over the runs whose
 * settings the estimator models (a flag it does not model is not a miss). Undefined when no run was predicted.
 */
export function hybridFigures(report: FieldOpenLoopReport): HybridFigures | undefined {
  const s = report.calibratedSummary;
  if (s.predicted === 0) return undefined;
  const judged = levelOf({
    rows: s.predicted,
    predicted: s.token.n,
    sharePredicted: s.token.n / s.predicted,
    tpotMdape: s.token.mdape,
    ttftMdape: s.ttft.mdape,
    tpotBias: s.token.bias,
    ttftBias: s.ttft.bias,
    tpotWithinBand: s.token.within,
    ttftWithinBand: s.ttft.within,
  });
  return { rows: s.token.n, tokenMdape: s.token.mdape, ttftMdape: s.ttft.mdape, level: judged.level, reasons: judged.reasons };
}
