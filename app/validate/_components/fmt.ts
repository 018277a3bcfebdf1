/**
 * The few formatters /validate needs beyond lib/format.ts (the one place numbers become strings): all delegate to it.
 */
import { MISSING, formatCount, formatMs, formatPercent, formatRate, formatRatio } from "../../../lib/format";

export const ms = formatMs;
export const pct = formatPercent;
export const count = formatCount;
export const ratio = formatRatio;

/** A signed error: +0.12 → "+12 %", −0.3 → "−30 %". */
export function signedPct(f: number | null | undefined): string {
  if (f === null || f === undefined || !Number.isFinite(f)) return MISSING;
  const s = formatPercent(Math.abs(f));
  return f > 0 ? `+${s}` : f < 0 ? `−${s}` : s;
}

/** A published or predicted figure in its unit ("ms" or a rate such as "tok/s/gpu"). */
export function figure(n: number | null | undefined, unit: string): string {
  return unit === "ms" ? formatMs(n) : formatRate(n, unit);
}

/** Log-axis ticks: 1 ms, 10 ms, 100 ms, 1 s. */
export function tickMs(n: number): string {
  return formatMs(n);
}
