import type { GpuSpec, ModelArch } from "../catalog/types";
import { valuesByGroup, type PipelineFigures } from "./confidence";
import { CONFIDENCE_RULES, publishedLevel } from "./judge";
import type { PublicComparison } from "./public-compare";
import { regimeFor, type Regime } from "./regimes";
import { mdape } from "./stats";
import type { PublicMetric } from "./types";

/**
 * Published throughput figures (../shared/reference, transcribed into public-measurements.generated.ts) placed in the
 * regimes of confidence.ts. They were measured with other harnesses and releases, many on models and GPUs the fit never
 * saw, so they are a third test of a regime beside its in-sample and held-out errors: data the calibration never had.
 * They measure throughput only (output tok/s, per-user tok/s, inter-token latency), so they judge the TPOT side.
 */
export interface PublishedRegime {
  /** Predicted published figures in the regime (suspect figures left out). */
  readonly rows: number;
  /** MdAPE of the predicted throughput against the published one. */
  readonly throughputMdape: number;
}

/** Published errors by regime id (the ids of confidence.ts: the fallback chain and the single dimensions). */
export type PublishedRegimes = Readonly<Record<string, PublishedRegime>>;

/** The published metrics that measure decode speed (throughput or its inverse); TTFT figures are not among them. */
export const THROUGHPUT_METRICS: readonly PublicMetric[] = [
  "output_tps_total",
  "output_tps_per_gpu",
  "tokens_per_s_per_user",
  "itl_ms",
];

export interface Resolve {
  readonly getModel: (id: string) => ModelArch | undefined;
  readonly getGpu: (id: string) => GpuSpec | undefined;
}

/**
 * Group predicted published throughput figures by regime: MoE or dense from the catalog model, batch from the
 * concurrency the figure was predicted at (stated, or the KV-limited batch of an offline run), context from ISL + OSL,
 * the GPU's generation and the engine.
 */
export function publishedByRegime(list: readonly PublicComparison[], resolve: Resolve): PublishedRegimes {
  const items: [Regime, number][] = [];
  for (const c of list) {
    const { row } = c;
    if (row.suspect || c.err === null || c.concurrencyUsed === null || !THROUGHPUT_METRICS.includes(row.metric)) continue;
    const model = resolve.getModel(row.model);
    const gpu = resolve.getGpu(row.gpu);
    if (!model || !gpu) continue;
    const regime = regimeFor({
      moe: model.moe !== null,
      concurrency: c.concurrencyUsed,
      isl: row.isl,
      osl: row.osl,
      generation: gpu.generation,
      engine: row.engine,
    });
    items.push([regime, c.err]);
  }
  const out: Record<string, PublishedRegime> = {};
  for (const [id, e] of valuesByGroup(items)) out[id] = { rows: e.length, throughputMdape: mdape(e)! };
  return out;
}

/**
 * The published throughput figures of pipeline-parallel setups (pp > 1) and the level they support (judge.ts
 * `publishedLevel`), or undefined when none was published. No calibration run used pp > 1, so these figures are the
 * only measurement of the pipeline model.
 */
export function pipelineFigures(list: readonly PublicComparison[]): PipelineFigures | undefined {
  const errs = list.flatMap((c) =>
    !c.row.suspect && c.err !== null && c.row.pp > 1 && THROUGHPUT_METRICS.includes(c.row.metric) ? [c.err] : [],
  );
  if (errs.length === 0) return undefined;
  const p = { rows: errs.length, throughputMdape: mdape(errs)! };
  const judged = publishedLevel(p) ?? { level: "low" as const, reasons: [`only ${p.rows} published figures (a level needs ≥ ${CONFIDENCE_RULES.minRows})`] };
  return { ...p, level: judged.level, reasons: judged.reasons };
}
