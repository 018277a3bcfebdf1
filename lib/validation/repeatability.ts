import { BAND, mdape, shareWithin } from "./stats";
import type { MeasuredRow } from "./types";

/**
 * How well do the measurements agree with themselves? Some setups were benchmarked more than once (other dates,
 * engine images or harness versions) and recorded with different figures. Predicting one run of a setup by another
 * run of the very same setup is the best any estimator can hope to do on this data: its error is the floor under
 * the estimator's error, and a target below it cannot be met by any model.
 *
 * A setup is everything the estimator is given: model checkpoint, GPU, engine, weight precision, ISL, OSL,
 * concurrency, the parallel layout and speculative decoding's draft tokens. Rows of one setup with identical figures are the same run recorded twice
 * upstream and count once. For every setup with at least two distinct runs, each run is "predicted" by each other
 * run (ordered pairs, both directions): e = other / run − 1.
 */
/** What a setup is, and its figures: the fields of a measured row this needs. */
export type RepeatRow = Pick<
  MeasuredRow,
  "hfModel" | "gpu" | "engine" | "weights" | "isl" | "osl" | "concurrency" | "tp" | "pp" | "dp" | "moeTp" | "moeEp" | "ttftMs" | "tpotMs"
> & {
  /** Speculative decoding's draft tokens per iteration the run's recipe set (0 or absent: none): part of the setup. */
  readonly mtpDraftTokens?: number;
};

export interface Repeatability {
  /** Setups measured by at least two runs with different figures. */
  readonly setups: number;
  /** Distinct runs of those setups. */
  readonly runs: number;
  /** Those setups by model checkpoint, most first (ties by name): which models the floor speaks for. */
  readonly setupsByModel: readonly { readonly hfModel: string; readonly setups: number }[];
  /** Ordered (run, other run) pairs the figures below are taken over. */
  readonly pairs: number;
  readonly ttftMdape: number | null;
  readonly tpotMdape: number | null;
  /** Share of pairs within ±BAND of each other. */
  readonly ttftWithinBand: number | null;
  readonly tpotWithinBand: number | null;
}

export function setupKey(r: RepeatRow): string {
  const drafts = r.mtpDraftTokens ?? 0;
  return [r.hfModel, r.gpu, r.engine, r.weights, r.isl, r.osl, r.concurrency, r.tp, r.pp, r.dp, r.moeTp ?? "-", r.moeEp ?? "-", ...(drafts > 0 ? [`mtp${drafts}`] : [])].join("|");
}

export function repeatability(rows: readonly RepeatRow[]): Repeatability {
  const bySetup = new Map<string, Map<string, { ttft: number; tpot: number }>>();
  const modelOf = new Map<string, string>();
  for (const r of rows) {
    if (!(r.ttftMs > 0) || !(r.tpotMs > 0)) continue;
    const k = setupKey(r);
    let runs = bySetup.get(k);
    if (!runs) {
      bySetup.set(k, (runs = new Map()));
      modelOf.set(k, r.hfModel);
    }
    // Same figures (to 1 µs / 0.1 µs) = the same run recorded twice upstream.
    runs.set(`${r.ttftMs.toFixed(3)}|${r.tpotMs.toFixed(4)}`, { ttft: r.ttftMs, tpot: r.tpotMs });
  }
  const ttft: number[] = [];
  const tpot: number[] = [];
  let setups = 0;
  let runCount = 0;
  const perModel = new Map<string, number>();
  for (const [k, runs] of bySetup) {
    if (runs.size < 2) continue;
    setups++;
    const m = modelOf.get(k)!;
    perModel.set(m, (perModel.get(m) ?? 0) + 1);
    runCount += runs.size;
    const xs = [...runs.values()];
    for (let i = 0; i < xs.length; i++) {
      for (let j = 0; j < xs.length; j++) {
        if (i === j) continue;
        ttft.push(xs[j]!.ttft / xs[i]!.ttft - 1);
        tpot.push(xs[j]!.tpot / xs[i]!.tpot - 1);
      }
    }
  }
  return {
    setups,
    runs: runCount,
    setupsByModel: [...perModel]
      .map(([hfModel, n]) => ({ hfModel, setups: n }))
      .sort((a, b) => b.setups - a.setups || a.hfModel.localeCompare(b.hfModel)),
    pairs: ttft.length,
    ttftMdape: mdape(ttft),
    tpotMdape: mdape(tpot),
    ttftWithinBand: shareWithin(ttft, BAND),
    tpotWithinBand: shareWithin(tpot, BAND),
  };
}
