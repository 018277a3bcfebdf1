/**
 * Number → string for the plan pages, through lib/format.ts (the one place numbers become
 * strings); only the choice of formatter per column kind lives here.
 */
import { formatCount, formatMs, formatPercent, formatUsd, MISSING } from "@/lib/format";

export const usd = (n: number | null | undefined): string => formatUsd(n);
export const ms = (n: number | null | undefined): string => formatMs(n);

export function dateTime(d: Date): string {
  return d.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

/** A flattened input value. */
export function leaf(v: unknown): string {
  if (v === undefined) return MISSING;
  if (v === null) return "none";
  if (Array.isArray(v)) return v.length === 0 ? "(none)" : v.map(leaf).join(", ");
  if (typeof v === "number") return formatCount(v);
  return String(v);
}

/** An options-table cell by column kind. */
export function cell(v: unknown, kind: "text" | "int" | "ms" | "usd" | "rate" | "pct"): string {
  if (v === null || v === undefined || v === "") return MISSING;
  if (typeof v !== "number") return String(v);
  switch (kind) {
    case "usd":
      return formatUsd(v);
    case "ms":
      return formatMs(v);
    case "pct":
      return formatPercent(v);
    default:
      return formatCount(v);
  }
}
