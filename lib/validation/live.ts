import { getGpu, getModel } from "../catalog";
import { estimateConfig } from "../model";
import {
  buildConfidenceTable,
  toBadgeTable,
  type BadgeTable,
  type ConfidenceAnswer,
  type ConfidenceTable,
  type SpeculativeFigures,
  type UnseenFigures,
} from "./confidence";
import type { ArchClass } from "./regimes";
import { confidenceFromTable, confidenceFromTableForInput, type ConfidenceInput, type ConfidenceQuery } from "./lookup";
import type { ModelArch } from "../catalog/types";
import { MEASURED_ROWS } from "./measurements.generated";
import { comparePublicRow, type PublicComparison } from "./public-compare";
import { PUBLIC_OPEN_LOOP, PUBLIC_ROWS } from "./public-measurements.generated";
import { openLoopReport, type OpenLoopEstimator, type OpenLoopReport } from "./open-loop-compare";
import { fieldReport, type FieldEstimator, type FieldReport } from "./field-compare";
import { FIELD_RUNS } from "./field-runs.data";
import { fieldOpenLoopReport, hybridFigures, type FieldOpenLoopEstimator, type FieldOpenLoopReport } from "./field-open-loop";
import { FIELD_OPEN_LOOP_RUNS } from "./field-open-loop.data";
import { pipelineFigures, publishedByRegime } from "./published-regimes";
import { HELD_OUT_HARDWARE, HELD_OUT_REGIMES } from "../model/calibration.generated";
import type { HardwareHeldOut } from "../model/calib/held-out-hardware";
import { distinctMeasuredRuns, harnessRunOf, scoreRows, type PredictEnv, type ScoredRow } from "./score";
import { inconsistentMeasurement } from "../model/calib/consistency";
import { harnessSettings } from "../model/calib/harness";
import { judgeRegime } from "./judge";
import { SPECULATIVE_ID } from "./held-out-regimes";
import { summarize } from "./stats";

/** The current core and catalog: every prediction on /validate and every badge comes from here, never from a file. */
export const LIVE_ENV: PredictEnv = {
  getModel,
  getGpu,
  estimate: ({ model, gpu, input }) => estimateConfig({ model, gpu, input, explain: false }),
  inconsistent: inconsistentMeasurement,
};

let cached: { scored: readonly ScoredRow[]; table: ConfidenceTable } | null = null;
let published: readonly PublicComparison[] | null = null;
let badges: BadgeTable | null = null;

let openLoop: OpenLoopReport | null = null;

/** The current core at a published open-loop setup (open-loop-compare.ts): arrivals one at a time, as a rate brings them. */
export const LIVE_OPEN_LOOP_ESTIMATOR: OpenLoopEstimator = (s, concurrency, requestOverheadMs) =>
  estimateConfig({
    model: getModel(s.model)!,
    gpu: getGpu(s.gpu)!,
    input: { ...s, pp: 1, dp: 1, concurrency, arrivals: "staggered", ...(requestOverheadMs !== undefined ? { requestOverheadMs } : {}) },
  });

/** The shipped published open-loop points predicted at their offered rate by the current core. Computed once. */
export function liveOpenLoop(): OpenLoopReport {
  if (openLoop === null) openLoop = openLoopReport(PUBLIC_OPEN_LOOP, LIVE_OPEN_LOOP_ESTIMATOR);
  return openLoop;
}

/** Every shipped published figure predicted by the current core. Computed once. */
export function livePublic(): readonly PublicComparison[] {
  if (published === null) published = PUBLIC_ROWS.map((r) => comparePublicRow(r, LIVE_ENV));
  return published;
}

/**
 * Every shipped measured row predicted by the current core, and the regimes judged from them (and from their
 * held-out errors and the published figures in them). Computed once.
 */
export function liveValidation(): { scored: readonly ScoredRow[]; table: ConfidenceTable } {
  if (cached === null) {
    const scored = scoreRows(distinctMeasuredRuns(MEASURED_ROWS, LIVE_ENV.getGpu, LIVE_ENV.getModel), LIVE_ENV);
    const byRegime = publishedByRegime(livePublic(), LIVE_ENV);
    cached = { scored, table: buildConfidenceTable(scored, HELD_OUT_REGIMES ?? undefined, byRegime) };
  }
  return cached;
}

/** Every judged regime with its full error summary (what /validate shows). */
export function confidenceTable(): ConfidenceTable {
  return liveValidation().table;
}

/** The leave-one-generation-out errors per architecture class (byMoe "dense" / "MoE"), for the badges. */
export function unseenGenerationFigures(h: HardwareHeldOut | null): BadgeTable["unseenGeneration"] {
  if (!h) return undefined;
  const out: Partial<Record<ArchClass, UnseenFigures>> = {};
  for (const [arch, key] of [["dense", "dense"], ["moe", "MoE"]] as const) {
    const g = h.unseenGeneration.byMoe[key];
    if (g && g.rows > 0 && Number.isFinite(g.tpotMdape) && Number.isFinite(g.ttftMdape)) {
      out[arch] = { rows: Math.round(g.rows * g.predictedShare), tpotMdape: g.tpotMdape, ttftMdape: g.ttftMdape };
    }
  }
  return out;
}

/** The regimes a badge can land on, as small plain data to hand to a client component (no measured rows inside). */
export function badgeTable(): BadgeTable {
  if (badges === null) {
    badges = {
      ...toBadgeTable(confidenceTable(), unseenGenerationFigures(HELD_OUT_HARDWARE)),
      speculative: speculativeFigures(liveValidation().scored),
      pipeline: pipelineFigures(livePublic()),
      hybrid: hybridFigures(liveFieldOpenLoop()),
    };
  }
  return badges;
}

/** The measured runs whose recipe drafted with an MTP module, their errors and the level they earn (judge.ts). */
export function speculativeFigures(scored: readonly ScoredRow[]): SpeculativeFigures | undefined {
  const runs = scored.filter((s) => (harnessSettings(harnessRunOf(s.row)).mtpDraftTokens ?? 0) > 0);
  if (runs.length === 0) return undefined;
  const summary = summarize(runs);
  // judged on its in-sample errors and, where calibrate computed them, on its errors on models the fit never saw
  const judged = judgeRegime(summary, HELD_OUT_REGIMES?.[SPECULATIVE_ID] ?? null);
  return { rows: summary.predicted, tpotMdape: summary.tpotMdape, ttftMdape: summary.ttftMdape, level: judged.level, reasons: judged.reasons };
}

/**
 * Confidence badge data for an estimate: the level its regime earned from measured errors, the errors, and the
 * /validate anchor. The first call predicts all measured rows and published figures (a fraction of a second); later
 * calls are lookups.
 */
export function confidenceFor(q: ConfidenceQuery): ConfidenceAnswer {
  return confidenceFromTable(badgeTable(), q);
}

/**
 * Badge for a parsed estimate request (EstimateInput fits): `confidenceForInput(input)` or, for an imported Hugging
 * Face config, `confidenceForInput(input, arch)`.
 */
export function confidenceForInput(input: ConfidenceInput, model?: ModelArch): ConfidenceAnswer {
  return confidenceFromTableForInput(badgeTable(), input, model);
}

let field: FieldReport | null = null;

/** The current core at a third-party field run's setup (field-compare.ts). */
export const LIVE_FIELD_ESTIMATOR: FieldEstimator = (req, requestOverheadMs) =>
  estimateConfig({
    model: getModel(req.model)!,
    gpu: getGpu(req.gpu)!,
    input: { ...req, dp: 1, ...(requestOverheadMs !== undefined ? { requestOverheadMs } : {}) },
  });

/** The shipped third-party field runs predicted by the current core. Computed once. */
export function liveField(): FieldReport {
  if (field === null) field = fieldReport(FIELD_RUNS, LIVE_FIELD_ESTIMATOR);
  return field;
}

let fieldOpenLoop: FieldOpenLoopReport | null = null;

/** The current core at a third-party open-loop run's setup (field-open-loop.ts): requests arrive one at a time. */
export const LIVE_FIELD_OPEN_LOOP_ESTIMATOR: FieldOpenLoopEstimator = (req, requestOverheadMs) =>
  estimateConfig({
    model: getModel(req.model)!,
    gpu: getGpu(req.gpu)!,
    input: { ...req, pp: 1, dp: 1, arrivals: "staggered", ...(requestOverheadMs !== undefined ? { requestOverheadMs } : {}) },
  });

/** The shipped third-party open-loop runs (a model no fit saw) predicted by the current core. Computed once. */
export function liveFieldOpenLoop(): FieldOpenLoopReport {
  if (fieldOpenLoop === null) fieldOpenLoop = fieldOpenLoopReport(FIELD_OPEN_LOOP_RUNS, LIVE_FIELD_OPEN_LOOP_ESTIMATOR);
  return fieldOpenLoop;
}

/** The catalog models and GPUs the shipped calibration runs measured (what "never measured" is judged against). */
export function calibrationCoverage(): { readonly models: ReadonlySet<string>; readonly gpus: ReadonlySet<string> } {
  const models = new Set<string>();
  const gpus = new Set<string>();
  for (const r of MEASURED_ROWS) {
    if (r.model) models.add(r.model);
    if (r.gpu) gpus.add(r.gpu);
  }
  return { models, gpus };
}
