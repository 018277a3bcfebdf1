import { generationClass, type EngineFactors } from "../engine-types";
import type { ValidationRecord } from "../validation-stats";
import { fitAll, priorProfile, rowKey } from "./fit-all";
import type { FitContext } from "./fit";
import { predictRow, rowDraftTokens } from "./predict";
import type { CalibRow } from "./rows";

export interface RowResult extends ValidationRecord {
  readonly id: string;
  readonly arch: string;
  readonly isl: number;
  readonly osl: number;
  readonly concurrency: number;
  readonly tp: number;
  readonly dp: number;
  readonly moeTp: number | null;
  readonly moeEp: number | null;
  readonly moe: boolean;
  readonly problems: readonly string[];
  readonly source: string;
  /** The engine release the run recorded; null where upstream left it empty. */
  readonly engineVersion: string | null;
  /** MTP draft tokens its recipe set (speculative decoding; 0: none). */
  readonly mtpDraftTokens: number;
}

/** Predict rows with a given factor set per profile key (missing key → priors). */
export function predictRows(
  rows: readonly CalibRow[],
  ctx: FitContext,
  factors: Readonly<Record<string, EngineFactors | Partial<EngineFactors>>>,
): RowResult[] {
  return rows.map((r) => {
    const gpu = ctx.gpus.get(r.gpu)!;
    const model = ctx.models.get(r.arch)!;
    const base = priorProfile(r.engine, generationClass(gpu.generation));
    const f = factors[rowKey(r, ctx)];
    const prof = f ? { ...base, factors: { ...base.factors, ...f } } : base;
    const p = predictRow(r, model, gpu, prof);
    return {
      id: r.id,
      arch: r.arch,
      model: r.arch,
      gpu: r.gpu,
      engine: r.engine,
      weights: r.weights,
      isl: r.isl,
      osl: r.osl,
      concurrency: r.concurrency,
      tp: r.tp,
      dp: r.dp,
      moeTp: r.moeTp ?? null,
      moeEp: r.moeEp ?? null,
      moe: model.moe !== null,
      predicted: p.predicted,
      tpotPred: p.tpotMs,
      tpotMeas: r.tpotMs,
      ttftPred: p.ttftMs,
      ttftMeas: r.ttftMs,
      problems: p.problems,
      source: r.source,
      engineVersion: r.engineVersion,
      mtpDraftTokens: rowDraftTokens(r),
    };
  });
}

/**
 * Leave-one-model-out: for each architecture, refit every profile without its rows and predict its rows with the
 * refit factors. Returns the held-out predictions of every row.
 */
export function leaveOneModelOut(
  rows: readonly CalibRow[],
  ctx: FitContext,
  maxEvals?: number,
  priorWeight?: number,
): RowResult[] {
  const archs = [...new Set(rows.map((r) => r.arch))].sort();
  const out: RowResult[] = [];
  for (const a of archs) {
    const train = rows.filter((r) => r.arch !== a);
    const test = rows.filter((r) => r.arch === a);
    const fit = fitAll(train, ctx, maxEvals, priorWeight);
    out.push(...predictRows(test, ctx, fit.factors));
  }
  return out;
}

/** Measured output throughput of a closed-loop row: C · OSL / (TTFT + (OSL − 1) · TPOT). */
export function throughputOf(c: number, osl: number, ttftMs: number, tpotMs: number): number {
  return (c * osl) / ((ttftMs + (osl - 1) * tpotMs) / 1e3);
}
