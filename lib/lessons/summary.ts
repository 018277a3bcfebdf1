import { formatParams, formatWithUnit, MISSING } from "../format";
import type { Meters } from "./meters";

/**
 * Fill a card's one-line summary: {params} {flops} {bytes} {kv} → that meter's value, {x:key} → the extra figure with
 * that derivation key. A placeholder without a value prints "—" (never "undefined").
 */
export function fillSummary(template: string, meters: Meters): string {
  return template.replace(/\{(x:)?([a-zA-Z.]+)\}/g, (_, extra: string | undefined, key: string) => {
    const d = extra ? meters.extra.find((e) => e.key === key) : (meters as unknown as Record<string, Meters["params"]>)[key];
    if (!d) return MISSING;
    return !extra && key === "params" ? formatParams(d.value) : formatWithUnit(d.value, d.unit);
  });
}
