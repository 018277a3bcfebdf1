import type { EngineId } from "../../catalog/types";
import { generationClass, type EngineFactors, type EngineProfile, type GenerationClass } from "../engine-types";
import { PRIOR_FACTORS } from "../engines";
import { fitProfile, FITTED_FACTORS, type FitContext } from "./fit";
import type { CalibRow } from "./rows";

const KV_FP8: Readonly<Record<EngineId, boolean>> = { trtllm: true, vllm: false, sglang: false };

export function profileKey(engine: EngineId, g: GenerationClass): string {
  return `${engine}:${g}`;
}

export function rowKey(r: CalibRow, ctx: FitContext): string {
  return profileKey(r.engine, generationClass(ctx.gpus.get(r.gpu)!.generation));
}

/** A profile built on the priors (the starting point of every fit). */
export function priorProfile(engine: EngineId, generation: GenerationClass): EngineProfile {
  return { engine, generation, factors: PRIOR_FACTORS, kvFp8ByDefault: KV_FP8[engine], origin: "default" };
}

export interface FitAllResult {
  readonly factors: Record<string, EngineFactors>;
  readonly rowsPerKey: Record<string, number>;
  readonly lossPerKey: Record<string, number>;
}

/**
 * Fit every engine × generation class that has rows. Deterministic: keys in sorted order, fixed starting point.
 */
export function fitAll(rows: readonly CalibRow[], ctx: FitContext, maxEvals = 2500): FitAllResult {
  const groups = new Map<string, CalibRow[]>();
  for (const r of rows) {
    const k = rowKey(r, ctx);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const factors: Record<string, EngineFactors> = {};
  const rowsPerKey: Record<string, number> = {};
  const lossPerKey: Record<string, number> = {};
  for (const key of [...groups.keys()].sort()) {
    const [engine, gen] = key.split(":") as [EngineId, GenerationClass];
    const g = groups.get(key)!;
    const res = fitProfile(g, ctx, priorProfile(engine, gen), PRIOR_FACTORS, FITTED_FACTORS, maxEvals);
    factors[key] = res.factors;
    rowsPerKey[key] = g.length;
    lossPerKey[key] = res.loss;
  }
  return { factors, rowsPerKey, lossPerKey };
}
