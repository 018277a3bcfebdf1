import { formatParams, formatRatio, formatWithUnit } from "../format";

/**
 * How a lesson figure is printed: ratios as "13.5×", parameter counts as "70.6 B", everything else by its SI unit
 * (lib/format does the work; this only picks the function).
 */
export function showValue(value: number, unit: string, key = ""): string {
  if (unit === "×") return formatRatio(value);
  if (unit === "1" && (key.startsWith("params.") || /Params$/.test(key))) return formatParams(value);
  return formatWithUnit(value, unit);
}
