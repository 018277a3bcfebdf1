import { z } from "zod";
import { GPU_IDS, MODEL_IDS, getModel } from "../catalog";
import type { ModelArch } from "../catalog/types";
import { ENGINE_IDS, KV_PRECISIONS, WEIGHT_PRECISIONS, type EstimateInputRaw } from "../plan/estimate-input";

/**
 * The lessons' scenario: one model on one kind of GPU, how many of them and how they split the model, the precision,
 * and the workload (concurrent users, prompt length, output length). Every Atlas and Spine page reads it from the
 * URL's search parameters, so a lesson with a scenario is a link.
 *
 * URL parameters: model, gpu, gpus, par, weights, kv, concurrency, isl, osl, engine — the names the estimate request
 * (lib/plan/estimate-input.ts) uses where one exists; `gpus` and `par` (how the GPUs split the model) are ours and
 * become tp / pp / dp / moeTp / moeEp (see `layoutOf`).
 */

/** How the GPUs of one replica split the model. */
export const PARALLELISMS = ["tp", "pp", "tp-ep", "dp-ep"] as const;
export type Parallelism = (typeof PARALLELISMS)[number];

export const PARALLELISM_LABELS: Readonly<Record<Parallelism, string>> = {
  tp: "TP: split every matrix",
  pp: "PP: split the layers",
  "tp-ep": "TP + EP: experts spread (MoE)",
  "dp-ep": "DP attention + EP (MoE)",
};

export const KV_CHOICES = ["auto", ...KV_PRECISIONS] as const;
export type KvChoice = (typeof KV_CHOICES)[number];

/** GPU counts offered by the scenario bar (any whole number 1–512 is accepted from the URL). */
export const GPU_COUNTS = [1, 2, 4, 8, 16, 32, 64, 72] as const;
export const CONCURRENCY_CHOICES = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] as const;
export const CONTEXT_CHOICES = [128, 512, 1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000] as const;
export const OUTPUT_CHOICES = [50, 100, 250, 500, 1000, 2000, 4000, 8000] as const;

const catalogId = (field: string, ids: readonly string[]) =>
  z.string({ error: `${field} must be text` }).refine((v) => ids.includes(v), { error: `${field} must be one of ${ids.join(", ")}` });
const wholeNumber = (field: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${field} must be a number` })
    .int({ error: `${field} must be a whole number` })
    .min(min, { error: `${field} must be at least ${min}` })
    .max(max, { error: `${field} must be at most ${max}` });

/** One field schema per URL parameter, so a bad parameter falls back alone (see `parseScenario`). */
export const scenarioFields = {
  model: catalogId("model", MODEL_IDS),
  gpu: catalogId("gpu", GPU_IDS),
  gpus: wholeNumber("gpus", 1, 512),
  par: z.enum(PARALLELISMS, { error: `par must be one of ${PARALLELISMS.join(", ")}` }),
  weights: z.enum(WEIGHT_PRECISIONS, { error: `weights must be one of ${WEIGHT_PRECISIONS.join(", ")}` }),
  kv: z.enum(KV_CHOICES, { error: `kv must be one of ${KV_CHOICES.join(", ")}` }),
  concurrency: wholeNumber("concurrency", 1, 100_000),
  isl: wholeNumber("isl", 1, 1_000_000),
  osl: wholeNumber("osl", 1, 1_000_000),
  engine: z.enum(ENGINE_IDS, { error: `engine must be one of ${ENGINE_IDS.join(", ")}` }),
} as const;

export const scenarioSchema = z.object(scenarioFields);
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioKey = keyof Scenario;
export const SCENARIO_KEYS = Object.keys(scenarioFields) as ScenarioKey[];

/**
 * The default lesson: a Llama-3-70B-class model in FP8 on two H100 SXM with tensor parallelism, one user,
 * a 1,000-token prompt and 500 output tokens.
 */
export const DEFAULT_SCENARIO: Scenario = Object.freeze({
  model: "llama-3.1-70b",
  gpu: "h100-sxm",
  gpus: 2,
  par: "tp",
  weights: "fp8",
  kv: "auto",
  concurrency: 1,
  isl: 1000,
  osl: 500,
  engine: "vllm",
});

export interface ScenarioProblem {
  readonly field: ScenarioKey;
  readonly message: string;
}

type ParamSource = URLSearchParams | { get(name: string): string | null } | Readonly<Record<string, string | string[] | undefined>>;

function read(params: ParamSource, name: string): string | null {
  if (typeof (params as { get?: unknown }).get === "function") return (params as { get(n: string): string | null }).get(name);
  const v = (params as Readonly<Record<string, string | string[] | undefined>>)[name];
  if (v === undefined) return null;
  return Array.isArray(v) ? (v[0] ?? null) : v;
}

/**
 * URL search parameters → scenario. Never throws: a missing parameter takes the default, a bad one takes the
 * default and is reported (field + message), so one typo does not blank the lesson.
 */
export function parseScenario(params: ParamSource): { scenario: Scenario; problems: ScenarioProblem[] } {
  const out: Record<string, unknown> = { ...DEFAULT_SCENARIO };
  const problems: ScenarioProblem[] = [];
  for (const key of SCENARIO_KEYS) {
    const raw = read(params, key);
    if (raw === null || raw === "") continue;
    const r = scenarioFields[key].safeParse(raw);
    if (r.success) out[key] = r.data;
    else problems.push({ field: key, message: r.error.issues[0]?.message ?? `${key} is not valid` });
  }
  return { scenario: out as Scenario, problems };
}

/** Scenario → query string (without "?"), only the fields that differ from the default, in a stable order. */
export function scenarioQuery(s: Scenario): string {
  const q = new URLSearchParams();
  for (const key of SCENARIO_KEYS) {
    if (s[key] !== DEFAULT_SCENARIO[key]) q.set(key, String(s[key]));
  }
  return q.toString();
}

/** A path with the scenario's query appended (nothing appended for the default scenario). */
export function withScenario(path: string, s: Scenario): string {
  const q = scenarioQuery(s);
  return q ? `${path}?${q}` : path;
}

/** The scenario with one field changed. */
export function setScenario<K extends ScenarioKey>(s: Scenario, key: K, value: Scenario[K]): Scenario {
  return { ...s, [key]: value };
}

export interface LayoutChoice {
  readonly tp: number;
  readonly pp: number;
  readonly dp: number;
  readonly moeTp?: number;
  readonly moeEp?: number;
}

/**
 * GPU count × parallelism → the estimate request's layout fields.
 *  - tp: every matrix split over all GPUs (tp = gpus).
 *  - pp: the layers split into gpus stages (pp = gpus).
 *  - tp-ep: attention tensor-parallel, experts spread whole over the GPUs (tp = moeEp = gpus, moeTp = 1).
 *  - dp-ep: each GPU runs attention for its own users, experts spread whole (dp = moeEp = gpus, moeTp = 1).
 * The two expert-parallel choices only mean something for MoE models; a dense model falls back to tp.
 */
export function layoutOf(s: Scenario, model: ModelArch | undefined): LayoutChoice {
  const n = s.gpus;
  const moe = model?.moe != null;
  if (s.par === "pp") return { tp: 1, pp: n, dp: 1 };
  if (s.par === "tp-ep" && moe) return { tp: n, pp: 1, dp: 1, moeTp: 1, moeEp: n };
  if (s.par === "dp-ep" && moe) return { tp: 1, pp: 1, dp: n, moeTp: 1, moeEp: n };
  return { tp: n, pp: 1, dp: 1 };
}

/** True when the scenario's parallelism choice is not available for its model (EP on a dense model). */
export function parallelismFallsBack(s: Scenario, model: ModelArch | undefined): boolean {
  return (s.par === "tp-ep" || s.par === "dp-ep") && model?.moe == null;
}

/**
 * Scenario → the estimate request (lib/plan/estimate-input.ts, before parsing). `priceUsdPerGpuHour` is added by the
 * caller from the catalog's price rows.
 */
export function estimateRequestOf(s: Scenario, priceUsdPerGpuHour?: number): EstimateInputRaw {
  const layout = layoutOf(s, getModel(s.model));
  return {
    model: s.model,
    gpu: s.gpu,
    engine: s.engine,
    weights: s.weights,
    ...(s.kv === "auto" ? {} : { kv: s.kv }),
    ...layout,
    isl: s.isl,
    osl: s.osl,
    concurrency: s.concurrency,
    ...(priceUsdPerGpuHour !== undefined ? { priceUsdPerGpuHour } : {}),
  };
}

/**
 * The /calculate link with the scenario filled in: its parameters are the estimate request's field names
 * (model, gpu, engine, weights, kv, tp, pp, dp, moeTp, moeEp, isl, osl, concurrency).
 */
export function calculateHref(s: Scenario): string {
  const req = estimateRequestOf(s);
  const q = new URLSearchParams();
  const order = ["model", "gpu", "engine", "weights", "kv", "tp", "pp", "dp", "moeTp", "moeEp", "isl", "osl", "concurrency"] as const;
  for (const k of order) {
    const v = (req as Record<string, unknown>)[k];
    if (v !== undefined) q.set(k, String(v));
  }
  return `/calculate?${q.toString()}`;
}
