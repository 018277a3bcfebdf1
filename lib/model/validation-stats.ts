/** Error statistics for validation: pure, no I/O. */

/** |predicted − measured| / measured. */
export function ape(predicted: number, measured: number): number {
  return Math.abs(predicted - measured) / measured;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median absolute percentage error, as a fraction (0.15 = 15 %). */
export function mdape(pairs: readonly { predicted: number; measured: number }[]): number {
  return median(pairs.map((p) => ape(p.predicted, p.measured)));
}

/** Share of pairs whose error is within ±tol (fraction). */
export function shareWithin(pairs: readonly { predicted: number; measured: number }[], tol = 0.25): number {
  if (pairs.length === 0) return NaN;
  return pairs.filter((p) => ape(p.predicted, p.measured) <= tol).length / pairs.length;
}

export interface ValidationRecord {
  readonly model: string;
  readonly gpu: string;
  readonly engine: string;
  readonly weights: string;
  readonly predicted: boolean;
  readonly tpotPred: number;
  readonly tpotMeas: number;
  readonly ttftPred: number;
  readonly ttftMeas: number;
}

export interface GroupStats {
  readonly group: string;
  readonly rows: number;
  /** Fraction of rows the estimator could predict. */
  readonly predictedShare: number;
  readonly tpotMdape: number;
  readonly ttftMdape: number;
  /** Fraction of predicted rows with TPOT within ±25 %. */
  readonly tpotWithin25: number;
  /** Fraction of predicted rows with TTFT within ±25 %. */
  readonly ttftWithin25: number;
}

export function groupStats(group: string, recs: readonly ValidationRecord[]): GroupStats {
  const ok = recs.filter((r) => r.predicted);
  const tp = ok.map((r) => ({ predicted: r.tpotPred, measured: r.tpotMeas }));
  const tt = ok.map((r) => ({ predicted: r.ttftPred, measured: r.ttftMeas }));
  return {
    group,
    rows: recs.length,
    predictedShare: recs.length ? ok.length / recs.length : NaN,
    tpotMdape: mdape(tp),
    ttftMdape: mdape(tt),
    tpotWithin25: shareWithin(tp),
    ttftWithin25: shareWithin(tt),
  };
}

/** Items by key, each group in input order, the groups in order of first appearance. */
export function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const arr = m.get(k);
    if (arr) arr.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** Group records by a key and compute stats per group, sorted by key. */
export function statsBy<T extends ValidationRecord>(recs: readonly T[], key: (r: T) => string): GroupStats[] {
  const m = groupBy(recs, key);
  return [...m.keys()].sort().map((k) => groupStats(k, m.get(k)!));
}

/** Round to 4 significant digits (stable, readable generated files); NaN and ±Infinity pass through. */
export function round4(x: number): number {
  return Number(x.toPrecision(4));
}
