import type { MoeOvershoot } from "../model/calib/held-out";
import type { Parallelism } from "./score";
import type { MeasuredRow } from "./types";

/**
 * The MoE runs at concurrency 1–8 whose held-out prediction overstates the measured throughput past the target
 * (HELD_OUT.moeSmallBatch.over), each with its measurement and the other measurements of the same setup.
 *
 * "The same setup" is what the estimator is given: model, GPU, engine, weight precision, ISL, OSL, concurrency and
 * the number of GPUs of the replica (tp·pp·dp at the parallelism predicted; how they split between attention and
 * experts may differ). The engine's release and the date are not inputs, so another run of the same setup that the
 * estimate does match points at the run, not at the physics. Pure: the page passes its scored runs.
 */
export interface OvershootEvidence {
  /** Predicted / measured closed-loop output throughput (held out). */
  readonly overshoot: number;
  readonly ttftPredMs: number;
  readonly tpotPredMs: number;
  /** The run as measured; null when its id is not among the runs (a calibration newer than the transcription). */
  readonly run: RunAt | null;
  /** Other runs of the same setup (another release or measurement date), oldest first, undated last. */
  readonly sameSetup: readonly RunAt[];
}

/** A distinct measured run and the parallelism it is predicted at (null: as recorded). */
export interface RunAt {
  readonly row: MeasuredRow;
  readonly remapped: Parallelism | null;
}

const gpusOf = (r: RunAt): number => {
  const p = r.remapped ?? r.row;
  return p.tp * r.row.pp * p.dp;
};

/** Whether b is another run (a different release or date) of the setup a measured. */
export function sameSetupElsewhere(a: RunAt, b: RunAt): boolean {
  const x = a.row;
  const y = b.row;
  return (
    y.id !== x.id &&
    y.model === x.model &&
    y.gpu === x.gpu &&
    y.engine === x.engine &&
    y.weights === x.weights &&
    y.isl === x.isl &&
    y.osl === x.osl &&
    y.concurrency === x.concurrency &&
    gpusOf(b) === gpusOf(a) &&
    (y.engineVersion !== x.engineVersion || y.measured !== x.measured)
  );
}

export function overshootEvidence(over: readonly MoeOvershoot[], runs: readonly RunAt[]): OvershootEvidence[] {
  const byId = new Map(runs.map((r) => [r.row.id, r]));
  return over.map((o) => {
    const run = byId.get(o.id);
    const sameSetup = run
      ? runs
          .filter((r) => sameSetupElsewhere(run, r))
          .sort((a, b) => (a.row.measured ?? "9999").localeCompare(b.row.measured ?? "9999"))
      : [];
    return { overshoot: o.overshoot, ttftPredMs: o.ttftPredMs, tpotPredMs: o.tpotPredMs, run: run ?? null, sameSetup };
  });
}
