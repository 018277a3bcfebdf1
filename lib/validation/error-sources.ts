import { ape, groupBy, median } from "../model/validation-stats";

/**
 * Where the held-out error sits: in the shape of a setup's curve (how a latency moves with concurrency and output
 * length) or in a constant factor per setup. Each grouping below divides every prediction by its group's median
 * measured / predicted ratio, then measures the error again. That is an oracle — it uses the measurements it is
 * scored on, so it predicts nothing — and it answers one question: how far would the error fall if a factor that
 * is constant within the group were known? A small error left after the per-setup factor says the estimator's curves
 * are right and its level is off by what the setup does not record (engine release, benchmark harness, serving stack).
 */

/** A predicted run as the decomposition needs it: its setup keys and both latencies. */
export interface SourceRecord {
  readonly model: string;
  readonly gpu: string;
  readonly engine: string;
  readonly weights: string;
  readonly engineVersion: string | null;
  readonly isl: number;
  readonly osl: number;
  readonly tp: number;
  readonly dp: number;
  readonly moeEp: number | null;
  readonly mtpDraftTokens: number;
  readonly ttftPred: number;
  readonly ttftMeas: number;
  readonly tpotPred: number;
  readonly tpotMeas: number;
}

export interface ScaledError {
  /** What one factor is constant over. */
  readonly grouping: string;
  readonly groups: number;
  readonly rows: number;
  /** MdAPE after each group's median measured / predicted is divided out (fractions). */
  readonly ttftMdape: number;
  readonly tpotMdape: number;
}

const release = (r: SourceRecord) => `${r.engine} ${r.engineVersion ?? "(not recorded)"}`;

/** A setup: everything a run records but its concurrency and output length. */
const setup = (r: SourceRecord) =>
  [r.model, r.gpu, release(r), r.weights, `tp${r.tp}`, `dp${r.dp}`, `ep${r.moeEp ?? "-"}`, `isl${r.isl}`, `mtp${r.mtpDraftTokens}`].join(" ");

/** The groupings, coarsest first; "none" is the error as predicted. */
export const GROUPINGS: readonly { readonly name: string; readonly key: (r: SourceRecord) => string }[] = [
  { name: "none (as predicted)", key: () => "all-as-is" },
  { name: "engine", key: (r) => r.engine },
  { name: "engine release", key: release },
  { name: "model and engine", key: (r) => `${r.model} ${r.engine}` },
  { name: "setup (all but concurrency and output length)", key: setup },
];

function scaled(recs: readonly SourceRecord[], key: (r: SourceRecord) => string, pred: (r: SourceRecord) => number, meas: (r: SourceRecord) => number, asIs: boolean): number {
  const out: number[] = [];
  for (const group of groupBy(recs, key).values()) {
    const factor = asIs ? 1 : median(group.map((r) => meas(r) / pred(r)));
    for (const r of group) out.push(ape(pred(r) * factor, meas(r)));
  }
  return median(out);
}

/** The held-out error left after a constant factor per group, for each grouping (rows with both latencies > 0). */
export function errorSources(records: readonly SourceRecord[]): ScaledError[] {
  const recs = records.filter((r) => r.ttftPred > 0 && r.tpotPred > 0 && r.ttftMeas > 0 && r.tpotMeas > 0);
  return GROUPINGS.map((g, i) => ({
    grouping: g.name,
    groups: groupBy(recs, g.key).size,
    rows: recs.length,
    ttftMdape: scaled(recs, g.key, (r) => r.ttftPred, (r) => r.ttftMeas, i === 0),
    tpotMdape: scaled(recs, g.key, (r) => r.tpotPred, (r) => r.tpotMeas, i === 0),
  }));
}
