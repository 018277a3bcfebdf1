/**
 * Number → text for the planner page. (lib/format.ts is the shared home for these; the page keeps its few here
 * until that lands, so it never formats inline.)
 */
const dash = "—";
const ok = (n: number | null | undefined): n is number => n !== null && n !== undefined && Number.isFinite(n);

/** "$10,651", "$12.40", "$0.052". */
export function usd(n: number | null | undefined): string {
  if (!ok(n)) return dash;
  const a = Math.abs(n);
  if (a >= 1000) return `$${Math.round(n).toLocaleString("en-US")}`;
  if (a >= 1) return `$${n.toFixed(2)}`;
  if (a === 0) return "$0";
  return `$${Number(n.toPrecision(2))}`;
}

/** Milliseconds: "686 ms", "23.1 ms", "1.34 s". */
export function ms(n: number | null | undefined): string {
  if (!ok(n)) return dash;
  if (n >= 1000) return `${(n / 1000).toFixed(n >= 10_000 ? 1 : 2)} s`;
  return `${n >= 100 ? Math.round(n) : n.toFixed(1)} ms`;
}

/** Plain count with separators: "121,344". */
export function int(n: number | null | undefined): string {
  return ok(n) ? Math.round(n).toLocaleString("en-US") : dash;
}

/** Rates and other reals, 3 significant digits: "17.4", "2,130". */
export function num(n: number | null | undefined): string {
  if (!ok(n)) return dash;
  const a = Math.abs(n);
  if (a >= 1000) return Math.round(n).toLocaleString("en-US");
  return String(Number(n.toPrecision(3)));
}

/** 0.83 → "83%". */
export function pct(n: number | null | undefined): string {
  return ok(n) ? `${Math.round(n * 100)}%` : dash;
}

/** Large counts in words: "9.3 million". */
export function amount(n: number | null | undefined): string {
  if (!ok(n)) return dash;
  const a = Math.abs(n);
  if (a >= 1e9) return `${Number((n / 1e9).toPrecision(2))} billion`;
  if (a >= 1e6) return `${Number((n / 1e6).toPrecision(2))} million`;
  return int(n);
}

/** A derivation's value in its unit. */
export function derivationValue(value: number, unit: string): string {
  switch (unit) {
    case "s":
      return ms(value * 1000);
    case "USD":
      return usd(value);
    case "1":
      return Math.abs(value) < 10 && !Number.isInteger(value) ? String(Number(value.toPrecision(3))) : num(value);
    default:
      return `${num(value)} ${unit}`;
  }
}
