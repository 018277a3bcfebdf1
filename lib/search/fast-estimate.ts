/**
 * The search's hot path: estimateConfig's numbers, with the per-shape work done once.
 *
 * estimateConfig (lib/model/estimate.ts) resolves the layout, builds the setup (parameters, weight bytes per GPU,
 * compute paths, links), sizes memory, then runs the serving model, and wraps it all in a result with notes and
 * problems in words. Across a concurrency sweep only the serving model changes, so the search builds the setup
 * once per (model, GPU, layout, precision, KV precision, engine) with the model's own functions and calls `serve`
 * per concurrency. No equation lives here: tests/unit/search/fast-estimate.test.ts asserts that every figure equals
 * estimateConfig's, and the options a result shows are recomputed through estimateConfig(explain = true).
 */
import type { EngineId, GpuSpec, KvPrecision, ModelArch, WeightPrecision } from "../catalog/types";
import { profileFor, withStatedSettings, type StatedEngineSettings } from "../model/engines";
import type { BindingResource } from "../model/estimate-types";
import { resolveLayout } from "../model/layout";
import { memoryPerGpu } from "../model/memory";
import { bindingOf, serve, type Serving } from "../model/serving";
import { buildSetup, type Setup } from "../model/setup";
import { specDecodeOf } from "../model/spec-decode";
import type { LayoutChoice } from "./enumerate";

/** How requests reach a planned deployment: one at a time (random arrivals), never all together. */
export const PLANNER_ARRIVALS = "staggered" as const;
const STAGGERED = { staggered: true } as const;


export function prepareShape(
  model: ModelArch,
  gpu: GpuSpec,
  l: LayoutChoice,
  weights: WeightPrecision,
  kv: KvPrecision,
  engine: EngineId,
  drafts = 0,
  stated: StatedEngineSettings = {},
): Setup {
  // as estimateConfig's profileOf: the plan's stated settings (serving-stack latency, batch limit) replace the engine's
  const profile = withStatedSettings(profileFor(engine, gpu), stated);
  const layout = resolveLayout(model, gpu, { tp: l.tp, pp: l.pp, dp: l.dp, moeEp: model.moe ? l.moeEp : undefined });
  // speculative decoding as estimateConfig resolves it for mtpDraftTokens = drafts (the published acceptance rates)
  const spec = drafts > 0 ? specDecodeOf({ mtpDraftTokens: drafts }, model).spec : null;
  return buildSetup(model, gpu, layout, profile.factors, weights, kv, spec);
}

/** Whether one request of isl + osl tokens fits, and how many fit at once (estimateConfig's fits / maxConcurrency). */
export function fitAt(setup: Setup, isl: number, osl: number): { fits: boolean; maxConcurrency: number } {
  const m = memoryPerGpu(setup, 1, isl, osl);
  return { fits: m.fits, maxConcurrency: m.maxConcurrency };
}

export interface FastFigures {
  ttftMs: number;
  tpotMs: number;
  outputTokensPerSecond: number;
  binding: BindingResource;
}

/**
 * Serving figures at concurrency c (maxConcurrency at the same isl/osl), written into `out`. The planner sizes for
 * open-loop traffic, so requests arrive staggered (estimate input arrivals = "staggered", PLANNER_ARRIVALS).
 */
export function serveAt(setup: Setup, c: number, maxConcurrency: number, isl: number, osl: number, out: FastFigures): FastFigures {
  const srv = serve(setup, c, maxConcurrency, isl, osl, STAGGERED);
  out.ttftMs = srv.ttft * 1e3;
  out.tpotMs = srv.tpot * 1e3;
  out.outputTokensPerSecond = srv.outputTokensPerSecond;
  out.binding = bindingOf(srv, c > maxConcurrency);
  return out;
}
