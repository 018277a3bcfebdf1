/**
 * Number → string for the plan pages. Kept in one file so the pages never format by hand.
 */
export function usd(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  const a = Math.abs(n);
  if (a >= 1e6) return `$${(n / 1e6).toFixed(a >= 1e7 ? 1 : 2)}M`;
  if (a >= 1e3) return `$${(n / 1e3).toFixed(a >= 1e4 ? 0 : 1)}k`;
  return `$${n.toFixed(a >= 100 ? 0 : 2)}`;
}

export function usdExact(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  return `$${n.toLocaleString("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 2 })}`;
}

export function ms(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  return n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(n >= 100 ? 0 : 1)} ms`;
}

export function dateTime(d: Date): string {
  return d.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

export function leaf(v: unknown): string {
  if (v === undefined) return "—";
  if (v === null) return "none";
  if (Array.isArray(v)) return v.length === 0 ? "(none)" : v.map(leaf).join(", ");
  if (typeof v === "number") return Number.isInteger(v) ? v.toLocaleString("en-US") : String(v);
  return String(v);
}

/** An options-table cell by column kind. */
export function cell(v: unknown, kind: "text" | "int" | "ms" | "usd" | "rate" | "pct"): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v !== "number") return String(v);
  switch (kind) {
    case "usd":
      return Math.abs(v) >= 1000 ? usd(v) : `$${v.toFixed(Math.abs(v) >= 10 ? 2 : 4).replace(/0+$/, "").replace(/\.$/, "")}`;
    case "ms":
      return ms(v);
    case "pct":
      return `${(v * 100).toFixed(0)} %`;
    case "int":
      return Math.round(v).toLocaleString("en-US");
    default:
      return Number.isInteger(v) ? v.toLocaleString("en-US") : v.toFixed(1);
  }
}
