import type { GpuSpec, ModelArch } from "../../catalog/types";
import type { EstimateInput } from "../../plan/estimate-input";
import type { EngineProfile } from "../engine-types";
import { estimateConfig } from "../estimate";
import { harnessSettings, harnessUnmodelled, measuredDate, type HarnessRun } from "./harness";
import type { CalibRow } from "./rows";

export interface Prediction {
  readonly row: CalibRow;
  /** False when the estimator rejects the configuration (problems) — the row counts as not predicted. */
  readonly predicted: boolean;
  readonly ttftMs: number;
  readonly tpotMs: number;
  readonly problems: readonly string[];
}

export function rowInput(r: CalibRow): EstimateInput {
  return {
    gpu: r.gpu,
    model: r.arch,
    engine: r.engine,
    weights: r.weights,
    tp: r.tp,
    pp: r.pp,
    dp: r.dp,
    moeTp: r.moeTp,
    moeEp: r.moeEp,
    isl: r.isl,
    osl: r.osl,
    concurrency: r.concurrency,
    ...harnessSettings(harnessRun(r)),
  };
}

function harnessRun(r: CalibRow): HarnessRun {
  return { ...r, measured: measuredDate(r.source) };
}

export function predictRow(r: CalibRow, model: ModelArch, gpu: GpuSpec, profile?: EngineProfile): Prediction {
  const unmodelled = harnessUnmodelled(harnessRun(r));
  if (unmodelled) return { row: r, predicted: false, ttftMs: NaN, tpotMs: NaN, problems: [unmodelled] };
  const input = rowInput(r);
  const res = estimateConfig(profile ? { model, gpu, input, profile } : { model, gpu, input });
  return { row: r, predicted: res.fits, ttftMs: res.ttftMs, tpotMs: res.tpotMs, problems: res.problems };
}
