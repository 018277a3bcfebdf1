import type { GpuSpec, ModelArch } from "../catalog/types";
import type { EstimateResult } from "../model/estimate-types";
import type { RunTiming } from "../model/calib/consistency";
import { meanLengthShare } from "../model/estimate";
import { harnessSettings, harnessUnmodelled, type HarnessRun } from "../model/calib/harness";
import { normaliseRow, runKey, type CalibRow } from "../model/calib/rows";
import { estimateInputSchema, type EstimateInput } from "../plan/estimate-input";
import { regimeFor, type Regime } from "./regimes";
import { relativeError } from "./stats";
import type { MeasuredRow } from "./types";

/** The figures of an estimate the validation reads. */
export type EstimateFigures = Pick<
  EstimateResult,
  | "ttftMs"
  | "tpotMs"
  | "prefillMs"
  | "fits"
  | "problems"
  | "outputTokensPerSecond"
  | "outputTokensPerSecondPerGpu"
  | "tokensPerSecondPerUser"
  | "maxConcurrency"
  | "gpusPerReplica"
>;

/** What scoring needs from the catalog and the core; the live binding passes getModel, getGpu and estimateConfig. */
export interface PredictEnv {
  readonly getModel: (id: string) => ModelArch | undefined;
  readonly getGpu: (id: string) => GpuSpec | undefined;
  readonly estimate: (args: { model: ModelArch; gpu: GpuSpec; input: EstimateInput }) => EstimateFigures;
  /**
   * Why a measured run cannot be taken at its word (calib/consistency: measured faster than its GPUs allow), or null;
   * the live binding passes inconsistentMeasurement. Without it every run is taken at its word.
   */
  readonly inconsistent?: (run: RunTiming, model: ModelArch, gpu: GpuSpec, lengthScale: number) => string | null;
}

export interface ScoredRow {
  readonly row: MeasuredRow;
  /** null when the catalog lacks the row's model or GPU. */
  readonly regime: Regime | null;
  readonly predictedTtftMs: number | null;
  readonly predictedTpotMs: number | null;
  /** predicted / measured − 1; null when the row was not predicted. */
  readonly tpotErr: number | null;
  readonly ttftErr: number | null;
  /** Why the row was not predicted (null when it was). */
  readonly problem: string | null;
  /** The parallelism predicted, when the calibration's cleaning rule remapped the upstream one; else null. */
  readonly remapped: Parallelism | null;
}

export interface Parallelism {
  readonly tp: number;
  readonly dp: number;
  readonly moeTp: number | null;
  readonly moeEp: number | null;
}

/**
 * The parallelism to predict a row at: the upstream one, cleaned by the calibration's documented rules
 * (lib/model/calib/rows.ts `normaliseRow`: some HGX rows record tp × ep where they mean tp; wide NVL72 rows record the
 * GPU count as tp where they run attention data-parallel, which needs the model's head count) so that /validate and
 * `npm run validate` predict the same configurations.
 */
export function effectiveParallelism(
  row: MeasuredRow,
  nvlinkDomain: number,
  numHeads?: number,
): { p: Parallelism; remapped: boolean } {
  const calib = toCalibRow(row);
  const n = normaliseRow(calib, nvlinkDomain, numHeads);
  return {
    p: { tp: n.tp, dp: n.dp, moeTp: n.moeTp ?? null, moeEp: n.moeEp ?? null },
    remapped: n !== calib,
  };
}

/**
 * The measured rows with every repeated record of a run dropped, by the calibration's rule (lib/model/calib/rows.ts
 * `distinctRuns`: same setup after the tp×ep cleaning, same figures), so /validate and `npm run validate` count the
 * same runs. Rows on a GPU the catalog lacks keep their upstream layout.
 */
export function distinctMeasuredRuns(
  rows: readonly MeasuredRow[],
  getGpu: PredictEnv["getGpu"],
  getModel: PredictEnv["getModel"],
): MeasuredRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const gpu = getGpu(row.gpu);
    const calib = toCalibRow(row);
    const heads = row.model === null ? undefined : getModel(row.model)?.attention.numHeads;
    const k = runKey(gpu ? normaliseRow(calib, gpu.nvlinkDomain, heads) : calib);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function toCalibRow(row: MeasuredRow): CalibRow {
  return {
    id: row.id,
    modelPath: row.hfModel,
    arch: row.hfModel,
    gpu: row.gpu,
    engine: row.engine,
    weights: row.weights,
    tp: row.tp,
    pp: row.pp,
    dp: row.dp,
    moeTp: row.moeTp ?? undefined,
    moeEp: row.moeEp ?? undefined,
    isl: row.isl,
    osl: row.osl,
    concurrency: row.concurrency,
    ttftMs: row.ttftMs,
    tpotMs: row.tpotMs,
    source: row.source,
    engineVersion: row.engineVersion,
  };
}

/** What the benchmark-recipe rules (lib/model/calib/harness.ts) match a measured row on, at the parallelism predicted. */
export function harnessRunOf(row: MeasuredRow, par: Parallelism = row): HarnessRun {
  return {
    engine: row.engine,
    modelPath: row.hfModel,
    gpu: row.gpu,
    weights: row.weights,
    isl: row.isl,
    osl: row.osl,
    tp: par.tp,
    dp: par.dp,
    concurrency: row.concurrency,
    measured: row.measured,
    source: row.source,
    engineVersion: row.engineVersion,
  };
}

/**
 * Whether the estimator can express the run's benchmark recipe: false for a run whose recipe used a feature the
 * estimator does not model (calib/harness: speculative decoding). Such a run is not predicted, and is not the same
 * setup as a run without the feature, so the repeatability floor leaves it out too.
 */
export function expressibleRun(row: MeasuredRow): boolean {
  return harnessUnmodelled(harnessRunOf(row)) === null;
}

/**
 * The rows the repeatability floor compares, each with the draft tokens its recipe ran (speculative decoding makes
 * another setup): the expressible runs.
 */
export function repeatableRows(rows: readonly MeasuredRow[]): (MeasuredRow & { readonly mtpDraftTokens: number })[] {
  return rows.filter(expressibleRun).map((r) => ({ ...r, mtpDraftTokens: harnessSettings(harnessRunOf(r)).mtpDraftTokens ?? 0 }));
}

/** Build the estimate request of a measured row, through THE request schema (defaults and limits included). */
export function rowInput(
  row: MeasuredRow,
  par: Parallelism = row,
): { ok: true; input: EstimateInput } | { ok: false; problem: string } {
  const run = harnessRunOf(row, par);
  const unmodelled = harnessUnmodelled(run);
  if (unmodelled) return { ok: false, problem: unmodelled };
  const parsed = estimateInputSchema.safeParse({
    model: row.model ?? row.hfModel,
    gpu: row.gpu,
    engine: row.engine,
    weights: row.weights,
    tp: par.tp,
    pp: row.pp,
    dp: par.dp,
    ...(par.moeTp === null ? {} : { moeTp: par.moeTp }),
    ...(par.moeEp === null ? {} : { moeEp: par.moeEp }),
    isl: row.isl,
    osl: row.osl,
    concurrency: row.concurrency,
    // the benchmark recipe's non-default settings, as a user who set them would enter them (calib/harness)
    ...harnessSettings(run),
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `request rejected: ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}` };
}

function finitePositive(x: number): boolean {
  return Number.isFinite(x) && x > 0;
}

/** Predict one measured row and compare. Never throws: an estimator exception becomes the row's problem. */
export function scoreRow(row: MeasuredRow, env: PredictEnv): ScoredRow {
  const model = row.model === null ? undefined : env.getModel(row.model);
  const gpu = env.getGpu(row.gpu);
  const none = { predictedTtftMs: null, predictedTpotMs: null, tpotErr: null, ttftErr: null, remapped: null };
  if (!model || !gpu) {
    const what = !model ? `model ${row.model ?? row.hfModel} not in the catalog` : `GPU ${row.gpu} not in the catalog`;
    return { row, regime: null, ...none, problem: what };
  }
  const regime = regimeFor({ ...row, moe: model.moe !== null, generation: gpu.generation });
  const eff = effectiveParallelism(row, gpu.nvlinkDomain, model.attention.numHeads);
  const remapped = eff.remapped ? eff.p : null;
  const req = rowInput(row, eff.p);
  if (!req.ok) return { row, regime, ...none, remapped, problem: req.problem };
  let est: EstimateFigures;
  try {
    // a run measured faster than its GPUs allow did not do the prefill it states (calib/consistency): not predicted
    const inconsistent = env.inconsistent ? env.inconsistent({ ...row, ...eff.p }, model, gpu, meanLengthShare(req.input)) : null;
    if (inconsistent) return { row, regime, ...none, remapped, problem: inconsistent };
    est = env.estimate({ model, gpu, input: req.input });
  } catch (e) {
    return { row, regime, ...none, remapped, problem: `estimator error: ${e instanceof Error ? e.message : String(e)}` };
  }
  const ttft = finitePositive(est.ttftMs) ? est.ttftMs : null;
  const tpot = finitePositive(est.tpotMs) ? est.tpotMs : null;
  if (!est.fits || ttft === null || tpot === null) {
    const problem = !est.fits
      ? `estimator: does not fit${est.problems.length > 0 ? ` (${est.problems.join("; ")})` : ""}`
      : "estimator returned no finite TTFT/TPOT";
    return { row, regime, predictedTtftMs: ttft, predictedTpotMs: tpot, tpotErr: null, ttftErr: null, remapped, problem };
  }
  return {
    row,
    regime,
    predictedTtftMs: ttft,
    predictedTpotMs: tpot,
    tpotErr: relativeError(tpot, row.tpotMs),
    ttftErr: relativeError(ttft, row.ttftMs),
    problem: null,
    remapped,
  };
}

export function scoreRows(rows: readonly MeasuredRow[], env: PredictEnv): ScoredRow[] {
  return rows.map((r) => scoreRow(r, env));
}
