/**
 * The one place numbers become strings for people (pages, CLI tables). Inputs are SI (bytes, seconds, FLOP, USD)
 * unless a name says otherwise (`formatMs`). Conventions:
 * - decimal prefixes, as vendors use them: 1 GB = 1e9 B, 1 TB/s = 1e12 B/s;
 * - three significant digits by default ("36.3 GB", "22.4 ms", "691 tok/s");
 * - a space between number and unit, except currency ("$1.2k") and "×";
 * - anything non-finite (NaN, ±Infinity), null or undefined prints as "—", never "NaN".
 */

export const MISSING = "—";

type Num = number | null | undefined;

function finite(x: Num): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

/**
 * `digits` significant digits, trailing zeros dropped, no exponent for ordinary magnitudes.
 * @example sig(36.337) === "36.3"; sig(0.000123) === "0.000123"; sig(1234) === "1,234"
 */
export function sig(x: number, digits = 3): string {
  if (x === 0) return "0";
  const r = Number(x.toPrecision(digits));
  const a = Math.abs(r);
  // Rounding up the largest doubles overflows to Infinity; exponent form then.
  if (!Number.isFinite(r)) return x.toExponential(digits - 1).replace("e+", "e");
  if (a >= 1e21 || a < 1e-9) return r.toExponential(digits - 1).replace("e+", "e");
  return r.toLocaleString("en-US", { maximumFractionDigits: 20, maximumSignificantDigits: digits });
}

const SI: readonly [number, string][] = [
  [1e18, "E"],
  [1e15, "P"],
  [1e12, "T"],
  [1e9, "G"],
  [1e6, "M"],
  [1e3, "k"],
];

/** A value with a decimal SI prefix on `unit`: (36.3e9, "B") → "36.3 GB"; below 1000 no prefix. */
export function formatSi(x: Num, unit: string, digits = 3): string {
  if (!finite(x)) return MISSING;
  const a = Math.abs(x);
  for (const [f, p] of SI) {
    // Compare after rounding so 999,999 B reads "1 MB", not "1,000 kB".
    if (Math.abs(Number((x / f).toPrecision(digits))) >= 1 && a >= f * 0.9995) return `${sig(x / f, digits)} ${p}${unit}`;
  }
  return `${sig(x, digits)} ${unit}`.trimEnd();
}

/** Bytes, decimal: 80e9 → "80 GB", 327680 → "328 kB", 1.2e12 → "1.2 TB". */
export function formatBytes(b: Num, digits = 3): string {
  return formatSi(b, "B", digits);
}

/** Bytes per second, decimal: 3.35e12 → "3.35 TB/s". */
export function formatBandwidth(bps: Num, digits = 3): string {
  return formatSi(bps, "B/s", digits);
}

/** Seconds → "2.15 s", "22.4 ms", "850 µs", "12 ns"; at a minute or more "3.5 min", at an hour "2.1 h". */
export function formatSeconds(s: Num, digits = 3): string {
  if (!finite(s)) return MISSING;
  const a = Math.abs(s);
  if (a === 0) return "0 s";
  if (a >= 3600) return `${sig(s / 3600, digits)} h`;
  if (a >= 60) return `${sig(s / 60, digits)} min`;
  if (a >= 0.9995) return `${sig(s, digits)} s`;
  if (a >= 0.9995e-3) return `${sig(s * 1e3, digits)} ms`;
  if (a >= 0.9995e-6) return `${sig(s * 1e6, digits)} µs`;
  return `${sig(s * 1e9, digits)} ns`;
}

/** Milliseconds (the API's time unit) → same text as formatSeconds. */
export function formatMs(ms: Num, digits = 3): string {
  return finite(ms) ? formatSeconds(ms / 1e3, digits) : MISSING;
}

/**
 * US dollars: "$0", "$0.0042", "$0.052", "$0.40", "$0.52", "$12.40", "$312", "$1.2k", "$46.5k", "$3.1M", "$2.4B".
 * Below $1 keeps 2 significant digits (so $/M-token prices stay readable); $1–$100 two decimals.
 */
export function formatUsd(x: Num): string {
  if (!finite(x)) return MISSING;
  const sign = x < 0 ? "−" : "";
  const a = Math.abs(x);
  let body: string;
  if (a === 0) body = "0";
  else if (a >= 1e9) body = `${sig(a / 1e9)}B`;
  else if (a >= 1e6 * 0.9995) body = `${sig(a / 1e6)}M`;
  else if (a >= 999.5) body = `${sig(a / 1e3)}k`;
  else if (a >= 99.995) body = Math.round(a).toString();
  else if (a >= 1) body = a.toFixed(2);
  else if (a >= 0.01) body = a.toPrecision(2); // "0.40", not "0.4", beside "0.24" in the same column
  else body = sig(a, 2);
  return `${sign}$${body}`;
}

/** Dollars per hour: "$4.20/h". */
export function formatUsdPerHour(x: Num): string {
  return finite(x) ? `${formatUsd(x)}/h` : MISSING;
}

/** FLOP count: 141.1e9 → "141 GFLOP". */
export function formatFlops(f: Num, digits = 3): string {
  return formatSi(f, "FLOP", digits);
}

/** FLOP per second: 1.979e15 → "1.98 PFLOP/s". */
export function formatFlopRate(f: Num, digits = 3): string {
  return formatSi(f, "FLOP/s", digits);
}

/**
 * A count: whole numbers under 10,000 in full with separators ("1,234"), larger ones with k/M/B ("12.3k", "4.5M");
 * fractions to 3 significant digits ("0.25", "44.7").
 */
export function formatCount(n: Num): string {
  if (!finite(n)) return MISSING;
  const a = Math.abs(n);
  if (a >= 1e9 * 0.9995) return `${sig(n / 1e9)}B`;
  if (a >= 1e6 * 0.9995) return `${sig(n / 1e6)}M`;
  if (a >= 9999.5) return `${sig(n / 1e3)}k`;
  if (Number.isInteger(n) || a >= 100) return Math.round(n).toLocaleString("en-US");
  return sig(n);
}

/** A rate with its unit: (691.58, "tok/s") → "692 tok/s", (12345, "tok/s") → "12.3k tok/s". */
export function formatRate(x: Num, unit = "tok/s"): string {
  return finite(x) ? `${formatCount(Number(x.toPrecision(3)))} ${unit}` : MISSING;
}

/** A fraction as a percentage: 0.153 → "15 %", 0.047 → "4.7 %", 1 → "100 %". */
export function formatPercent(fraction: Num): string {
  if (!finite(fraction)) return MISSING;
  const p = fraction * 100;
  if (!Number.isFinite(p)) return MISSING; // |fraction| beyond ~1.8e306
  if (Math.abs(p) >= 1e4) return `${formatCount(p)} %`;
  const digits = Math.abs(p) < 10 && Math.abs(p - Math.round(p)) > 1e-9 ? 1 : 0;
  return `${p.toFixed(digits)} %`;
}

/** A ratio: 1.234 → "1.23×". */
export function formatRatio(x: Num): string {
  return finite(x) ? `${sig(x)}×` : MISSING;
}

/** Parameter counts: 70.55e9 → "70.6 B", 8.03e9 → "8.03 B", 1.3e6 → "1.3 M". */
export function formatParams(n: Num): string {
  if (!finite(n)) return MISSING;
  const a = Math.abs(n);
  if (a >= 1e12 * 0.9995) return `${sig(n / 1e12)} T`;
  if (a >= 1e9 * 0.9995) return `${sig(n / 1e9)} B`;
  if (a >= 1e6 * 0.9995) return `${sig(n / 1e6)} M`;
  return formatCount(n);
}

/**
 * A value in the SI unit a Derivation names ("s", "B", "FLOP", "B/s", "FLOP/s", "USD", "USD/h", "tok/s", "1" …).
 * Unknown units fall back to 3 significant digits and the unit as written.
 */
export function formatWithUnit(value: Num, unit: string): string {
  if (!finite(value)) return MISSING;
  switch (unit) {
    case "s":
      return formatSeconds(value);
    case "ms":
      return formatMs(value);
    case "B":
      return formatBytes(value);
    case "B/s":
      return formatBandwidth(value);
    case "FLOP":
      return formatFlops(value);
    case "FLOP/s":
      return formatFlopRate(value);
    case "USD":
      return formatUsd(value);
    case "USD/h":
      return formatUsdPerHour(value);
    case "USD/month":
      return `${formatUsd(value)}/month`;
    case "USD/Mtok":
      return `${formatUsd(value)}/M tok`;
    case "%":
      return formatPercent(value);
    case "1":
    case "":
      return formatCount(value);
    default:
      return /\/s$/.test(unit) ? formatRate(value, unit) : `${formatCount(value)} ${unit}`;
  }
}
