import type { GpuSpec, ModelArch } from "../../catalog/types";
import type { EstimateInput } from "../../plan/estimate-input";
import type { EngineProfile } from "../engine-types";
import { estimateConfig, meanLengthShare } from "../estimate";
import { inconsistentMeasurement } from "./consistency";
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

/** A row's estimate request, or why it is not predicted: what the benchmark recipe rules make of it. */
type RowRequest = { readonly input: EstimateInput; readonly unmodelled: null } | { readonly input: null; readonly unmodelled: string };

/**
 * The rules depend on the row alone, never on the factors being fitted, so each row is matched once: the fit
 * predicts every row thousands of times, and matching the rules again each time cost a quarter of a prediction.
 */
const requests = new WeakMap<CalibRow, RowRequest>();

function requestOf(r: CalibRow): RowRequest {
  let req = requests.get(r);
  if (req) return req;
  const run: HarnessRun = { ...r, measured: measuredDate(r.source) };
  const unmodelled = harnessUnmodelled(run);
  req = unmodelled
    ? { input: null, unmodelled }
    : {
        input: {
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
          ...harnessSettings(run),
        },
        unmodelled: null,
      };
  requests.set(r, req);
  return req;
}

/** MTP draft tokens the row's benchmark recipe set (speculative decoding); 0 when none or not predicted. */
export function rowDraftTokens(r: CalibRow): number {
  return requestOf(r).input?.mtpDraftTokens ?? 0;
}

/** Rows measured faster than their hardware allows (calib/consistency), checked once per row: null when consistent. */
const inconsistent = new WeakMap<CalibRow, string | null>();

function inconsistencyOf(r: CalibRow, input: EstimateInput, model: ModelArch, gpu: GpuSpec): string | null {
  if (inconsistent.has(r)) return inconsistent.get(r)!;
  const why = inconsistentMeasurement(r, model, gpu, meanLengthShare(input));
  inconsistent.set(r, why);
  return why;
}

export function predictRow(r: CalibRow, model: ModelArch, gpu: GpuSpec, profile?: EngineProfile): Prediction {
  const { input, unmodelled } = requestOf(r);
  if (input === null) return { row: r, predicted: false, ttftMs: NaN, tpotMs: NaN, problems: [unmodelled] };
  const why = inconsistencyOf(r, input, model, gpu);
  if (why !== null) return { row: r, predicted: false, ttftMs: NaN, tpotMs: NaN, problems: [why] };
  const res = estimateConfig(profile ? { model, gpu, input, profile } : { model, gpu, input });
  return { row: r, predicted: res.fits, ttftMs: res.ttftMs, tpotMs: res.tpotMs, problems: res.problems };
}
