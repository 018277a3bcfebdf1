/**
 * Error statistics of predictions against measurements. Errors are signed fractions:
 * e = predicted / measured − 1 (+0.25 = predicted 25 % above the measurement).
 */

/** predicted / measured − 1; null when either value is not a positive finite number. */
export function relativeError(predicted: number, measured: number): number | null {
  if (!Number.isFinite(predicted) || !Number.isFinite(measured) || predicted <= 0 || measured <= 0) return null;
  return predicted / measured - 1;
}

/** Median of the values (mean of the middle two for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median absolute percentage error, as a fraction: median(|e|). */
export function mdape(errors: readonly number[]): number | null {
  return median(errors.map(Math.abs));
}

/** Share of errors with |e| ≤ band (inclusive); null for an empty list. */
export function shareWithin(errors: readonly number[], band: number): number | null {
  if (errors.length === 0) return null;
  return errors.filter((e) => Math.abs(e) <= band).length / errors.length;
}

/** The ±25 % band of the targets and the page's scatter. */
export const BAND = 0.25;

/** Error figures of one group of rows. */
export interface ErrorSummary {
  /** Rows in the group. */
  readonly rows: number;
  /** Rows the estimator predicted (a fitting configuration with finite times). */
  readonly predicted: number;
  readonly sharePredicted: number | null;
  readonly tpotMdape: number | null;
  readonly ttftMdape: number | null;
  /** Median signed error: > 0 the estimator predicts slower than measured. */
  readonly tpotBias: number | null;
  readonly ttftBias: number | null;
  readonly tpotWithinBand: number | null;
  readonly ttftWithinBand: number | null;
}

export interface RowErrors {
  readonly tpotErr: number | null;
  readonly ttftErr: number | null;
}

/** Summarise a group: a row counts as predicted when both its errors exist. */
export function summarize(rows: readonly RowErrors[]): ErrorSummary {
  const done = rows.filter((r) => r.tpotErr !== null && r.ttftErr !== null);
  const tpot = done.map((r) => r.tpotErr!);
  const ttft = done.map((r) => r.ttftErr!);
  return {
    rows: rows.length,
    predicted: done.length,
    sharePredicted: rows.length === 0 ? null : done.length / rows.length,
    tpotMdape: mdape(tpot),
    ttftMdape: mdape(ttft),
    tpotBias: median(tpot),
    ttftBias: median(ttft),
    tpotWithinBand: shareWithin(tpot, BAND),
    ttftWithinBand: shareWithin(ttft, BAND),
  };
}
