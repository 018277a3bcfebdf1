import type { EngineId, KvPrecision, WeightPrecision } from "../catalog/types";
import { groupBy } from "../model/validation-stats";
import { BAND, mdape, median, relativeError, shareWithin } from "./stats";

/**
 * Third-party field runs: serving benchmarks somebody else ran on their own machines with an engine's stock serving
 * command (GPUStack's performance lab: `vllm serve <model>`, `python3 -m sglang.launch_server --model-path <model>`,
 * `trtllm-serve <model>`, measured with `vllm bench serve`). No run of these entered a fit, the harness is none the
 * calibration saw, and some of the models and GPUs were never measured by it at all: this is the estimator on data it
 * does not have. Each run is predicted at what the run recorded: its model, GPU, precision, layout, engine, the mean
 * prompt and output lengths (total tokens / requests) and its concurrency.
 *
 * Two kinds of run:
 * - "closed loop": `--max-concurrency C` kept C requests in flight; its mean TTFT, TPOT and output tok/s compare
 *   with the estimate at C.
 * - "all at once": every request sent at t = 0 (no --max-concurrency, request rate inf). The engine runs as many as
 *   its batch limit and KV cache allow (the estimate's maxConcurrency) and refills each slot from the queue as a request ends — a closed loop at the
 *   engine's capacity — so TPOT and output tok/s compare with the estimate at that capacity; the first token is the
 *   queue's wait (seconds to minutes) and is not compared.
 */

/** Where a run's figures are: the file, its commit and the result block's section. */
export interface FieldSource {
  readonly repo: string;
  readonly path: string;
  readonly commit: string;
  readonly section: string;
}

/** One run as published, with the estimator inputs its serving command sets (read off the command by hand). */
export interface FieldRun {
  readonly id: string;
  readonly source: FieldSource;
  readonly servingCommand: string;
  /** The page's own words for the hardware (e.g. "A single NVIDIA H100 SXM GPU."). */
  readonly hardware: string;
  readonly engine: EngineId;
  readonly engineVersion: string;
  /** Catalog ids. */
  readonly model: string;
  readonly gpu: string;
  readonly tp: number;
  /** Pipeline stages (absent: 1). */
  readonly pp?: number;
  /** Expert-parallel ranks of the MoE layers (absent: experts sliced over the TP group). */
  readonly moeEp?: number;
  readonly weights: WeightPrecision;
  readonly kv?: KvPrecision;
  /** ShareGPT conversations (lengths vary per request) or `--dataset-name random` (fixed lengths). */
  readonly dataset: "sharegpt" | "random";
  readonly requests: number;
  /** `--max-concurrency`; null: every request sent at once. */
  readonly maxConcurrency: number | null;
  readonly totalInputTokens: number;
  readonly totalGeneratedTokens: number;
  readonly durationS: number;
  readonly measured: { readonly ttftMs: number; readonly tpotMs: number; readonly outputTokPerS: number };
  /** The prefill budget the command sets (vLLM --max-num-batched-tokens, TensorRT-LLM --max_num_tokens); absent: the engine's. */
  readonly prefillChunkTokens?: number;
  /** Why the run is not predicted (a feature of its command the estimator does not model); absent: predicted. */
  readonly unmodelled?: string;
}

export type FieldMode = "closed loop" | "all at once";

/** The estimator's figures for one request (estimateConfig's result, or a stand-in in tests). */
export interface FieldEstimate {
  readonly fits: boolean;
  readonly problems: readonly string[];
  readonly ttftMs: number;
  readonly tpotMs: number;
  readonly outputTokensPerSecond: number;
  readonly maxConcurrency: number;
}

/** The estimator inputs of a run at a concurrency (everything but the serving-stack latency). */
export interface FieldRequest {
  readonly model: string;
  readonly gpu: string;
  readonly engine: EngineId;
  readonly weights: WeightPrecision;
  readonly kv?: KvPrecision;
  readonly tp: number;
  readonly pp: number;
  readonly moeEp?: number;
  readonly isl: number;
  readonly osl: number;
  readonly concurrency: number;
  readonly arrivals: "staggered" | "together";
  readonly prefillChunkTokens?: number;
}

export type FieldEstimator = (req: FieldRequest, requestOverheadMs: number | undefined) => FieldEstimate;

export interface FieldComparison {
  readonly run: FieldRun;
  readonly mode: FieldMode;
  /** Mean lengths of the run's requests (whole tokens). */
  readonly isl: number;
  readonly osl: number;
  readonly concurrencyUsed: number | null;
  readonly predicted: { readonly ttftMs: number | null; readonly tpotMs: number; readonly outputTokPerS: number } | null;
  /** predicted / measured − 1; TTFT null for "all at once" runs (their first token is the queue's wait). */
  readonly ttftErr: number | null;
  readonly tpotErr: number | null;
  readonly throughputErr: number | null;
  readonly problem: string | null;
}

export const modeOf = (run: FieldRun): FieldMode => (run.maxConcurrency === null ? "all at once" : "closed loop");

/** Mean prompt and output lengths of a run: total tokens over requests, to whole tokens (at least 1). */
export function meanLengths(run: FieldRun): { isl: number; osl: number } {
  return {
    isl: Math.max(1, Math.round(run.totalInputTokens / run.requests)),
    osl: Math.max(1, Math.round(run.totalGeneratedTokens / run.requests)),
  };
}

/** Predict one run; never throws. `requestOverheadMs` undefined: each engine's calibrated serving-stack latency. */
export function compareFieldRun(run: FieldRun, estimate: FieldEstimator, requestOverheadMs?: number): FieldComparison {
  const mode = modeOf(run);
  const { isl, osl } = meanLengths(run);
  const fail = (problem: string, concurrencyUsed: number | null = null): FieldComparison => ({
    run, mode, isl, osl, concurrencyUsed, predicted: null, ttftErr: null, tpotErr: null, throughputErr: null, problem,
  });
  if (run.unmodelled) return fail(run.unmodelled);
  const req = (concurrency: number): FieldRequest => ({
    model: run.model,
    gpu: run.gpu,
    engine: run.engine,
    weights: run.weights,
    ...(run.kv ? { kv: run.kv } : {}),
    tp: run.tp,
    pp: run.pp ?? 1,
    ...(run.moeEp ? { moeEp: run.moeEp } : {}),
    isl,
    osl,
    concurrency,
    // ShareGPT requests differ in length, so they finish (and are replaced) one at a time
    arrivals: run.dataset === "sharegpt" ? "staggered" : "together",
    ...(run.prefillChunkTokens ? { prefillChunkTokens: run.prefillChunkTokens } : {}),
  });
  try {
    let concurrency = run.maxConcurrency;
    if (concurrency === null) {
      const probe = estimate(req(1), requestOverheadMs);
      if (!probe.fits) return fail(`does not fit: ${probe.problems.join("; ")}`);
      // the estimate's capacity is the KV cache and the engine's batch limit; a burst has no more than its requests
      concurrency = Math.max(1, Math.min(run.requests, Math.floor(probe.maxConcurrency)));
    }
    const est = estimate(req(concurrency), requestOverheadMs);
    if (!est.fits) return fail(`does not fit: ${est.problems.join("; ")}`, concurrency);
    const ttftMs = mode === "closed loop" ? est.ttftMs : null;
    return {
      run,
      mode,
      isl,
      osl,
      concurrencyUsed: concurrency,
      predicted: { ttftMs, tpotMs: est.tpotMs, outputTokPerS: est.outputTokensPerSecond },
      ttftErr: ttftMs === null ? null : relativeError(ttftMs, run.measured.ttftMs),
      tpotErr: relativeError(est.tpotMs, run.measured.tpotMs),
      throughputErr: relativeError(est.outputTokensPerSecond, run.measured.outputTokPerS),
      problem: null,
    };
  } catch (e) {
    return fail(`estimator error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export interface FieldErrorStats {
  readonly n: number;
  readonly mdape: number | null;
  /** Median predicted / measured − 1: + means the estimate is slower (TTFT, TPOT) or faster (throughput). */
  readonly bias: number | null;
  readonly within: number | null;
}

export interface FieldSummary {
  readonly runs: number;
  readonly predicted: number;
  readonly ttft: FieldErrorStats;
  readonly tpot: FieldErrorStats;
  readonly throughput: FieldErrorStats;
}

/** Count, MdAPE, median signed error and share within ±25 % of the errors present (null: not compared). */
export function errorStats(errs: readonly (number | null)[]): FieldErrorStats {
  const e = errs.flatMap((x) => (x === null ? [] : [x]));
  return { n: e.length, mdape: mdape(e), bias: median(e), within: shareWithin(e, BAND) };
}

export function summariseField(cs: readonly FieldComparison[]): FieldSummary {
  return {
    runs: cs.length,
    predicted: cs.filter((c) => c.predicted !== null).length,
    ttft: errorStats(cs.map((c) => c.ttftErr)),
    tpot: errorStats(cs.map((c) => c.tpotErr)),
    throughput: errorStats(cs.map((c) => c.throughputErr)),
  };
}

export interface FieldReport {
  /** Each engine's calibrated serving-stack latency t_0 in the first token. */
  readonly calibrated: readonly FieldComparison[];
  /** requestOverheadMs 0: the GPU's time alone. */
  readonly bare: readonly FieldComparison[];
  readonly calibratedSummary: FieldSummary;
  readonly bareSummary: FieldSummary;
  /** The calibrated comparison by engine, then by mode. */
  readonly byEngine: readonly { readonly key: string; readonly summary: FieldSummary }[];
  readonly byMode: readonly { readonly key: string; readonly summary: FieldSummary }[];
  /** The comparison with requestOverheadMs 0, by mode. */
  readonly bareByMode: readonly { readonly key: string; readonly summary: FieldSummary }[];
}

function grouped(cs: readonly FieldComparison[], key: (c: FieldComparison) => string) {
  return [...groupBy(cs, key)].sort((a, b) => a[0].localeCompare(b[0])).map(([k, xs]) => ({ key: k, summary: summariseField(xs) }));
}

export function fieldReport(runs: readonly FieldRun[], estimate: FieldEstimator): FieldReport {
  const calibrated = runs.map((r) => compareFieldRun(r, estimate));
  const bare = runs.map((r) => compareFieldRun(r, estimate, 0));
  return {
    calibrated,
    bare,
    calibratedSummary: summariseField(calibrated),
    bareSummary: summariseField(bare),
    byEngine: grouped(calibrated, (c) => c.run.engine),
    byMode: grouped(calibrated, (c) => c.mode),
    bareByMode: grouped(bare, (c) => c.mode),
  };
}

/** Why the runs not predicted were not, with how many runs each reason holds, most first. */
export function unpredictedReasons(cs: readonly FieldComparison[]): [reason: string, runs: number][] {
  return [...groupBy(cs.filter((c) => c.problem !== null), (c) => c.problem!)]
    .map(([why, xs]): [string, number] => [why, xs.length])
    .sort((a, b) => b[1] - a[1]);
}

export interface StackLatency {
  readonly engine: EngineId;
  readonly runs: number;
  /** Median over the engine's closed-loop runs of measured TTFT − the estimate's TTFT without a serving-stack latency. */
  readonly medianMs: number;
  /** The engine's calibrated serving-stack latency t_0 (the estimate with it − the estimate without it). */
  readonly calibratedMs: number;
}

/**
 * What the runs' serving stacks added to the first token, by engine: measured TTFT − the estimate's GPU time for it
 * (requestOverheadMs 0), the median over the closed-loop runs — the figure a user of such a stack would enter as
 * requestOverheadMs — beside the calibrated t_0 the estimate uses by default.
 */
export function impliedStackLatency(report: Pick<FieldReport, "calibrated" | "bare">): StackLatency[] {
  const out: StackLatency[] = [];
  const engines = [...new Set(report.bare.map((c) => c.run.engine))].sort();
  for (const engine of engines) {
    const pairs = report.bare.flatMap((b, i) => {
      const c = report.calibrated[i]!;
      const bt = b.predicted?.ttftMs;
      const ct = c.predicted?.ttftMs;
      return b.run.engine === engine && b.mode === "closed loop" && bt != null && ct != null
        ? [{ gap: b.run.measured.ttftMs - bt, t0: ct - bt }]
        : [];
    });
    const gap = median(pairs.map((p) => p.gap));
    const t0 = median(pairs.map((p) => p.t0));
    if (gap !== null && t0 !== null) out.push({ engine, runs: pairs.length, medianMs: gap, calibratedMs: t0 });
  }
  return out;
}
