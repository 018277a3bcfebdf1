import { groupBy } from "../model/validation-stats";
import { median } from "./stats";

/**
 * How much does the engine's release move the measurements? The release is not an input of the estimator — a
 * planner is asked about "TensorRT-LLM", not about one build of it — so what differs between the releases of one
 * engine on the same model, GPU and precision is error no engine factor can remove. Rows are compared through the
 * estimate (measured / predicted), which takes out the differences of ISL, OSL, concurrency and layout between the
 * runs of two releases; what remains is the release (and anything else the rows do not record, harness included).
 */

/** One predicted row: its setup, its release and measured / predicted of both latencies. */
export interface ReleaseRecord {
  readonly model: string;
  readonly gpu: string;
  readonly engine: string;
  readonly weights: string;
  /** null where the row did not record its release. */
  readonly engineVersion: string | null;
  readonly ttftMeasuredOverPredicted: number;
  readonly tpotMeasuredOverPredicted: number;
}

export interface ReleaseRow {
  readonly engine: string;
  readonly release: string | null;
  readonly rows: number;
  /** Medians of measured / predicted (> 1: the release ran slower than predicted). */
  readonly ttftRatio: number;
  readonly tpotRatio: number;
}

export interface ReleaseSide {
  readonly release: string;
  readonly rows: number;
  readonly ttftRatio: number;
}

/** One setup (model, GPU, engine, precision) measured on two or more recorded releases. */
export interface ReleaseSpread {
  readonly model: string;
  readonly gpu: string;
  readonly engine: string;
  readonly weights: string;
  /** The release with the highest / lowest median measured / predicted TTFT. */
  readonly slow: ReleaseSide;
  readonly fast: ReleaseSide;
  /** slow.ttftRatio / fast.ttftRatio: how much slower the first token is on one release than on another. */
  readonly ttftFactor: number;
}

export interface ReleaseReport {
  /** Per engine and release (unrecorded last), sorted by engine then release. */
  readonly releases: readonly ReleaseRow[];
  /** Setups with ≥ 2 recorded releases of ≥ minRows rows each, widest spread first. */
  readonly spreads: readonly ReleaseSpread[];
  /** Median ttftFactor over `spreads`; null when there is none. */
  readonly medianTtftFactor: number | null;
  readonly minRows: number;
}

const ratios = (xs: readonly ReleaseRecord[], k: "ttftMeasuredOverPredicted" | "tpotMeasuredOverPredicted") =>
  median(xs.map((x) => x[k]).filter((v) => Number.isFinite(v) && v > 0)) ?? NaN;

export function releaseReport(records: readonly ReleaseRecord[], minRows = 5): ReleaseReport {
  const releases = [...groupBy(records, (r) => `${r.engine}\u0000${r.engineVersion ?? ""}`).values()]
    .map((xs): ReleaseRow => ({
      engine: xs[0]!.engine,
      release: xs[0]!.engineVersion,
      rows: xs.length,
      ttftRatio: ratios(xs, "ttftMeasuredOverPredicted"),
      tpotRatio: ratios(xs, "tpotMeasuredOverPredicted"),
    }))
    .sort(
      (a, b) =>
        a.engine.localeCompare(b.engine) ||
        (a.release === null ? 1 : 0) - (b.release === null ? 1 : 0) ||
        (a.release ?? "").localeCompare(b.release ?? "", "en", { numeric: true }),
    );

  const spreads: ReleaseSpread[] = [];
  const bySetup = groupBy(
    records.filter((r) => r.engineVersion !== null),
    (r) => [r.model, r.gpu, r.engine, r.weights].join("\u0000"),
  );
  for (const xs of bySetup.values()) {
    const sides: ReleaseSide[] = [...groupBy(xs, (r) => r.engineVersion!).entries()]
      .filter(([, rs]) => rs.length >= minRows)
      .map(([release, rs]) => ({ release, rows: rs.length, ttftRatio: ratios(rs, "ttftMeasuredOverPredicted") }))
      .filter((s) => Number.isFinite(s.ttftRatio));
    if (sides.length < 2) continue;
    sides.sort((a, b) => b.ttftRatio - a.ttftRatio || a.release.localeCompare(b.release));
    const slow = sides[0]!;
    const fast = sides[sides.length - 1]!;
    const { model, gpu, engine, weights } = xs[0]!;
    spreads.push({ model, gpu, engine, weights, slow, fast, ttftFactor: slow.ttftRatio / fast.ttftRatio });
  }
  spreads.sort((a, b) => b.ttftFactor - a.ttftFactor || a.model.localeCompare(b.model));
  return { releases, spreads, medianTtftFactor: median(spreads.map((s) => s.ttftFactor)), minRows };
}
