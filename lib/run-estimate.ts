/**
 * Edge glue shared by POST /api/estimate, `atlas estimate` and /calculate: raw request → validated input →
 * catalog lookups → estimateConfig. Never throws; every failure is a list of { field, message } (HTTP 400).
 * Pure (no fs): a config.json given by path is read through `opts.readHfConfig`, which only the CLI supplies.
 */
import { getGpu, getModel, GPU_IDS, HfConfigError, importHfConfig, MODEL_IDS, pricePerGpuHour } from "./catalog";
import type { GpuPrice, GpuSpec, ModelArch } from "./catalog/types";
import { estimateConfig } from "./model";
import type { EstimateResult } from "./model/estimate-types";
import { estimateInputSchema, WEIGHT_PRECISIONS, type EstimateInput } from "./plan/estimate-input";

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export type RunEstimateResult =
  | { readonly ok: true; readonly result: EstimateResult; readonly input: EstimateInput; readonly model: ModelArch; readonly gpu: GpuSpec; readonly price: PriceUsed }
  | { readonly ok: false; readonly status: 400; readonly errors: readonly FieldError[] };

/** Where the $/GPU-hour came from: the request, or the catalog's representative on-demand price (null: none known). */
export type PriceUsed =
  | { readonly source: "request"; readonly usdPerGpuHour: number }
  | { readonly source: "catalog"; readonly usdPerGpuHour: number; readonly row: GpuPrice; readonly note: string }
  | { readonly source: "none"; readonly usdPerGpuHour: 0 };

export interface RunEstimateOptions {
  readonly explain?: boolean;
  /** Reads a config.json given by path (CLI only). Without it, `hfConfig` is rejected with a field error. */
  readonly readHfConfig?: (path: string) => unknown;
}

const fail = (errors: FieldError[]) => ({ ok: false as const, status: 400 as const, errors });

/** A zod issue path → "tp", "hfConfigJson.num_layers", or "request" for the root. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "request" : path.map(String).join(".");
}

function resolveModel(input: EstimateInput, opts: RunEstimateOptions): { model: ModelArch } | { error: FieldError } {
  if (input.model !== undefined) {
    const m = getModel(input.model);
    return m ? { model: m } : { error: { field: "model", message: `unknown model "${input.model}"; valid: ${MODEL_IDS.join(", ")}` } };
  }
  let json: unknown;
  let where: "hfConfig" | "hfConfigJson";
  if (input.hfConfigJson !== undefined) {
    json = input.hfConfigJson;
    where = "hfConfigJson";
  } else {
    where = "hfConfig";
    if (!opts.readHfConfig) {
      return {
        error: {
          field: "hfConfig",
          message: "hfConfig (a file path) is only accepted by the CLI; send the config.json object itself as hfConfigJson",
        },
      };
    }
    try {
      json = opts.readHfConfig(input.hfConfig!);
    } catch (e) {
      return { error: { field: "hfConfig", message: `cannot read ${input.hfConfig}: ${e instanceof Error ? e.message : String(e)}` } };
    }
  }
  try {
    const named = (json as Record<string, unknown> | null)?.["_name_or_path"];
    const model = importHfConfig(json, {
      id: "custom",
      name: typeof named === "string" && named ? named : where === "hfConfig" ? input.hfConfig! : "Custom model (config.json)",
    });
    return { model };
  } catch (e) {
    if (e instanceof HfConfigError) return { error: { field: `${where}.${e.field}`, message: e.message } };
    return { error: { field: where, message: `cannot import config.json: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

const catalogPrice = new Map<string, PriceUsed>();

function resolvePrice(input: EstimateInput, gpu: GpuSpec): PriceUsed {
  if (input.priceUsdPerGpuHour !== undefined) return { source: "request", usdPerGpuHour: input.priceUsdPerGpuHour };
  let p = catalogPrice.get(gpu.id);
  if (!p) {
    // The catalog is static data, so the representative price per GPU is computed once.
    const row = pricePerGpuHour(gpu.id);
    p = row
      ? {
          source: "catalog",
          usdPerGpuHour: row.perGpuHour,
          row,
          note: `Price: $${row.perGpuHour.toFixed(2)}/GPU-hour (${row.provider} ${row.term}, seen ${row.dateSeen}), the catalog's representative price for ${gpu.name}; enter your own $ per GPU-hour (priceUsdPerGpuHour in the API, --price in the CLI) to use yours.`,
        }
      : { source: "none", usdPerGpuHour: 0 };
    catalogPrice.set(gpu.id, p);
  }
  return p;
}

/** Unknown catalog ids in a request that failed validation elsewhere, so one answer names every bad field. */
function catalogErrors(raw: unknown, already: readonly FieldError[]): FieldError[] {
  if (typeof raw !== "object" || raw === null) return [];
  const r = raw as { model?: unknown; gpu?: unknown };
  const out: FieldError[] = [];
  const has = (f: string) => already.some((e) => e.field === f);
  if (typeof r.model === "string" && r.model && !getModel(r.model) && !has("model")) {
    out.push({ field: "model", message: `unknown model "${r.model}"; valid: ${MODEL_IDS.join(", ")}` });
  }
  if (typeof r.gpu === "string" && r.gpu && !getGpu(r.gpu) && !has("gpu")) {
    out.push({ field: "gpu", message: `unknown gpu "${r.gpu}"; valid: ${GPU_IDS.join(", ")}` });
  }
  return out;
}

/** Parse and validate only (no estimate): the input, or field errors. */
export function parseEstimateInput(raw: unknown): { ok: true; input: EstimateInput } | { ok: false; status: 400; errors: FieldError[] } {
  const parsed = estimateInputSchema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  return fail(parsed.error.issues.map((i) => ({ field: fieldOf(i.path), message: i.message })));
}

/**
 * The weight precision to estimate: the request's, or — when the request leaves it out — the precision the checkpoint
 * ships in (ModelArch.nativePrecision, from quantization_config: DeepSeek-R1 fp8, gpt-oss MXFP4), else bf16. An
 * estimate of a quantised checkpoint at bf16 would describe a model nobody downloads: twice or four times the memory.
 */
export function weightsOf(raw: unknown, parsed: EstimateInput, arch: ModelArch): { weights: EstimateInput["weights"]; note?: string } {
  const given = typeof raw === "object" && raw !== null && (raw as { weights?: unknown }).weights !== undefined;
  const native = arch.nativePrecision;
  if (given || native === undefined || native === "bf16") return { weights: parsed.weights };
  if ((WEIGHT_PRECISIONS as readonly string[]).includes(native)) {
    return {
      weights: native as EstimateInput["weights"],
      note: `Weights: ${native}, the precision the checkpoint ships in (quantization_config); set weights to estimate another.`,
    };
  }
  return {
    weights: parsed.weights,
    note: `Weights: the checkpoint ships ${native} weights, which the estimator does not model (${WEIGHT_PRECISIONS.join(", ")}); estimated at ${parsed.weights}. Set weights to choose.`,
  };
}

/**
 * Validate, resolve and estimate one request. Unknown model or GPU ids and unreadable configs are field errors that
 * list the valid values. Without a price in the request the catalog's representative on-demand $/GPU-hour is used
 * (and said so in `notes`); `input.priceUsdPerGpuHour` in the answer is the price the estimate used.
 */
export function runEstimate(raw: unknown, opts: RunEstimateOptions = {}): RunEstimateResult {
  const p = parseEstimateInput(raw);
  if (!p.ok) return fail([...p.errors, ...catalogErrors(raw, p.errors)]);
  const errors: FieldError[] = [];
  const resolved = resolveModel(p.input, opts);
  if ("error" in resolved) errors.push(resolved.error);
  const gpu = getGpu(p.input.gpu);
  if (!gpu) errors.push({ field: "gpu", message: `unknown gpu "${p.input.gpu}"; valid: ${GPU_IDS.join(", ")}` });
  if (errors.length > 0 || !gpu || "error" in resolved) return fail(errors);
  const arch = resolved.model;

  const weights = weightsOf(raw, p.input, arch);
  const price = resolvePrice(p.input, gpu);
  const input: EstimateInput = {
    ...p.input,
    weights: weights.weights,
    ...(price.source === "catalog" ? { priceUsdPerGpuHour: price.usdPerGpuHour } : {}),
  };
  let result: EstimateResult;
  try {
    result = estimateConfig({ model: arch, gpu, input, explain: opts.explain ?? false });
  } catch (e) {
    // The core is specified not to throw for valid input; if it ever does, answer with a field-less 400, not a crash.
    return fail([{ field: "request", message: `could not estimate this configuration: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  const extra: string[] = [];
  if (weights.note) extra.push(weights.note);
  if (price.source === "catalog") extra.push(price.note);
  // what the importer read and assumed (a pasted config), or what the catalog entry says of its architecture
  if (arch.id === "custom" && arch.notes) extra.push(`config.json: ${arch.notes}`);
  else if (arch.notes) extra.push(`${arch.name} (catalog): ${arch.notes}`);
  if (extra.length > 0) result = { ...result, notes: [...(result.notes ?? []), ...extra] };
  return { ok: true, result, input, model: arch, gpu, price };
}

/** The wire shape of a successful estimate (API body, CLI --json and --jsonl lines): the request's id, then the result. */
export function estimateResponse(r: Extract<RunEstimateResult, { ok: true }>): { id?: string | number } & EstimateResult {
  return r.input.id === undefined ? r.result : { id: r.input.id, ...r.result };
}
