/**
 * One candidate in full (with derivations) from its id, without rerunning the search: what the page asks for when
 * a chart point that is not among the ranked options is selected. Id format (recId): "gpu|tp.pp.dp.ep|weights/kv|engine|C",
 * the engine followed by "+mtpK" when it drafts K tokens with the model's MTP module.
 */
import { getGpu } from "../catalog";
import type { EngineId, KvPrecision, WeightPrecision } from "../catalog/types";
import { ENGINE_IDS, KV_PRECISIONS, WEIGHT_PRECISIONS } from "../plan/estimate-input";
import type { PlanInput } from "../plan/schema";
import { enumerateLayouts } from "./enumerate";
import { fitAt, prepareShape } from "./fast-estimate";
import { materialise } from "./materialise";
import { priceFor } from "./pricing";
import { engineRunsOn, type Shape } from "./search";
import { buildSpec } from "./spec";
import type { Candidate } from "./types";

const ID = /^([a-z0-9-]+)\|(\d+)\.(\d+)\.(\d+)\.(\d+)\|([a-z0-9]+)\/([a-z0-9]+)\|([a-z]+)(?:\+mtp(\d))?\|(\d+)$/;

/** The candidate with this id under this input, or null when the id is malformed or names an impossible shape. */
export function explainCandidate(input: PlanInput, id: string): Candidate | null {
  const m = ID.exec(id);
  if (!m) return null;
  const [, gpuId, tp, pp, dp, ep, w, kv, engine, k, c] = m;
  const drafts = k === undefined ? 0 : Number(k);
  const gpu = getGpu(gpuId!);
  if (!gpu) return null;
  if (!(WEIGHT_PRECISIONS as readonly string[]).includes(w!) || !(KV_PRECISIONS as readonly string[]).includes(kv!)) return null;
  if (!(ENGINE_IDS as readonly string[]).includes(engine!) || !engineRunsOn(engine as EngineId, gpu)) return null;
  const spec = buildSpec(input);
  if (!spec.drafts.includes(drafts)) return null;
  const layout = enumerateLayouts(spec.model, gpu).valid.find(
    (l) => l.tp === Number(tp) && l.pp === Number(pp) && l.dp === Number(dp) && l.moeEp === Number(ep),
  );
  if (!layout) return null;
  const price = priceFor(gpu.id, spec.term, spec.providers);
  if (!price) return null;
  const setup = prepareShape(spec.model, gpu, layout, w as WeightPrecision, kv as KvPrecision, engine as EngineId, drafts, spec);
  const fit = fitAt(setup, spec.isl95, spec.osl95);
  const conc = Number(c);
  if (!fit.fits || conc < 1 || conc > fit.maxConcurrency) return null;
  const shape: Shape = { gpu, price, layout, weights: w as WeightPrecision, kv: kv as KvPrecision, engine: engine as EngineId, drafts, maxConcurrency: fit.maxConcurrency };
  return materialise({ shape, c: conc }, spec, null, true);
}
