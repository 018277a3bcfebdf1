import { GPU_NAMES, MODEL_NAMES } from "../model/calib/public";
import { openLoopAt, type AtConcurrency } from "../model/open-loop";
import { mdape, median, relativeError, shareWithin, BAND } from "./stats";

/**
 * Published open-loop runs (an offered request rate, "QPS=…" in the notes of measurements-public.csv; TensorRT-LLM's
 * Triton serving table) against the estimate at the same rate: the replica's steady state by Little's law
 * (lib/model/open-loop.ts), its first token and time per output token there. A point is one (setup, rate); its
 * figures are the mean TTFT, mean ITL and the requests/s the run achieved. No row of these ever entered a fit.
 */

/** What an estimate at a concurrency needs to say (estimateConfig's result, or a stand-in). */
export interface OpenLoopEstimate extends AtConcurrency {
  readonly fits: boolean;
  readonly maxConcurrency: number;
}

/** One published (setup, offered rate) point with its measured figures. */
export interface OpenLoopPublished {
  readonly model: string;
  readonly gpu: string;
  readonly tp: number;
  readonly weights: "bf16" | "fp8";
  readonly isl: number;
  readonly osl: number;
  /** Offered requests/s. */
  readonly rate: number;
  /** Requests/s the run achieved (it falls behind the offered rate when the replica cannot keep up). */
  readonly achieved: number | null;
  readonly ttftMs: number | null;
  readonly itlMs: number | null;
  readonly source: string;
}

/** The catalog setup of a published point, as the estimator takes it (concurrency left to the caller). */
export interface OpenLoopSetup {
  readonly model: string;
  readonly gpu: string;
  readonly engine: "trtllm";
  readonly weights: "bf16" | "fp8";
  readonly tp: number;
  readonly isl: number;
  readonly osl: number;
}

const QPS = /offered request rate QPS=(\d+(?:\.\d+)?)\b/;

/** The open-loop points of the published records: rows with a finite offered rate and no concurrency, grouped. */
export function openLoopPoints(records: readonly Record<string, string>[]): OpenLoopPublished[] {
  const points = new Map<string, { p: Omit<OpenLoopPublished, "achieved" | "ttftMs" | "itlMs">; m: Record<string, number> }>();
  for (const r of records) {
    const q = QPS.exec(r.notes ?? "");
    if (!q || r.concurrency || !(r.engine ?? "").startsWith("TensorRT-LLM")) continue;
    const model = MODEL_NAMES[r.model ?? ""];
    const gpu = GPU_NAMES[r.gpu ?? ""];
    const p = (r.precision ?? "").toUpperCase();
    const weights = p.startsWith("BF16") || p.startsWith("FP16") ? "bf16" : p.startsWith("FP8") ? "fp8" : null;
    if (!model || !gpu || !weights) continue;
    const key = [r.source, r.source_detail, model, gpu, r.tp, weights, r.isl, r.osl, q[1]].join("|");
    const e = points.get(key) ?? {
      p: { model, gpu, tp: Number(r.tp), weights, isl: Number(r.isl), osl: Number(r.osl), rate: Number(q[1]), source: `${r.source ?? ""} — ${r.source_detail ?? ""}` },
      m: {},
    };
    e.m[r.metric ?? ""] = Number(r.value);
    points.set(key, e);
  }
  const num = (x: number | undefined) => (x !== undefined && x > 0 ? x : null);
  return [...points.values()].map(({ p, m }) => ({ ...p, achieved: num(m.requests_per_s), ttftMs: num(m.ttft_ms), itlMs: num(m.itl_ms) }));
}

export interface OpenLoopComparison {
  readonly point: OpenLoopPublished;
  readonly predictedSaturated: boolean;
  readonly inFlight: number | null;
  readonly ttftErr: number | null;
  readonly itlErr: number | null;
  readonly ttftPredMs: number | null;
  readonly itlPredMs: number | null;
}

/** Predict each point at its offered rate; a point the estimate cannot place (does not fit) has null errors. */
export function compareOpenLoop(points: readonly OpenLoopPublished[], estimate: (s: OpenLoopSetup, concurrency: number) => OpenLoopEstimate): OpenLoopComparison[] {
  return points.map((point) => {
    const setup: OpenLoopSetup = { model: point.model, gpu: point.gpu, engine: "trtllm", weights: point.weights, tp: point.tp, isl: point.isl, osl: point.osl };
    const probe = estimate(setup, 1);
    if (!probe.fits) return { point, predictedSaturated: false, inFlight: null, ttftErr: null, itlErr: null, ttftPredMs: null, itlPredMs: null };
    const s = openLoopAt((c) => estimate(setup, c), point.osl, point.rate, probe.maxConcurrency);
    // a saturated point has no steady state: its latencies grow with the run's length, so only the verdict is compared
    const ttftPredMs = s.saturated ? null : s.ttftMs;
    const itlPredMs = s.saturated ? null : s.tpotMs;
    return {
      point,
      predictedSaturated: s.saturated,
      inFlight: s.inFlight,
      ttftPredMs,
      itlPredMs,
      ttftErr: ttftPredMs === null || point.ttftMs === null ? null : relativeError(ttftPredMs, point.ttftMs),
      itlErr: itlPredMs === null || point.itlMs === null ? null : relativeError(itlPredMs, point.itlMs),
    };
  });
}

export interface OpenLoopSummary {
  readonly points: number;
  /** Points the estimate does not saturate: the ones with a steady state, whose latencies are compared. */
  readonly compared: number;
  readonly ttftMdape: number | null;
  readonly itlMdape: number | null;
  readonly ttftWithin: number | null;
  readonly itlWithin: number | null;
  /** Median predicted/measured − 1 (signed: + means the estimate is slower). */
  readonly ttftBias: number | null;
  readonly itlBias: number | null;
  /**
   * Points the estimate saturates (no steady state: the replica it estimates cannot carry the rate), with the mean
   * first token the run measured there — a run that could not keep up either shows a first token growing into seconds.
   * (The runs' achieved req/s cannot tell: a 500-request run ends with a drain that lowers it even when it kept up.)
   */
  readonly saturated: readonly { readonly rate: number; readonly measuredTtftMs: number | null; readonly label: string }[];
}

export function summariseOpenLoop(cs: readonly OpenLoopComparison[]): OpenLoopSummary {
  const both = cs.filter((c) => !c.predictedSaturated);
  const t = both.flatMap((c) => (c.ttftErr === null ? [] : [c.ttftErr]));
  const i = both.flatMap((c) => (c.itlErr === null ? [] : [c.itlErr]));
  return {
    points: cs.length,
    compared: both.length,
    ttftMdape: mdape(t),
    itlMdape: mdape(i),
    ttftWithin: shareWithin(t, BAND),
    itlWithin: shareWithin(i, BAND),
    ttftBias: median(t),
    itlBias: median(i),
    saturated: cs
      .filter((c) => c.predictedSaturated)
      .map((c) => ({ rate: c.point.rate, measuredTtftMs: c.point.ttftMs, label: `${c.point.model} on ${c.point.tp} × ${c.point.gpu}, ${c.point.isl}/${c.point.osl}` })),
  };
}

/** The estimate's figures for a setup at a concurrency, with or without the stated serving-stack latency. */
export type OpenLoopEstimator = (s: OpenLoopSetup, concurrency: number, requestOverheadMs: number | undefined) => OpenLoopEstimate;

export interface OpenLoopReport {
  /** With each engine's calibrated serving-stack latency t_0. */
  readonly calibrated: readonly OpenLoopComparison[];
  /** With requestOverheadMs 0: the GPU's time alone, the stack's latency left out. */
  readonly bare: readonly OpenLoopComparison[];
  readonly calibratedSummary: OpenLoopSummary;
  readonly bareSummary: OpenLoopSummary;
}

/** Both comparisons of the published open-loop points: with the calibrated t_0 and with none. */
export function openLoopReport(points: readonly OpenLoopPublished[], estimate: OpenLoopEstimator): OpenLoopReport {
  const calibrated = compareOpenLoop(points, (s, c) => estimate(s, c, undefined));
  const bare = compareOpenLoop(points, (s, c) => estimate(s, c, 0));
  return { calibrated, bare, calibratedSummary: summariseOpenLoop(calibrated), bareSummary: summariseOpenLoop(bare) };
}
