import type { GpuSpec, ModelArch } from "../../catalog/types";
import type { EngineFactors, EngineProfile } from "../engine-types";
import { nelderMead } from "./nelder-mead";
import { predictRow } from "./predict";
import type { CalibRow } from "./rows";

/** A fitted factor: its bounds (the physically plausible range) and the prior width (in log units) of its penalty. */
export interface FactorSpec {
  readonly name: keyof EngineFactors;
  readonly min: number;
  readonly max: number;
  /** Standard deviation of the log-space prior around PRIOR_FACTORS (ln units). */
  readonly priorSigma: number;
}

export const FITTED_FACTORS: readonly FactorSpec[] = [
  { name: "bwEff", min: 0.3, max: 0.95, priorSigma: 0.3 },
  { name: "flopEff", min: 0.1, max: 0.9, priorSigma: 0.5 },
  { name: "stepOverheadS", min: 1e-5, max: 0.03, priorSigma: 1.5 },
  { name: "layerOverheadS", min: 1e-7, max: 3e-4, priorSigma: 1.5 },
  { name: "expertOverheadS", min: 1e-8, max: 2e-5, priorSigma: 1.5 },
  { name: "moeLayerOverheadS", min: 1e-7, max: 3e-4, priorSigma: 1.5 },
  { name: "seqOverheadS", min: 1.5e-10, max: 1.5e-5, priorSigma: 2 },
  { name: "commLatencyS", min: 2e-6, max: 2e-4, priorSigma: 1 },
  { name: "kvOutputShare", min: 0.5, max: 1, priorSigma: 1 },
  { name: "burstFactor", min: 0.001, max: 1, priorSigma: 1.5 },
  { name: "ttftOverheadS", min: 1e-3, max: 0.5, priorSigma: 1.5 },
  { name: "dpBalanceSteps", min: 0.1, max: 300, priorSigma: 2 },
  { name: "commEff", min: 0.2, max: 0.95, priorSigma: 0.5 },
];

export interface FitContext {
  readonly models: ReadonlyMap<string, ModelArch>;
  readonly gpus: ReadonlyMap<string, GpuSpec>;
}

/** Soft-L1 (pseudo-Huber) of a log ratio: ≈ r²/2δ near 0, ≈ |r| beyond δ — robust to the data's outliers. */
export function softL1(r: number, delta = 0.1): number {
  return delta * (Math.sqrt(1 + (r / delta) ** 2) - 1);
}

export const TTFT_WEIGHT = 0.6;

/**
 * Weight of the log-prior towards PRIOR_FACTORS: a tie-breaker for factors the rows identify only weakly, without
 * pulling the identified ones towards rough guesses (factors no row exercises are not fitted at all: fit-all.ts
 * `exercises`). At 0.002 it held the step overheads near their 1.5 ms prior (held-out TPOT 16.6 %); at 0.0001,
 * 15.7 % (in-sample 12.0 → 11.7 %); at 0 weakly identified factors drift to their bounds.
 */
export const PRIOR_WEIGHT = 0.0001;

/**
 * Partial pooling of the generation factors (fit-all.ts): weight of the pull of one generation's factors towards
 * their value fitted on all generations together, divided by the generation's row count (0 turns pooling off).
 * Chosen among 1, 4 and 16 (2026-12-06): against no pooling, leave-one-GPU-out TPOT 19.5 → 16.4 / 17.0 / 16.4 %
 * (B200 predicted from the 50 GB200 runs: 34.8 → 18.4 / 19.5 / 20.1 %), leave-one-model-out TPOT 14.2 → 14.4 / 14.3 /
 * 15.4 %, published figures 14.0 → 13.9 / 13.5 / 14.3 %; 4 keeps the headline and does best on the published ones.
 * At 4 the nested leave-one-model-out (npm run validate:nested) gives TPOT 14.8 % (15.1 % without pooling).
 */
export const POOL_WEIGHT = 4;

/** Mean robust log-error of TPOT and TTFT over the rows the estimator accepts, plus the prior penalty. */
export function objective(
  rows: readonly CalibRow[],
  ctx: FitContext,
  profile: EngineProfile,
  prior: EngineFactors,
  specs: readonly FactorSpec[] = FITTED_FACTORS,
  priorWeight = PRIOR_WEIGHT,
): number {
  let sum = 0;
  let n = 0;
  for (const r of rows) {
    const p = predictRow(r, ctx.models.get(r.arch)!, ctx.gpus.get(r.gpu)!, profile);
    if (!p.predicted) continue;
    sum += softL1(Math.log(p.tpotMs / r.tpotMs)) + TTFT_WEIGHT * softL1(Math.log(p.ttftMs / r.ttftMs));
    n++;
  }
  let pen = 0;
  for (const s of specs) {
    const z = Math.log(profile.factors[s.name] / prior[s.name]) / s.priorSigma;
    pen += z * z;
  }
  return (n ? sum / n : 0) + priorWeight * pen;
}

function clamp(x: number, lo: number, hi: number) {
  return Math.min(hi, Math.max(lo, x));
}

/** Fit the named factors of one engine × generation profile to its rows (Nelder–Mead in log space, 2 restarts). */
export function fitProfile(
  rows: readonly CalibRow[],
  ctx: FitContext,
  base: EngineProfile,
  prior: EngineFactors,
  specs: readonly FactorSpec[] = FITTED_FACTORS,
  maxEvals = 2500,
): { factors: EngineFactors; loss: number; evals: number } {
  const toFactors = (z: readonly number[]): EngineFactors => {
    const f: Record<string, number> = { ...base.factors };
    specs.forEach((s, i) => (f[s.name] = clamp(Math.exp(z[i]!), s.min, s.max)));
    return f as unknown as EngineFactors;
  };
  const obj = (z: readonly number[]) =>
    objective(rows, ctx, { ...base, factors: toFactors(z) }, prior, specs);
  let z0 = specs.map((s) => Math.log(clamp(base.factors[s.name], s.min, s.max)));
  let best = { x: z0, fx: obj(z0), evals: 0 };
  let evals = 0;
  for (let restart = 0; restart < 3; restart++) {
    const r = nelderMead(obj, best.x, { maxEvals, step: restart === 0 ? 0.4 : 0.15, tol: 1e-6 });
    evals += r.evals;
    if (r.fx <= best.fx) best = r;
  }
  z0 = best.x;
  return { factors: toFactors(z0), loss: best.fx, evals };
}

/** A set of rows fitted with one profile. */
export interface FitGroup {
  readonly rows: readonly CalibRow[];
  readonly profile: EngineProfile;
}

/**
 * Fit `specs` jointly across several groups (each keeps its own other factors): the named factors take one common
 * value, chosen to minimise the row-weighted mean objective over all groups.
 */
export function fitShared(
  groups: readonly FitGroup[],
  ctx: FitContext,
  prior: EngineFactors,
  specs: readonly FactorSpec[],
  maxEvals = 2500,
  priorWeight = PRIOR_WEIGHT,
): { values: Partial<EngineFactors>; loss: number } {
  const total = groups.reduce((a, g) => a + g.rows.length, 0) || 1;
  const apply = (z: readonly number[], f: EngineFactors): EngineFactors => {
    const o: Record<string, number> = { ...f };
    specs.forEach((sp, i) => (o[sp.name] = clamp(Math.exp(z[i]!), sp.min, sp.max)));
    return o as unknown as EngineFactors;
  };
  const obj = (z: readonly number[]) => {
    let sum = 0;
    for (const g of groups) {
      const prof = { ...g.profile, factors: apply(z, g.profile.factors) };
      sum += objective(g.rows, ctx, prof, prior, specs, priorWeight) * g.rows.length;
    }
    return sum / total;
  };
  const first = groups[0]!.profile.factors;
  let best = { x: specs.map((sp) => Math.log(clamp(first[sp.name], sp.min, sp.max))), fx: Infinity, evals: 0 };
  best.fx = obj(best.x);
  for (let restart = 0; restart < 3; restart++) {
    const r = nelderMead(obj, best.x, { maxEvals, step: restart === 0 ? 0.4 : 0.15, tol: 1e-6 });
    if (r.fx <= best.fx) best = r;
  }
  const values: Record<string, number> = {};
  specs.forEach((sp, i) => (values[sp.name] = clamp(Math.exp(best.x[i]!), sp.min, sp.max)));
  return { values: values as Partial<EngineFactors>, loss: best.fx };
}
