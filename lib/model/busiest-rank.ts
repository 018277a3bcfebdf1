import type { Setup } from "./setup";
import { decodeStep, mixedStep, type StepBreakdown } from "./step";

/** Decode sequences per micro-batch on the most loaded rank: with attention DP each iteration waits for ⌈B/(dp·pp)⌉. */
export function rankBatch(B: number, l: Setup["layout"]): number {
  const mean = B / (l.dp * l.pp);
  return l.dp > 1 ? Math.ceil(mean - 1e-9) : mean;
}

/** A pure decode iteration of B sequences in flight, timed on the most loaded rank (the MoE layers see B/pp tokens). */
export function decodeOnBusiestRank(s: Setup, B: number, context: number): StepBreakdown {
  const l = s.layout;
  if (l.dp === 1) return decodeStep(s, B, context);
  return mixedStep(s, rankBatch(B, l), context, 0, 0, Math.max(B / l.pp, 1e-9), 1);
}
