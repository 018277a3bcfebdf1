/**
 * Number → text for derivation strings only (lib/model may import nothing outside itself; user-facing formatting
 * of results lives in lib/format.ts). Three significant digits with an SI prefix.
 */
const PREFIXES: readonly [number, string][] = [
  [1e15, "P"],
  [1e12, "T"],
  [1e9, "G"],
  [1e6, "M"],
  [1e3, "k"],
];

export function sig(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e4 || a < 1e-3) return x.toExponential(digits - 1).replace("e+", "e");
  return Number(x.toPrecision(digits)).toString();
}

export function si(x: number, unit: string): string {
  const a = Math.abs(x);
  for (const [f, p] of PREFIXES) if (a >= f) return `${sig(x / f)} ${p}${unit}`;
  return `${sig(x)} ${unit}`;
}

export function secs(x: number): string {
  const a = Math.abs(x);
  if (a >= 1) return `${sig(x)} s`;
  if (a >= 1e-3) return `${sig(x * 1e3)} ms`;
  return `${sig(x * 1e6)} µs`;
}

export const bytesStr = (x: number) => si(x, "B");
export const flopStr = (x: number) => si(x, "FLOP");
export const usdStr = (x: number) => `$${sig(x, 4)}`;
export const count = (x: number) => si(x, "");
/** A whole number in full ("1024", not "1020"); anything else as sig. */
export const int = (x: number) => (Number.isInteger(x) && Math.abs(x) < 1e15 ? String(x) : sig(x));
