import type { EngineId } from "../../catalog/types";
import { generationClass, type EngineFactors, type EngineProfile, type GenerationClass } from "../engine-types";
import { documentedFactorsOf, isDocumented } from "../engine-documented";
import { baseFactors, PRIOR_FACTORS } from "../engines";
import { fitProfile, fitShared, FITTED_FACTORS, POOL_WEIGHT, PRIOR_WEIGHT, type FactorSpec, type FitContext } from "./fit";
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
  return { engine, generation, factors: baseFactors(engine, generation), kvFp8ByDefault: KV_FP8[engine], origin: "default" };
}

export interface FitAllResult {
  readonly factors: Record<string, EngineFactors>;
  /** The factors fitted for each key (less the documented ones and those no row of the key's fit exercises). */
  readonly fittedPerKey: Record<string, (keyof EngineFactors)[]>;
  readonly rowsPerKey: Record<string, number>;
  readonly lossPerKey: Record<string, number>;
}

function runsInWaves(engine: EngineId): boolean {
  return (documentedFactorsOf(engine).prefillFirst ?? 0) >= 0.5;
}

/**
 * Whether a row carries information about a factor. A factor no row of a fit exercises is left at its prior rather
 * than fitted: the objective is flat in it, so the optimiser would only wander (vLLM's attention-DP wait without
 * attention-DP rows; the MoE overheads of a fit that holds out the only MoE model of an engine).
 */
export function exercises(name: keyof EngineFactors, r: CalibRow, ctx: FitContext): boolean {
  // a prefill-first engine runs the closed loop in synchronised waves (serving.ts serveWaves): no burst share and no
  // attention-DP wait (pipeline-parallel replicas stay on the mixed schedule)
  if (name === "dpBalanceSteps") return r.dp > 1 && !runsInWaves(r.engine);
  if (name === "burstFactor") return r.pp > 1 || !runsInWaves(r.engine);
  if (name === "moeLayerOverheadS" || name === "expertOverheadS") return ctx.models.get(r.arch)!.moe !== null;
  return true;
}

/**
 * Which factors belong to the GPU generation (kernels on that silicon: shared by all engines of a generation class)
 * and which to the engine (scheduler and runtime on the CPU side: shared by all generations of an engine).
 */
export const GENERATION_FACTORS: readonly (keyof EngineFactors)[] = [
  "bwEff",
  "flopEff",
  "commEff",
  "commLatencyS",
  "expertOverheadS",
];

/**
 * Crossed fit: GENERATION_FACTORS take one value per generation class (all engines), the other fitted factors one
 * value per engine (all generations), less the factors an engine documents (engine-documented.ts); alternated 3
 * times. 2 × 4 + 3 × 7 − 4 documented = 25 numbers instead of 6 × 11, each backed by more models, so a model left out
 * of the fit moves them less.
 */
export function fitAll(
  rows: readonly CalibRow[],
  ctx: FitContext,
  maxEvals = 2500,
  priorWeight = PRIOR_WEIGHT,
  poolWeight = POOL_WEIGHT,
): FitAllResult {
  const genSpecs: FactorSpec[] = FITTED_FACTORS.filter((s) => GENERATION_FACTORS.includes(s.name));
  const engSpecs: FactorSpec[] = FITTED_FACTORS.filter((s) => !GENERATION_FACTORS.includes(s.name));
  const groups = new Map<string, CalibRow[]>();
  for (const r of rows) {
    const k = rowKey(r, ctx);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const keys = [...groups.keys()].sort();
  const factors: Record<string, EngineFactors> = {};
  const fittedPerKey: Record<string, (keyof EngineFactors)[]> = {};
  const rowsPerKey: Record<string, number> = {};
  const lossPerKey: Record<string, number> = {};
  for (const k of keys) {
    fittedPerKey[k] = [];
    const [engine, gen] = k.split(":") as [EngineId, GenerationClass];
    factors[k] = priorProfile(engine, gen).factors;
    rowsPerKey[k] = groups.get(k)!.length;
  }
  const fitGroup = (
    ks: readonly string[],
    all: readonly FactorSpec[],
    prior: EngineFactors = PRIOR_FACTORS,
    weight: number = priorWeight,
    record = true,
  ): Partial<EngineFactors> => {
    // a factor the engine documents is not fitted (for an engine group; generation factors are never documented)
    const specs = all.filter(
      (s) =>
        ks.every((k) => !isDocumented(k.split(":")[0] as EngineId, s.name)) &&
        ks.some((k) => groups.get(k)!.some((r) => exercises(s.name, r, ctx))),
    );
    const fg = ks.map((k) => {
      const [engine, g] = k.split(":") as [EngineId, GenerationClass];
      return { rows: groups.get(k)!, profile: { ...priorProfile(engine, g), factors: factors[k]! } };
    });
    const res = fitShared(fg, ctx, prior, specs, maxEvals, weight);
    if (record) {
      for (const k of ks) {
        factors[k] = { ...factors[k]!, ...res.values };
        for (const s of specs) if (!fittedPerKey[k]!.includes(s.name)) fittedPerKey[k]!.push(s.name);
        lossPerKey[k] = res.loss;
      }
    }
    return res.values;
  };
  const gens = [...new Set(keys.map((k) => k.split(":")[1]!))].sort();
  const engines = [...new Set(keys.map((k) => k.split(":")[0]!))].sort();
  const rowsOfGen = (g: string) => keys.filter((k) => k.endsWith(`:${g}`)).reduce((a, k) => a + rowsPerKey[k]!, 0);
  for (let round = 0; round < 3; round++) {
    // Partial pooling: the generation factors of one generation are pulled towards their value fitted on every
    // generation at once, with a weight that falls as the generation's rows grow (poolWeight / n_g against a mean
    // loss per row) — a generation measured on few rows (one GPU, 50 runs) borrows from the others instead of
    // fitting their quirks; one measured on hundreds keeps its own values.
    const pooled = gens.length > 1 && poolWeight > 0 ? fitGroup(keys, genSpecs, PRIOR_FACTORS, priorWeight, false) : null;
    for (const g of gens) {
      const ks = keys.filter((k) => k.endsWith(`:${g}`));
      if (pooled === null) fitGroup(ks, genSpecs);
      else fitGroup(ks, genSpecs, { ...PRIOR_FACTORS, ...pooled }, priorWeight + poolWeight / rowsOfGen(g));
    }
    for (const e of engines) fitGroup(keys.filter((k) => k.startsWith(`${e}:`)), engSpecs);
  }
  // in FITTED_FACTORS order, so the emitted file lists them as before
  for (const k of keys) fittedPerKey[k] = FITTED_FACTORS.map((s) => s.name).filter((n) => fittedPerKey[k]!.includes(n));
  return { factors, fittedPerKey, rowsPerKey, lossPerKey };
}

/**
 * Independent fit of every engine × generation class that has rows (all factors per profile).
 * Deterministic: keys in sorted order, fixed starting point.
 */
export function fitAllIndependent(rows: readonly CalibRow[], ctx: FitContext, maxEvals = 2500): FitAllResult {
  const groups = new Map<string, CalibRow[]>();
  for (const r of rows) {
    const k = rowKey(r, ctx);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const factors: Record<string, EngineFactors> = {};
  const fittedPerKey: Record<string, (keyof EngineFactors)[]> = {};
  const rowsPerKey: Record<string, number> = {};
  const lossPerKey: Record<string, number> = {};
  for (const key of [...groups.keys()].sort()) {
    const [engine, gen] = key.split(":") as [EngineId, GenerationClass];
    const g = groups.get(key)!;
    const specs = FITTED_FACTORS.filter((s) => !isDocumented(engine, s.name) && g.some((r) => exercises(s.name, r, ctx)));
    const res = fitProfile(g, ctx, priorProfile(engine, gen), PRIOR_FACTORS, specs, maxEvals);
    factors[key] = res.factors;
    fittedPerKey[key] = specs.map((s) => s.name);
    rowsPerKey[key] = g.length;
    lossPerKey[key] = res.loss;
  }
  return { factors, fittedPerKey, rowsPerKey, lossPerKey };
}
