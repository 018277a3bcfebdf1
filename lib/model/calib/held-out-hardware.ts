import { generationClass, type GenerationClass } from "../engine-types";
import { fitAll, profileKey } from "./fit-all";
import { breakdowns, EMPTY_GROUP, record, roundGroup, roundRecord, strip, type HeldOutGroup } from "./held-out";
import type { FitContext } from "./fit";
import { predictRows, type RowResult } from "./lomo";
import type { CalibRow } from "./rows";

/**
 * Held out by hardware: the accuracy on GPUs the fit never saw, as leave-one-model-out measures it on models.
 *
 * - leaveOneGpuOut: each GPU in turn is left out of the fit and its rows are predicted by the refit factors. The
 *   other GPU of its generation class still sets that class's kernel factors (H100 ↔ H200, B200 ↔ GB200), so this
 *   measures a new GPU of a known generation: other memory, bandwidth, capacity and interconnect.
 * - leaveOneGenerationOut: a whole generation class is left out and its rows are predicted with the factors fitted on
 *   the other class, the nearest-profile rule the estimator applies to a generation nobody measured (Ampere, Ada and
 *   AMD CDNA map to a fitted class: engine-types.ts generationClass). This measures a new generation of silicon.
 */
export function leaveOneGpuOut(rows: readonly CalibRow[], ctx: FitContext, maxEvals?: number): RowResult[] {
  const gpus = [...new Set(rows.map((r) => r.gpu))].sort();
  const out: RowResult[] = [];
  for (const g of gpus) {
    const train = rows.filter((r) => r.gpu !== g);
    const test = rows.filter((r) => r.gpu === g);
    const classOf = generationClass(ctx.gpus.get(g)!.generation);
    if (!train.some((r) => generationClass(ctx.gpus.get(r.gpu)!.generation) === classOf)) continue;
    out.push(...predictRows(test, ctx, fitAll(train, ctx, maxEvals).factors));
  }
  return out;
}

export function leaveOneGenerationOut(rows: readonly CalibRow[], ctx: FitContext, maxEvals?: number): RowResult[] {
  const classOf = (r: CalibRow): GenerationClass => generationClass(ctx.gpus.get(r.gpu)!.generation);
  const classes = [...new Set(rows.map(classOf))].sort();
  const out: RowResult[] = [];
  for (const held of classes) {
    const train = rows.filter((r) => classOf(r) !== held);
    const test = rows.filter((r) => classOf(r) === held);
    if (train.length === 0) continue;
    const fitted = fitAll(train, ctx, maxEvals).factors;
    // the held-out class takes each engine's factors from the nearest fitted class (the other one)
    const other = classOf(train[0]!);
    const factors = Object.fromEntries(
      [...new Set(test.map((r) => r.engine))].flatMap((e) => {
        const f = fitted[profileKey(e, other)];
        return f ? [[profileKey(e, held), f]] : [];
      }),
    );
    out.push(...predictRows(test, ctx, factors));
  }
  return out;
}

/** The errors of one hardware hold-out: overall, per GPU, per engine and dense vs MoE. */
export interface HardwareSplit {
  readonly overall: HeldOutGroup;
  readonly byGpu: Readonly<Record<string, HeldOutGroup>>;
  readonly byEngine: Readonly<Record<string, HeldOutGroup>>;
  readonly byMoe: Readonly<Record<string, HeldOutGroup>>;
}

/** Both hardware hold-outs, as written into calibration.generated.ts (HELD_OUT_HARDWARE) and shown on /validate. */
export interface HardwareHeldOut {
  /** Each GPU left out in turn; its generation class is still fitted on the other GPU of that class. */
  readonly unseenGpu: HardwareSplit;
  /** Each generation class left out in turn and predicted with the other class's factors. */
  readonly unseenGeneration: HardwareSplit;
}

export function summariseSplit(recs: readonly RowResult[]): HardwareSplit {
  const b = breakdowns(recs);
  return {
    overall: b.overall[0] ? strip(b.overall[0]) : EMPTY_GROUP,
    byGpu: record(b.byGpu),
    byEngine: record(b.byEngine),
    byMoe: record(b.byMoe),
  };
}

export function summariseHardware(unseenGpu: readonly RowResult[], unseenGeneration: readonly RowResult[]): HardwareHeldOut {
  return { unseenGpu: summariseSplit(unseenGpu), unseenGeneration: summariseSplit(unseenGeneration) };
}

function roundSplit(s: HardwareSplit): HardwareSplit {
  return { overall: roundGroup(s.overall), byGpu: roundRecord(s.byGpu), byEngine: roundRecord(s.byEngine), byMoe: roundRecord(s.byMoe) };
}

/** Every figure rounded to 4 significant digits, keys sorted (what calibrate writes). */
export function roundHardware(h: HardwareHeldOut): HardwareHeldOut {
  return { unseenGpu: roundSplit(h.unseenGpu), unseenGeneration: roundSplit(h.unseenGeneration) };
}
