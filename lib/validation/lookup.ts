import { getGpu, getModel } from "../catalog";
import type { EngineId, GpuSpec, ModelArch } from "../catalog/types";
import type { Confidence } from "../catalog/types";
import { lookupConfidence, type BadgeTable, type ConfidenceAnswer } from "./confidence";
import { regimeFor, type Regime } from "./regimes";

/*
 * Badge lookups that need no measured rows and no estimator: a client component can import this module and the
 * BadgeTable its server parent got from `badgeTable()` (lib/validation/live.ts).
 */

export interface ConfidenceQuery {
  /** A catalog id or an architecture (an imported Hugging Face config, say). */
  readonly model: ModelArch | string;
  /** A catalog id or a GPU spec. */
  readonly gpu: GpuSpec | string;
  readonly engine: EngineId;
  readonly input: { readonly isl: number; readonly osl: number; readonly concurrency: number };
  /** MTP draft tokens per iteration (speculative decoding); absent or 0: none. */
  readonly mtpDraftTokens?: number;
  /** Pipeline stages; absent or 1: none. */
  readonly pp?: number;
}

/** The regime of a configuration, or why it has none. Pure; no measured rows needed. */
export function regimeOf(
  q: ConfidenceQuery,
  resolve: { getModel: (id: string) => ModelArch | undefined; getGpu: (id: string) => GpuSpec | undefined } = {
    getModel,
    getGpu,
  },
): Regime | string {
  const model = typeof q.model === "string" ? resolve.getModel(q.model) : q.model;
  const gpu = typeof q.gpu === "string" ? resolve.getGpu(q.gpu) : q.gpu;
  if (!model) return `unknown model ${String(q.model)}`;
  if (!gpu) return `unknown GPU ${String(q.gpu)}`;
  return regimeFor({ ...q.input, moe: model.moe !== null, generation: gpu.generation, engine: q.engine });
}

/**
 * Level for a regime, or "low" with the reason when the configuration has no regime; drafts are held to their runs,
 * pipeline stages to the published pipeline-parallel figures, linear-attention layers to the runs of a hybrid model.
 */
export function confidenceFromTable(table: BadgeTable, q: ConfidenceQuery): ConfidenceAnswer {
  const answer = regimeConfidence(table, q);
  const drafted = (q.mtpDraftTokens ?? 0) > 0 ? withSpeculation(answer, table) : answer;
  const staged = (q.pp ?? 1) > 1 ? withPipeline(drafted, table) : drafted;
  const model = typeof q.model === "string" ? getModel(q.model) : q.model;
  if (!model || model.layerKinds.linear === 0) return staged;
  return model.linearAttention?.kind === "mamba2" ? withStateSpace(staged) : withHybrid(staged, table);
}

/**
 * A model with Mamba-2 (state-space) layers (Nemotron-H, Nemotron 3): neither the calibration nor the third-party runs
 * had one (the hybrid runs are Gated DeltaNet models), so nothing measured backs its estimate: "low", saying why.
 */
function withStateSpace(a: ConfidenceAnswer): ConfidenceAnswer {
  return heldTo(a, undefined, "Mamba-2 (state-space) layers: no calibration or third-party run of such a model to judge it", "");
}

/**
 * A model with linear-attention layers (Qwen3-Next, Qwen3.5): no calibration row is one, so its level is at most what
 * the measured runs of such a model earn (field-open-loop.ts, judge.ts rules), and "low" when none was measured.
 */
function withHybrid(a: ConfidenceAnswer, table: BadgeTable): ConfidenceAnswer {
  const h = table.hybrid;
  return heldTo(
    a,
    h,
    "linear-attention (hybrid) layers: no measured run of such a model to judge it",
    h ? `linear-attention (hybrid) layers, which no calibration run had: ${h.level} on ${h.rows} third-party runs of one (${h.reasons.join("; ")})` : "",
  );
}

const ORDER: readonly Confidence[] = ["low", "medium", "high"];

/**
 * `a` held to one more body of evidence for a feature the regimes do not measure: its level becomes the lower of the
 * two (with `line` saying why), or "low" with `missing` when there is no such evidence.
 */
function heldTo(a: ConfidenceAnswer, evidence: { readonly level: Confidence } | undefined, missing: string, line: string): ConfidenceAnswer {
  const why = evidence ? line : missing;
  const heldBy = [...(a.heldBy ?? []), why];
  if (!evidence) return { ...a, level: "low", reasons: [...a.reasons, why], heldBy };
  const level = ORDER.indexOf(a.level) <= ORDER.indexOf(evidence.level) ? a.level : evidence.level;
  return { ...a, level, reasons: [...a.reasons, why], heldBy };
}

/**
 * An estimate that drafts with an MTP module: its level is at most what the measured speculative-decoding runs earn
 * (their own errors, judge.ts rules), and "low" when no such run was measured.
 */
function withSpeculation(a: ConfidenceAnswer, table: BadgeTable): ConfidenceAnswer {
  const s = table.speculative;
  return heldTo(
    a,
    s,
    "speculative decoding (MTP drafts): no measured run to judge it",
    s ? `speculative decoding (MTP drafts), ${s.level} on its measured runs: ${s.reasons.join("; ")}` : "",
  );
}

/**
 * An estimate with pipeline stages: no calibration run used pp > 1, so its level is at most what the published
 * pipeline-parallel figures support (their throughput error, judge.ts published rules), and "low" when none was
 * published.
 */
function withPipeline(a: ConfidenceAnswer, table: BadgeTable): ConfidenceAnswer {
  const p = table.pipeline;
  return heldTo(
    a,
    p,
    "pipeline parallelism (pp > 1): no measured run or published figure to judge it",
    p ? `pipeline parallelism (pp > 1), which no calibration run used: ${p.level} on the published figures (${p.reasons.join("; ")})` : "",
  );
}

function regimeConfidence(table: BadgeTable, q: ConfidenceQuery): ConfidenceAnswer {
  const regime = regimeOf(q);
  if (typeof regime === "string") {
    return {
      level: "low",
      tpotMdape: null,
      ttftMdape: null,
      rows: 0,
      regime: { id: "regime_all", label: "all rows", href: "/validate#regime_all" },
      reasons: [regime],
    };
  }
  return lookupConfidence(table, regime);
}


/** The fields of an estimate request (lib/plan/estimate-input.ts) a badge reads. */
export interface ConfidenceInput {
  readonly model?: string;
  readonly gpu: string;
  readonly engine: EngineId;
  readonly isl: number;
  readonly osl: number;
  readonly concurrency: number;
  readonly mtpDraftTokens?: number;
  readonly pp?: number;
}

/**
 * Badge for a parsed estimate request, client side. `model` overrides `input.model` (an imported Hugging Face
 * config has no catalog id).
 */
export function confidenceFromTableForInput(table: BadgeTable, input: ConfidenceInput, model?: ModelArch): ConfidenceAnswer {
  return confidenceFromTable(table, {
    model: model ?? input.model ?? "",
    gpu: input.gpu,
    engine: input.engine,
    input: { isl: input.isl, osl: input.osl, concurrency: input.concurrency },
    ...(input.mtpDraftTokens ? { mtpDraftTokens: input.mtpDraftTokens } : {}),
    ...(input.pp ? { pp: input.pp } : {}),
  });
}
