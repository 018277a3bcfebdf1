/**
 * Summary of held-out (leave-one-model-out) predictions: error breakdowns, the MoE small-batch throughput check and
 * the accuracy targets. Pure, no I/O — used by scripts/validate.ts (printed) and scripts/calibrate.ts (written into
 * calibration.generated.ts as HELD_OUT, shown on /validate).
 */
import { median, round4 as r4, statsBy, type GroupStats } from "../validation-stats";
import { throughputOf, type RowResult } from "./lomo";
import { benchmarkHarness } from "./harness";
import { errorSources, type ScaledError } from "../../validation/error-sources";

/** GroupStats without its key (the key is the record's property name). */
export type HeldOutGroup = Omit<GroupStats, "group">;

export interface MoeSmallBatch {
  /** Predicted MoE rows at concurrency 1–8. */
  readonly rows: number;
  /** Largest predicted / measured output throughput (NaN when no rows). */
  readonly maxOvershoot: number;
  /** Median predicted / measured output throughput (NaN when no rows). */
  readonly medianRatio: number;
  /**
   * Largest predicted / measured per-user decode speed, 1/TPOT = measured TPOT / predicted TPOT (NaN when no rows):
   * the decode-only view of the same rows, without the first-token latency that the closed-loop throughput includes.
   */
  readonly maxDecodeOvershoot: number;
  /** The rows over the limit (HELD_OUT_LIMITS.moeMaxOvershoot), worst first, with what the fit predicted for them. */
  readonly over: readonly MoeOvershoot[];
}

/** One MoE run at concurrency 1–8 whose predicted throughput overshoots the measured one past the limit. */
export interface MoeOvershoot {
  /** The run's upstream id (MeasuredRow.id), to find its measurement. */
  readonly id: string;
  /** Predicted / measured closed-loop output throughput. */
  readonly overshoot: number;
  readonly ttftPredMs: number;
  readonly tpotPredMs: number;
}

export interface HeldOutTarget {
  readonly value: number;
  readonly limit: number;
  /** "max": met when value ≤ limit; "min": met when value ≥ limit. NaN never meets. */
  readonly kind: "max" | "min";
  readonly met: boolean;
}

export interface HeldOutTargets {
  readonly tpotMdape: HeldOutTarget;
  readonly ttftMdape: HeldOutTarget;
  readonly predictedShare: HeldOutTarget;
  readonly moeMaxOvershoot: HeldOutTarget;
  readonly allMet: boolean;
}

export interface HeldOutSummary {
  /** The ±band of the "within" shares (tpotWithin25, ttftWithin25): shareWithin's default tolerance. */
  readonly band: number;
  readonly overall: HeldOutGroup;
  readonly byModel: Readonly<Record<string, HeldOutGroup>>;
  readonly byGpu: Readonly<Record<string, HeldOutGroup>>;
  readonly byEngine: Readonly<Record<string, HeldOutGroup>>;
  readonly byWeights: Readonly<Record<string, HeldOutGroup>>;
  readonly byMoe: Readonly<Record<string, HeldOutGroup>>;
  /** By the harness that measured the run (benchmarkHarness: InferenceMAX or AIConfigurator), then by its engine. */
  readonly byHarnessEngine: Readonly<Record<string, HeldOutGroup>>;
  /**
   * The error left after one constant factor per engine, release, model or setup is divided out: an oracle that
   * locates the error (curves vs levels), not a prediction (lib/validation/error-sources.ts). Absent in files
   * written before it existed.
   */
  readonly errorSources?: readonly ScaledError[];
  readonly moeSmallBatch: MoeSmallBatch;
  readonly targets: HeldOutTargets;
}

/** The accuracy targets of issue 3 (held-out figures). */
export const HELD_OUT_LIMITS = {
  tpotMdape: 0.15,
  ttftMdape: 0.25,
  predictedShare: 0.95,
  moeMaxOvershoot: 2,
} as const;

/** The band of the "within" shares: groupStats counts errors within shareWithin's default ±25 %. */
export const HELD_OUT_BAND = 0.25;

/** MoE concurrency ceiling of the small-batch throughput check. */
export const MOE_SMALL_BATCH_MAX_CONCURRENCY = 8;

/** The breakdowns as GroupStats lists (sorted by key), as scripts/validate.ts prints them. */
export function breakdowns(recs: readonly RowResult[]) {
  return {
    overall: statsBy(recs, () => "overall"),
    byModel: statsBy(recs, (r) => r.model),
    byGpu: statsBy(recs, (r) => r.gpu),
    byEngine: statsBy(recs, (r) => r.engine),
    byWeights: statsBy(recs, (r) => r.weights),
    byMoe: statsBy(recs, (r) => (r.moe ? "MoE" : "dense")),
    byHarness: statsBy(recs, (r) => benchmarkHarness(r.source)),
    byHarnessEngine: statsBy(recs, (r) => `${benchmarkHarness(r.source)} ${r.engine}`),
  };
}

/** Label of a row's engine release: "trtllm 1.2.0rc6.post3", or "sglang (release not recorded)". */
export function releaseLabel(r: Pick<RowResult, "engine" | "engineVersion">): string {
  return `${r.engine} ${r.engineVersion ?? "(release not recorded)"}`;
}

/**
 * Errors per engine release (sorted by label). The engine's release is not an input of the estimator, so the spread
 * between the releases of one engine is error no engine factor can remove (lib/validation/releases.ts measures it).
 */
export function byRelease(recs: readonly RowResult[]): GroupStats[] {
  return statsBy(recs, releaseLabel);
}

/** Each predicted MoE row at concurrency 1–8 with its predicted / measured output throughput (the overshoot). */
function moeSmallBatchOvershoots(recs: readonly RowResult[]): { row: RowResult; overshoot: number }[] {
  return recs
    .filter((r) => r.moe && r.predicted && r.concurrency <= MOE_SMALL_BATCH_MAX_CONCURRENCY)
    .map((row) => ({
      row,
      overshoot:
        throughputOf(row.concurrency, row.osl, row.ttftPred, row.tpotPred) / throughputOf(row.concurrency, row.osl, row.ttftMeas, row.tpotMeas),
    }));
}

/** MoE rows at concurrency 1–8 whose predicted throughput overshoots the measured one by more than `limit`×, worst first. */
export function moeOvershootRows(recs: readonly RowResult[], limit: number = HELD_OUT_LIMITS.moeMaxOvershoot): { row: RowResult; overshoot: number }[] {
  return moeSmallBatchOvershoots(recs)
    .filter((x) => x.overshoot > limit)
    .sort((a, b) => b.overshoot - a.overshoot);
}

/** MoE rows at concurrency 1–8: predicted / measured throughput; the worst overshoot must stay ≤ 2×. */
export function moeSmallBatch(recs: readonly RowResult[]): MoeSmallBatch {
  const over = moeSmallBatchOvershoots(recs);
  const xs = over.map((x) => x.overshoot);
  const decode = over.map(({ row: r }) => r.tpotMeas / r.tpotPred);
  return {
    rows: xs.length,
    maxOvershoot: xs.length ? Math.max(...xs) : NaN,
    medianRatio: median(xs),
    maxDecodeOvershoot: decode.length ? Math.max(...decode) : NaN,
    over: moeOvershootRows(recs).map(({ row, overshoot }) => ({
      id: row.id,
      overshoot,
      ttftPredMs: row.ttftPred,
      tpotPredMs: row.tpotPred,
    })),
  };
}

function target(value: number, limit: number, kind: "max" | "min"): HeldOutTarget {
  const met = Number.isFinite(value) && (kind === "max" ? value <= limit : value >= limit);
  return { value, limit, kind, met };
}

/** Judge the overall held-out figures and the MoE overshoot against HELD_OUT_LIMITS. */
export function evaluateTargets(overall: HeldOutGroup, moe: MoeSmallBatch): HeldOutTargets {
  const tpotMdape = target(overall.tpotMdape, HELD_OUT_LIMITS.tpotMdape, "max");
  const ttftMdape = target(overall.ttftMdape, HELD_OUT_LIMITS.ttftMdape, "max");
  const predictedShare = target(overall.predictedShare, HELD_OUT_LIMITS.predictedShare, "min");
  const moeMaxOvershoot = target(moe.maxOvershoot, HELD_OUT_LIMITS.moeMaxOvershoot, "max");
  return {
    tpotMdape,
    ttftMdape,
    predictedShare,
    moeMaxOvershoot,
    allMet: tpotMdape.met && ttftMdape.met && predictedShare.met && moeMaxOvershoot.met,
  };
}

export function strip(s: GroupStats): HeldOutGroup {
  const { group: _group, ...rest } = s;
  return rest;
}

export function record(list: readonly GroupStats[]): Record<string, HeldOutGroup> {
  return Object.fromEntries(list.map((s) => [s.group, strip(s)]));
}

export const EMPTY_GROUP: HeldOutGroup = {
  rows: 0,
  predictedShare: NaN,
  tpotMdape: NaN,
  ttftMdape: NaN,
  tpotWithin25: NaN,
  ttftWithin25: NaN,
};

/** Everything /validate and `npm run validate` report about a set of held-out predictions. */
export function summariseHeldOut(recs: readonly RowResult[]): HeldOutSummary {
  const b = breakdowns(recs);
  const overall = b.overall[0] ? strip(b.overall[0]) : EMPTY_GROUP;
  const moe = moeSmallBatch(recs);
  return {
    band: HELD_OUT_BAND,
    overall,
    byModel: record(b.byModel),
    byGpu: record(b.byGpu),
    byEngine: record(b.byEngine),
    byWeights: record(b.byWeights),
    byMoe: record(b.byMoe),
    byHarnessEngine: record([...b.byHarness, ...b.byHarnessEngine]),
    errorSources: errorSources(recs.filter((r) => r.predicted)),
    moeSmallBatch: moe,
    targets: evaluateTargets(overall, moe),
  };
}

export function roundGroup(g: HeldOutGroup): HeldOutGroup {
  return {
    rows: g.rows,
    predictedShare: r4(g.predictedShare),
    tpotMdape: r4(g.tpotMdape),
    ttftMdape: r4(g.ttftMdape),
    tpotWithin25: r4(g.tpotWithin25),
    ttftWithin25: r4(g.ttftWithin25),
  };
}

export function roundRecord(r: Readonly<Record<string, HeldOutGroup>>): Record<string, HeldOutGroup> {
  return Object.fromEntries(
    Object.keys(r)
      .sort()
      .map((k) => [k, roundGroup(r[k]!)]),
  );
}

/**
 * The summary with every figure rounded to 4 significant digits, keys sorted, and the targets judged again on the
 * rounded figures — so a written file is consistent with itself.
 */
export function roundHeldOut(s: HeldOutSummary): HeldOutSummary {
  const overall = roundGroup(s.overall);
  const moe: MoeSmallBatch = {
    rows: s.moeSmallBatch.rows,
    maxOvershoot: r4(s.moeSmallBatch.maxOvershoot),
    medianRatio: r4(s.moeSmallBatch.medianRatio),
    maxDecodeOvershoot: r4(s.moeSmallBatch.maxDecodeOvershoot),
    over: s.moeSmallBatch.over.map((o) => ({
      id: o.id,
      overshoot: r4(o.overshoot),
      ttftPredMs: r4(o.ttftPredMs),
      tpotPredMs: r4(o.tpotPredMs),
    })),
  };
  return {
    band: s.band,
    overall,
    byModel: roundRecord(s.byModel),
    byGpu: roundRecord(s.byGpu),
    byEngine: roundRecord(s.byEngine),
    byWeights: roundRecord(s.byWeights),
    byMoe: roundRecord(s.byMoe),
    byHarnessEngine: roundRecord(s.byHarnessEngine),
    ...(s.errorSources
      ? { errorSources: s.errorSources.map((e) => ({ ...e, ttftMdape: r4(e.ttftMdape), tpotMdape: r4(e.tpotMdape) })) }
      : {}),
    moeSmallBatch: moe,
    targets: evaluateTargets(overall, moe),
  };
}
