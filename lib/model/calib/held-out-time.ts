import type { FitContext } from "./fit";
import { fitAll } from "./fit-all";
import { measuredDate } from "./harness";
import { breakdowns, EMPTY_GROUP, record, roundGroup, roundRecord, strip, type HeldOutGroup } from "./held-out";
import { predictRows, type RowResult } from "./lomo";
import type { CalibRow } from "./rows";

/**
 * Held out forward in time: each month's runs predicted by a fit on the runs measured before that month.
 *
 * This is the situation of a user planning today with factors fitted on last month's benchmarks: newer engine
 * releases, newer recipes, the same physics. Leave-one-model-out holds out an architecture; this holds out the
 * future. A run's month is the `measured=YYYY-MM-DD` its source records; runs that record no date (the older
 * AIConfigurator sweeps) take part in neither side, so no fit sees a run that may have been measured after the
 * month it predicts. A month is predicted only when some run before it was measured.
 */

/** The month ("YYYY-MM") a run was measured in, from its source's `measured=` field; null when it records none. */
export function measuredMonth(source: string): string | null {
  return measuredDate(source)?.slice(0, 7) ?? null;
}

/** One month predicted by the fit on every dated run before it. */
export interface MonthFold {
  readonly month: string;
  /** Dated runs the fit saw (all measured before `month`). */
  readonly trainRuns: number;
  /** Architectures measured this month that no earlier run measured: a new model as well as a new month. */
  readonly unseenArchs: readonly string[];
  readonly results: readonly RowResult[];
}

/** Rolling-origin folds: every month after the first predicted by a fit on the months before it. */
export function forwardInTime(rows: readonly CalibRow[], ctx: FitContext, maxEvals?: number): MonthFold[] {
  const dated = rows.flatMap((r) => {
    const month = measuredMonth(r.source);
    return month ? [{ r, month }] : [];
  });
  const months = [...new Set(dated.map((d) => d.month))].sort();
  return months.slice(1).map((month) => {
    const train = dated.filter((d) => d.month < month).map((d) => d.r);
    const test = dated.filter((d) => d.month === month).map((d) => d.r);
    const seen = new Set(train.map((r) => r.arch));
    const unseenArchs = [...new Set(test.map((r) => r.arch))].filter((a) => !seen.has(a)).sort();
    return { month, trainRuns: train.length, unseenArchs, results: predictRows(test, ctx, fitAll(train, ctx, maxEvals).factors) };
  });
}

/** One month's errors, with the runs its fit saw. */
export interface MonthGroup extends HeldOutGroup {
  readonly month: string;
  readonly trainRuns: number;
  readonly unseenArchs: readonly string[];
}

/** Forward-in-time figures, as written into calibration.generated.ts (HELD_OUT_TIME) and shown on /validate. */
export interface TimeHeldOut {
  readonly months: readonly MonthGroup[];
  /** Every predicted month together. */
  readonly overall: HeldOutGroup;
  readonly byModel: Readonly<Record<string, HeldOutGroup>>;
  readonly byEngine: Readonly<Record<string, HeldOutGroup>>;
  /** Runs that record no date: in no fit and in no month. */
  readonly undatedRuns: number;
}

/** The folds' errors; `rows` are the runs forwardInTime was given (to count the undated ones). */
export function summariseTime(folds: readonly MonthFold[], rows: readonly CalibRow[]): TimeHeldOut {
  const months = folds.map((f) => {
    const o = breakdowns(f.results).overall[0];
    return { month: f.month, trainRuns: f.trainRuns, unseenArchs: f.unseenArchs, ...(o ? strip(o) : EMPTY_GROUP) };
  });
  const all = folds.flatMap((f) => f.results);
  const b = breakdowns(all);
  return {
    months,
    overall: b.overall[0] ? strip(b.overall[0]) : EMPTY_GROUP,
    byModel: record(b.byModel),
    byEngine: record(b.byEngine),
    undatedRuns: rows.filter((r) => measuredMonth(r.source) === null).length,
  };
}

export function roundTime(t: TimeHeldOut): TimeHeldOut {
  return {
    months: t.months.map((m) => ({ month: m.month, trainRuns: m.trainRuns, unseenArchs: m.unseenArchs, ...roundGroup(m) })),
    overall: roundGroup(t.overall),
    byModel: roundRecord(t.byModel),
    byEngine: roundRecord(t.byEngine),
    undatedRuns: t.undatedRuns,
  };
}
