import { ESTIMATED_GPU_PRICES, PUBLISHED_GPU_PRICES } from "./prices-extra";
import { REFERENCE_GPU_PRICES } from "./prices-reference";
import type { Confidence, GpuPrice, PricingTerm } from "./types";

/** Every GPU-hour price row: reference rows, rows found in public pages, then labelled estimates (provider "estimate"). */
export const GPU_PRICES: readonly GpuPrice[] = [...REFERENCE_GPU_PRICES, ...PUBLISHED_GPU_PRICES, ...ESTIMATED_GPU_PRICES];

/** Providers with published prices (the "estimate" pseudo-provider is not listed), sorted. */
export const PROVIDERS: readonly string[] = [...new Set(GPU_PRICES.map((p) => p.provider))]
  .filter((p) => p !== "estimate")
  .sort((a, b) => a.localeCompare(b));

const RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };

/**
 * The representative price row for one GPU and term, or null when none is published (e.g. 1yr/3yr for most GPUs:
 * no row is invented; the caller decides).
 *
 * Rule: take the rows for `gpuId` and `term` (and `provider`, case-insensitive, when given). If any of them is
 * high or medium confidence, drop the low-confidence ones (estimates, marketplace floors, stale quotes). Return the
 * median row by per-GPU price (the lower of the two middle rows when the count is even), so the result is always a
 * real row with its own source and date.
 *
 * @example pricePerGpuHour("h100-sxm")?.perGpuHour // median on-demand H100 SXM row across providers
 * @example pricePerGpuHour("a100-40gb", "3yr", "GCP")?.perGpuHour // 1.3266
 */
export function pricePerGpuHour(gpuId: string, term: PricingTerm = "on-demand", provider?: string): GpuPrice | null {
  const wanted = provider?.toLowerCase();
  const rows = GPU_PRICES.filter(
    (p) => p.gpuId === gpuId && p.term === term && (wanted === undefined || p.provider.toLowerCase() === wanted),
  );
  if (rows.length === 0) return null;
  const best = Math.max(...rows.map((p) => Math.min(RANK[p.confidence], RANK.medium)));
  const kept = rows.filter((p) => RANK[p.confidence] >= best).sort((a, b) => a.perGpuHour - b.perGpuHour);
  return kept[Math.floor((kept.length - 1) / 2)] ?? null;
}
