import { getGpu, getModel, pricePerGpuHour } from "../catalog";
import type { GpuPrice, GpuSpec, ModelArch } from "../catalog/types";
import { formatWithUnit } from "../format";
import {
  decodeStep,
  estimateConfig,
  estimateCore,
  kvBytesPerToken,
  linearLayerName,
  linearStateBytesPerLayer,
  type Derivation,
  type EstimateCore,
  type EstimateResult,
  type StepBreakdown,
} from "../model";
import { estimateInputSchema, type EstimateInput } from "../plan/estimate-input";
import { DEFAULT_SCENARIO, estimateRequestOf, type Scenario } from "./scenario";
import { showValue } from "./show";

/**
 * Everything a lesson page shows for one scenario, computed by the core (lib/model). The few figures the core does
 * not name directly (bytes per generated token, replica-wide sums of per-GPU figures) are trivial compositions of its
 * outputs, each returned as a Derivation so the page can show its arithmetic.
 */
export interface ScenarioFigures {
  readonly scenario: Scenario;
  readonly model: ModelArch;
  readonly gpu: GpuSpec;
  readonly input: EstimateInput;
  /** The catalog's representative on-demand price row for the GPU (null when none is listed). */
  readonly price: GpuPrice | null;
  readonly result: EstimateResult;
  readonly core: EstimateCore;
  /** Sequences decoded together in one step: min(concurrency, what the KV cache holds), at least 1. */
  readonly batch: number;
  /** Mean context a sequence attends to while it decodes: ISL + OSL/2 (the core's choice). */
  readonly context: number;
  /** One decode step at `batch` and `context`, per GPU of the most loaded stage (core). */
  readonly step: StepBreakdown;
  /** GPUs that share one pipeline stage (tp × dp): per-GPU figures × this = the whole replica's. */
  readonly stageGpus: number;
  /** The core's derivations by key, plus the lessons' own (keys starting "lesson."). */
  readonly d: Readonly<Record<string, Derivation>>;
}

/** A Derivation whose substituted text shows `parts` (label → value, unit) and the result. */
export function composed(
  key: string,
  label: string,
  value: number,
  unit: string,
  formula: string,
  parts: readonly (readonly [number, string])[],
  join: string,
): Derivation {
  const shown = parts.map(([v, u]) => formatWithUnit(v, u)).join(join);
  return { key, label, value, unit, formula, substituted: `${shown} = ${formatWithUnit(value, unit)}` };
}

/** A Derivation from a symbolic formula and its substituted text (the result is appended). */
export function derived(key: string, label: string, value: number, unit: string, formula: string, substituted: string): Derivation {
  return { key, label, value, unit, formula, substituted: `${substituted} = ${showValue(value, unit, key)}` };
}

const MEMO = new Map<string, ScenarioFigures>();

/**
 * The figures of a scenario. Pure and memoised on the scenario's fields (the same scenario is asked for by every
 * island of a page). Throws only for ids the catalog does not know, which `parseScenario` never lets through.
 */
export function scenarioFigures(s: Scenario = DEFAULT_SCENARIO): ScenarioFigures {
  const memoKey = JSON.stringify(s);
  const hit = MEMO.get(memoKey);
  if (hit) return hit;
  const model = getModel(s.model);
  const gpu = getGpu(s.gpu);
  if (!model) throw new Error(`unknown model ${s.model}`);
  if (!gpu) throw new Error(`unknown gpu ${s.gpu}`);
  const price = pricePerGpuHour(s.gpu);
  const input = estimateInputSchema.parse(estimateRequestOf(s, price?.perGpuHour));
  const result = estimateConfig({ model, gpu, input, explain: true });
  const core = estimateCore({ model, gpu, input });
  const batch = Math.max(1, Math.min(s.concurrency, core.memory.maxConcurrency));
  const context = core.serving.meanContext;
  const step = decodeStep(core.setup, batch, context);
  const stageGpus = core.layout.stageGpus;

  const d: Record<string, Derivation> = {};
  for (const x of result.derivations ?? []) d[x.key] = x;

  const replicaBytes = step.bytes * stageGpus;
  d["lesson.bytesPerStep"] = composed(
    "lesson.bytesPerStep",
    "Bytes read per decode step (whole replica)",
    replicaBytes,
    "B",
    "bytes per GPU per step × GPUs per stage",
    [
      [step.bytes, "B"],
      [stageGpus, "1"],
    ],
    " × ",
  );
  d["lesson.bytesPerToken"] = composed(
    "lesson.bytesPerToken",
    "Bytes read per generated token",
    replicaBytes / batch,
    "B",
    "bytes per decode step (replica) ÷ sequences in the batch",
    [
      [replicaBytes, "B"],
      [batch, "1"],
    ],
    " ÷ ",
  );
  d["lesson.flopsPerStep"] = composed(
    "lesson.flopsPerStep",
    "FLOPs per decode step (whole replica)",
    step.flops * stageGpus,
    "FLOP",
    "FLOPs per GPU per step × GPUs per stage",
    [
      [step.flops, "FLOP"],
      [stageGpus, "1"],
    ],
    " × ",
  );
  const kvpt = kvBytesPerToken(model, core.setup.kvBytes);
  // a hybrid's linear-attention / Mamba-2 layers hold a fixed state per request beside the attention layers' KV
  const state = model.linearAttention ? model.layerKinds.linear * linearStateBytesPerLayer(model) : 0;
  const stateName = `${linearLayerName(model)} state`;
  d["lesson.kvPerRequest"] =
    state > 0
      ? derived(
          "lesson.kvPerRequest",
          `KV cache and ${stateName} of one request (ISL + OSL tokens)`,
          kvpt * (s.isl + s.osl) + state,
          "B",
          `KV bytes per token × (ISL + OSL) + the fixed ${stateName}`,
          `${formatWithUnit(kvpt, "B")} × ${formatWithUnit(s.isl + s.osl, "1")} + ${formatWithUnit(state, "B")}`,
        )
      : composed(
          "lesson.kvPerRequest",
          "KV cache of one request (ISL + OSL tokens)",
          kvpt * (s.isl + s.osl),
          "B",
          "KV bytes per token × (ISL + OSL)",
          [
            [kvpt, "B"],
            [s.isl + s.osl, "1"],
          ],
          " × ",
        );
  d["lesson.bandwidth"] = composed(
    "lesson.bandwidth",
    "HBM bandwidth of the replica",
    gpu.hbmBandwidth * core.layout.gpus,
    "B/s",
    "bandwidth per GPU × GPUs",
    [
      [gpu.hbmBandwidth, "B/s"],
      [core.layout.gpus, "1"],
    ],
    " × ",
  );
  const figures: ScenarioFigures = { scenario: s, model, gpu, input, price, result, core, batch, context, step, stageGpus, d };
  if (MEMO.size > 200) MEMO.clear();
  MEMO.set(memoKey, figures);
  return figures;
}

/** A derivation by key; throws when the core stopped producing it (a contract break worth failing loudly on). */
export function need(f: ScenarioFigures, key: string): Derivation {
  const x = f.d[key];
  if (!x) throw new Error(`derivation ${key} missing`);
  return x;
}
