import type { EngineId, GpuGeneration } from "../catalog/types";
import { valuesByGroup } from "./confidence";
import { DIM_VALUE_LABELS, regimeFor, type Regime } from "./regimes";
import { mdape, relativeError } from "./stats";

/** Errors of one regime on models the fit never saw (leave-one-model-out). */
export interface HeldOutRegime {
  /** Predicted held-out rows. */
  readonly rows: number;
  readonly tpotMdape: number;
  readonly ttftMdape: number;
}

/** Held-out errors by regime id (the ids of confidence.ts: the fallback chain and the single dimensions). */
export type HeldOutRegimes = Readonly<Record<string, HeldOutRegime>>;

/** What a held-out prediction must carry to be placed in a regime (lib/model/calib/lomo.ts RowResult has it). */
export interface HeldOutRow {
  readonly gpu: string;
  readonly engine: string;
  readonly moe: boolean;
  readonly concurrency: number;
  readonly isl: number;
  readonly osl: number;
  readonly predicted: boolean;
  readonly tpotPred: number;
  readonly tpotMeas: number;
  readonly ttftPred: number;
  readonly ttftMeas: number;
}

/** Key of the held-out errors of the runs that drafted with an MTP module (speculative decoding), beside the regimes. */
export const SPECULATIVE_ID = "speculative_mtp";

/** Held-out errors of the runs whose recipe drafted with an MTP module; null when there are none. */
export function heldOutSpeculative(rows: readonly (HeldOutRow & { readonly mtpDraftTokens: number })[]): HeldOutRegime | null {
  const e: { tpot: number; ttft: number }[] = [];
  for (const r of rows) {
    if (!r.predicted || r.mtpDraftTokens <= 0) continue;
    const tpot = relativeError(r.tpotPred, r.tpotMeas);
    const ttft = relativeError(r.ttftPred, r.ttftMeas);
    if (tpot !== null && ttft !== null) e.push({ tpot, ttft });
  }
  if (e.length === 0) return null;
  return { rows: e.length, tpotMdape: mdape(e.map((x) => x.tpot))!, ttftMdape: mdape(e.map((x) => x.ttft))! };
}

/**
 * Leave-one-model-out predictions grouped as /validate groups its in-sample ones, so each regime's confidence can
 * also answer "how far off on a model nobody measured". Rows on a GPU without a known generation are left out.
 */
export function heldOutByRegime(rows: readonly HeldOutRow[], generationOf: (gpu: string) => GpuGeneration | undefined): HeldOutRegimes {
  const items: [Regime, { tpot: number; ttft: number }][] = [];
  for (const r of rows) {
    const generation = generationOf(r.gpu);
    if (!r.predicted || generation === undefined || !(r.engine in DIM_VALUE_LABELS.engine)) continue;
    const tpot = relativeError(r.tpotPred, r.tpotMeas);
    const ttft = relativeError(r.ttftPred, r.ttftMeas);
    if (tpot === null || ttft === null) continue;
    items.push([regimeFor({ ...r, generation, engine: r.engine as EngineId }), { tpot, ttft }]);
  }
  const out: Record<string, HeldOutRegime> = {};
  for (const [id, e] of valuesByGroup(items)) {
    out[id] = { rows: e.length, tpotMdape: mdape(e.map((x) => x.tpot))!, ttftMdape: mdape(e.map((x) => x.ttft))! };
  }
  return out;
}
