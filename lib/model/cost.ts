import { HOURS_PER_MONTH, SECONDS_PER_HOUR } from "./units";

/**
 * Dollars. The replica costs price × GPUs per hour. Its time splits between prefill (a share ρ, the prefill
 * utilisation) and decode (1 − ρ); input tokens pay for the prefill share, output tokens for the decode share:
 *   $/M input  = $/h × ρ       / (input tokens/s × 3600) × 10⁶
 *   $/M output = $/h × (1 − ρ) / (output tokens/s × 3600) × 10⁶
 *   $/month    = $/h × HOURS_PER_MONTH
 */
export interface Cost {
  readonly perHour: number;
  readonly perMonth: number;
  readonly perMillionInput: number;
  readonly perMillionOutput: number;
}

export function servingCost(
  pricePerGpuHour: number,
  gpus: number,
  prefillShare: number,
  inputTokensPerSecond: number,
  outputTokensPerSecond: number,
): Cost {
  const perHour = pricePerGpuHour * gpus;
  const share = Math.min(1, Math.max(0, prefillShare));
  const perMillionInput =
    inputTokensPerSecond > 0 ? ((perHour * share) / (inputTokensPerSecond * SECONDS_PER_HOUR)) * 1e6 : 0;
  const perMillionOutput =
    outputTokensPerSecond > 0 ? ((perHour * (1 - share)) / (outputTokensPerSecond * SECONDS_PER_HOUR)) * 1e6 : 0;
  return { perHour, perMonth: perHour * HOURS_PER_MONTH, perMillionInput, perMillionOutput };
}
