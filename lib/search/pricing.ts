/**
 * The GPU-hour price a plan uses for one GPU.
 * Rule: no provider list → the catalog's representative row for the term (pricePerGpuHour: median of the
 * best-confidence rows). A provider list → each allowed provider's representative row, and the cheapest of them
 * (you would rent from the cheapest provider you allow). No row → null: the GPU is rejected with that reason.
 */
import { pricePerGpuHour } from "../catalog";
import type { PricingTerm } from "../catalog/types";
import type { PriceRef } from "./types";

export function priceFor(gpuId: string, term: PricingTerm, providers: readonly string[]): PriceRef | null {
  const rows =
    providers.length === 0
      ? [pricePerGpuHour(gpuId, term)]
      : providers.map((p) => pricePerGpuHour(gpuId, term, p));
  let best: PriceRef | null = null;
  for (const r of rows) {
    if (!r) continue;
    if (best === null || r.perGpuHour < best.perGpuHour) {
      best = {
        perGpuHour: r.perGpuHour,
        provider: r.provider,
        instance: r.instance,
        term: r.term,
        dateSeen: r.dateSeen,
        source: r.source,
        confidence: r.confidence,
      };
    }
  }
  return best;
}
