/**
 * Number → string for /validate, in one file so the page never formats by hand
 * (to be folded into lib/format.ts once it carries percent and latency formatters).
 */
export function ms(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  if (n >= 1000) return `${(n / 1000).toFixed(n >= 10_000 ? 1 : 2)} s`;
  return `${n.toFixed(n >= 100 ? 0 : n >= 10 ? 1 : 2)} ms`;
}

/** A fraction as a percentage: 0.153 → "15 %", 0.047 → "4.7 %". */
export function pct(f: number | null | undefined): string {
  if (f === null || f === undefined || !Number.isFinite(f)) return "—";
  const p = f * 100;
  return `${p.toFixed(Math.abs(p) < 10 ? 1 : 0)} %`;
}

/** A signed error: +0.12 → "+12 %", −0.3 → "−30 %". */
export function signedPct(f: number | null | undefined): string {
  if (f === null || f === undefined || !Number.isFinite(f)) return "—";
  const s = pct(Math.abs(f));
  return f > 0 ? `+${s}` : f < 0 ? `−${s}` : s;
}

export function count(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  return Math.round(n).toLocaleString("en-US");
}

/** A measured or predicted figure in its unit: tok/s rounded to 3 significant digits, ms via `ms`. */
export function figure(n: number | null | undefined, unit: string): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  if (unit === "ms") return ms(n);
  const digits = n >= 100 ? 0 : n >= 10 ? 1 : 2;
  return `${n.toLocaleString("en-US", { maximumFractionDigits: digits })} ${unit}`;
}

/** Axis ticks on a log scale: 1, 10, 100 ms, 1 s … */
export function tickMs(n: number): string {
  return n >= 1000 ? `${n / 1000} s` : `${n} ms`;
}

export function ratio(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return `${x.toFixed(2)}×`;
}
