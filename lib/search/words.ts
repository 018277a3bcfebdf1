/**
 * Numbers inside the planner's sentences (summary, advice, rejection examples). Figures the UI shows as numbers go
 * through lib/format.ts at the edge; these are only for text the search itself writes.
 */
import { secs } from "../model/explain-format";

/** "$10,651", "$12.40", "$0.052". */
export function usd(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1000) return `$${Math.round(x).toLocaleString("en-US")}`;
  if (a >= 1) return `$${x.toFixed(2)}`;
  return `$${Number(x.toPrecision(2))}`;
}

/** "686 ms", "1.2 s" from milliseconds. */
export function ms(x: number): string {
  return secs(x / 1000);
}

/** "9.3 million", "41,000", "12". */
export function amount(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e9) return `${Number((x / 1e9).toPrecision(2))} billion`;
  if (a >= 1e6) return `${Number((x / 1e6).toPrecision(2))} million`;
  if (a >= 1000) return Math.round(Number(x.toPrecision(2))).toLocaleString("en-US");
  return String(Math.round(x));
}
