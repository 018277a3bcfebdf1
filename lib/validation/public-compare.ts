import { measuredInProcess } from "../model/calib/public";
import { estimateInputSchema, type EstimateInput } from "../plan/estimate-input";
import type { EstimateFigures, PredictEnv } from "./score";
import { BAND, mdape, median, relativeError, shareWithin } from "./stats";
import type { PublicMetric, PublicRow } from "./types";

/**
 * Batch cap for figures measured with "all requests at once" (no batch stated): TensorRT-LLM's documented
 * max_batch_size for these benchmarks (perf-overview v0.10: max_batch_size 2048, max_num_tokens 2048).
 */
export const UNSTATED_BATCH_CAP = 2048;

export type PublicMode = "stated" | "capacity";

export interface PublicComparison {
  readonly row: PublicRow;
  /** "stated": the source gives the batch/concurrency; "capacity": predicted at the largest batch that fits. */
  readonly mode: PublicMode;
  readonly concurrencyUsed: number | null;
  readonly predicted: number | null;
  readonly err: number | null;
  readonly problem: string | null;
}

export const METRIC_LABELS: Readonly<Record<PublicMetric, string>> = {
  output_tps_total: "output tok/s (system)",
  output_tps_per_gpu: "output tok/s per GPU",
  tokens_per_s_per_user: "tok/s per user",
  ttft_ms: "TTFT",
  itl_ms: "inter-token latency",
};

/** The estimate's figure that corresponds to a published metric. */
export function predictedMetric(row: PublicRow, est: EstimateFigures): number {
  switch (row.metric) {
    case "ttft_ms":
      // an in-process static-batch benchmark has no serving path: its first token is the engine's prefill
      return measuredInProcess(row.engineLabel) ? est.prefillMs : est.ttftMs;
    case "itl_ms":
      return est.tpotMs;
    case "tokens_per_s_per_user":
      return est.tokensPerSecondPerUser;
    case "output_tps_per_gpu":
      return est.outputTokensPerSecondPerGpu;
    case "output_tps_total":
      // the measured system may hold several replicas of the estimated one
      return (est.outputTokensPerSecond * row.numGpus) / Math.max(1, est.gpusPerReplica);
  }
}

function request(row: PublicRow, concurrency: number): EstimateInput | string {
  const parsed = estimateInputSchema.safeParse({
    model: row.model,
    gpu: row.gpu,
    engine: row.engine,
    weights: row.weights,
    ...(row.kv === null ? {} : { kv: row.kv }),
    tp: row.tp,
    pp: row.pp,
    dp: row.dp,
    ...(row.moeTp === null ? {} : { moeTp: row.moeTp }),
    ...(row.moeEp === null ? {} : { moeEp: row.moeEp }),
    isl: row.isl,
    osl: row.osl,
    concurrency,
    ...(row.mtpDraftTokens === undefined ? {} : { mtpDraftTokens: row.mtpDraftTokens }),
  });
  if (parsed.success) return parsed.data;
  const i = parsed.error.issues[0];
  return `request rejected: ${i?.path.join(".") ?? "?"}: ${i?.message ?? "invalid"}`;
}

/** Predict one published figure. Never throws. */
export function comparePublicRow(row: PublicRow, env: PredictEnv): PublicComparison {
  const mode: PublicMode = row.concurrency === null ? "capacity" : "stated";
  const fail = (problem: string, concurrencyUsed: number | null = null): PublicComparison => ({
    row,
    mode,
    concurrencyUsed,
    predicted: null,
    err: null,
    problem,
  });
  const model = env.getModel(row.model);
  const gpu = env.getGpu(row.gpu);
  if (!model) return fail(`model ${row.model} not in the catalog`);
  if (!gpu) return fail(`GPU ${row.gpu} not in the catalog`);
  try {
    let concurrency = row.concurrency;
    if (concurrency === null) {
      const probe = request(row, 1);
      if (typeof probe === "string") return fail(probe);
      const first = env.estimate({ model, gpu, input: probe });
      if (!first.fits) return fail(`estimator: does not fit (${first.problems.join("; ")})`);
      concurrency = Math.max(1, Math.min(UNSTATED_BATCH_CAP, Math.floor(first.maxConcurrency)));
    }
    const input = request(row, concurrency);
    if (typeof input === "string") return fail(input, concurrency);
    const est = env.estimate({ model, gpu, input });
    if (!est.fits) return fail(`estimator: does not fit (${est.problems.join("; ")})`, concurrency);
    const predicted = predictedMetric(row, est);
    const err = relativeError(predicted, row.value);
    if (err === null) return fail("estimator returned no finite figure", concurrency);
    return { row, mode, concurrencyUsed: concurrency, predicted, err, problem: null };
  } catch (e) {
    return fail(`estimator error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export interface PublicGroupSummary {
  readonly key: string;
  readonly metric: PublicMetric;
  readonly mode: PublicMode;
  readonly rows: number;
  readonly predicted: number;
  readonly mdape: number | null;
  readonly bias: number | null;
  readonly withinBand: number | null;
}

/** The statistics of one group of comparisons (suspect figures already left out). */
function groupStats(cs: readonly PublicComparison[]) {
  const errs = cs.flatMap((c) => (c.err === null ? [] : [c.err]));
  return { rows: cs.length, predicted: errs.length, mdape: mdape(errs), bias: median(errs), withinBand: shareWithin(errs, BAND) };
}

/** Comparisons grouped by `key`, suspect figures left out, in key order. */
function groupBy(list: readonly PublicComparison[], key: (c: PublicComparison) => string): [string, PublicComparison[]][] {
  const groups = new Map<string, PublicComparison[]>();
  for (const c of list) {
    if (c.row.suspect) continue;
    const k = key(c);
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  return [...groups].sort((a, b) => a[0].localeCompare(b[0]));
}

/** Error by metric × mode, suspect figures left out of the statistics. */
export function summarizePublic(list: readonly PublicComparison[]): PublicGroupSummary[] {
  return groupBy(list, (c) => `${c.row.metric}|${c.mode}`).map(([key, cs]) => ({
    key,
    metric: cs[0]!.row.metric,
    mode: cs[0]!.mode,
    ...groupStats(cs),
  }));
}

export interface PublicGpuSummary {
  /** Catalog GPU id. */
  readonly gpu: string;
  /** False when no calibration run was measured on this GPU: the fit never saw it (it takes its class's factors). */
  readonly calibrated: boolean;
  readonly rows: number;
  readonly predicted: number;
  readonly mdape: number | null;
  readonly bias: number | null;
  readonly withinBand: number | null;
}

/** Error per GPU over every metric, suspect figures left out; `calibratedGpus` are the GPUs the fit measured. */
export function summarizePublicByGpu(list: readonly PublicComparison[], calibratedGpus: ReadonlySet<string>): PublicGpuSummary[] {
  return groupBy(list, (c) => c.row.gpu).map(([gpu, cs]) => ({ gpu, calibrated: calibratedGpus.has(gpu), ...groupStats(cs) }));
}
