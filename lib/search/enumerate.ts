/**
 * The search space, and what is impossible before any estimate.
 *
 * Replica layouts (GPUs per replica = tp · dp · pp):
 *  - tp (and, for MoE, the stage size tp·dp) runs over powers of two from 1 to the NVLink domain (64 at most):
 *    tensor and expert parallelism need the fast scale-up link;
 *  - pp ∈ {1, 2, 4, 8} on top: pipeline stages may span nodes (point-to-point traffic only);
 *  - dense models: dp = 1 inside a replica (data parallelism is more replicas);
 *  - MoE models, per stage size s: TP experts (tp = s), TP attention + EP experts (tp = s, ep = s), and
 *    attention-DP + EP ("DEP": dp = s, ep = s).
 * Layouts the model cannot run (heads not divisible, more stages than layers, experts not divisible) are counted,
 * not estimated.
 */
import type { GpuSpec, ModelArch } from "../catalog/types";
import { layoutProblems, resolveLayout } from "../model/layout";

export interface LayoutChoice {
  readonly tp: number;
  readonly pp: number;
  readonly dp: number;
  readonly moeEp: number;
  readonly gpus: number;
}

export const MAX_STAGE_GPUS = 64;
export const PIPELINE_STAGES = [1, 2, 4, 8] as const;

/** Max requests in flight per replica, tried for each layout (capped by KV capacity). */
export const CONCURRENCY_GRID = [1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512] as const;

function powersOfTwoUpTo(n: number): number[] {
  const out: number[] = [];
  for (let x = 1; x <= n; x *= 2) out.push(x);
  return out;
}

export interface LayoutEnumeration {
  readonly valid: readonly LayoutChoice[];
  /** Layouts enumerated but impossible for this model (counted as "layout" rejections). */
  readonly invalid: readonly { readonly layout: LayoutChoice; readonly problem: string }[];
}

export function enumerateLayouts(model: ModelArch, gpu: GpuSpec): LayoutEnumeration {
  const stages = powersOfTwoUpTo(Math.min(gpu.nvlinkDomain, MAX_STAGE_GPUS));
  const shapes: { tp: number; dp: number; moeEp: number }[] = [];
  for (const s of stages) {
    shapes.push({ tp: s, dp: 1, moeEp: 1 });
    if (model.moe && s > 1) {
      shapes.push({ tp: s, dp: 1, moeEp: s });
      shapes.push({ tp: 1, dp: s, moeEp: s });
    }
  }
  const valid: LayoutChoice[] = [];
  const invalid: { layout: LayoutChoice; problem: string }[] = [];
  for (const sh of shapes) {
    for (const pp of PIPELINE_STAGES) {
      const layout: LayoutChoice = { tp: sh.tp, pp, dp: sh.dp, moeEp: sh.moeEp, gpus: sh.tp * sh.dp * pp };
      const problems = layoutProblems(model, resolveLayout(model, gpu, layout));
      if (problems.length === 0) valid.push(layout);
      else invalid.push({ layout, problem: problems[0] ?? "invalid layout" });
    }
  }
  return { valid, invalid };
}

/** Short label of a layout: "TP4", "TP2·PP2", "DP8·EP8". */
export function layoutLabel(l: { tp: number; pp: number; dp: number; moeEp: number }): string {
  const parts: string[] = [];
  if (l.tp > 1 || (l.dp === 1 && l.pp === 1)) parts.push(`TP${l.tp}`);
  if (l.dp > 1) parts.push(`DP${l.dp}`);
  if (l.moeEp > 1) parts.push(`EP${l.moeEp}`);
  if (l.pp > 1) parts.push(`PP${l.pp}`);
  return parts.join("·");
}
