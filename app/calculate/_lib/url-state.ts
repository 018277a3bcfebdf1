/**
 * /calculate's whole state in the URL, readable, e.g.
 *   /calculate?model=llama-3.1-70b&gpu=h100-sxm&tp=2&weights=fp8&concurrency=16&isl=2000&osl=400
 * A pasted config.json travels compressed in `cfg` (LZ77 + base64url) instead of `model`.
 * Decoding never fails: a bad parameter is dropped with a message saying why, and its default applies.
 */
import { getGpu, getModel, GPU_IDS } from "../../../lib/catalog";
import { fromBase64Url, toBase64Url } from "../../../lib/plan/bytes";
import { lzCompress, lzDecompress } from "../../../lib/plan/lz";
import { estimateInputSchema, type EstimateInputRaw } from "../../../lib/plan/estimate-input";

/** The calculator's form values: an estimate request without id / hfConfig (a server path is never used here). */
export type CalcValues = Omit<EstimateInputRaw, "id" | "hfConfig">;

export const DEFAULT_VALUES: CalcValues = {
  model: "llama-3.1-70b",
  gpu: "h100-sxm",
  engine: "vllm",
  weights: "fp8",
  tp: 2,
  pp: 1,
  dp: 1,
  isl: 1024,
  osl: 256,
  concurrency: 16,
};

/** URL parameter ↔ request field, in the order they are written. */
const PARAMS: readonly (readonly [param: string, field: keyof CalcValues, kind: "string" | "number"])[] = [
  ["model", "model", "string"],
  ["gpu", "gpu", "string"],
  ["engine", "engine", "string"],
  ["weights", "weights", "string"],
  ["kv", "kv", "string"],
  ["tp", "tp", "number"],
  ["pp", "pp", "number"],
  ["dp", "dp", "number"],
  ["moeTp", "moeTp", "number"],
  ["moeEp", "moeEp", "number"],
  ["isl", "isl", "number"],
  ["osl", "osl", "number"],
  ["concurrency", "concurrency", "number"],
  ["rate", "requestRate", "number"],
  ["spread", "randomRangeRatio", "number"],
  ["batchWait", "batchWaitIters", "number"],
  ["mem", "memFraction", "number"],
  ["chunk", "prefillChunkTokens", "number"],
  ["batch", "maxBatch", "number"],
  ["overhead", "requestOverheadMs", "number"],
  ["arrivals", "arrivals", "string"],
  ["recv", "schedulerRecvInterval", "number"],
  ["prompts", "numPrompts", "number"],
  ["mtp", "mtpDraftTokens", "number"],
  ["accept", "mtpAcceptanceLength", "number"],
  ["price", "priceUsdPerGpuHour", "number"],
];
export const CONFIG_PARAM = "cfg";
const KNOWN = new Set([...PARAMS.map((p) => p[0]), CONFIG_PARAM]);

const enc = new TextEncoder();
const dec = new TextDecoder();

export function encodeConfig(json: Record<string, unknown>): string {
  return toBase64Url(lzCompress(enc.encode(JSON.stringify(json))));
}

export function decodeConfig(token: string): Record<string, unknown> | null {
  const bytes = fromBase64Url(token);
  if (!bytes) return null;
  const raw = lzDecompress(bytes, undefined, 256 * 1024);
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(dec.decode(raw));
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Form values → query string (defaults left out, so links stay short). */
export function encodeCalcUrl(v: CalcValues): string {
  const q = new URLSearchParams();
  for (const [param, field] of PARAMS) {
    if (field === "model" && v.hfConfigJson) continue;
    const val = v[field];
    if (val === undefined || val === null || val === "" || (typeof val === "number" && !Number.isFinite(val))) continue;
    q.set(param, String(val));
  }
  if (v.hfConfigJson) q.set(CONFIG_PARAM, encodeConfig(v.hfConfigJson));
  return q.toString();
}

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function entries(p: Params): [string, string][] {
  if (p instanceof URLSearchParams) return [...p.entries()];
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(p)) {
    if (Array.isArray(v)) {
      if (v.length > 0) out.push([k, v[v.length - 1]!]);
    } else if (v !== undefined) out.push([k, v]);
  }
  return out;
}

export interface DecodedCalcUrl {
  readonly values: CalcValues;
  /** One sentence per parameter that was ignored, saying why and what is used instead. */
  readonly warnings: readonly string[];
}

/** Query parameters → form values. Bad or unknown parameters become warnings; defaults fill the gaps. */
export function decodeCalcUrl(params: Params): DecodedCalcUrl {
  const given = new Map(entries(params));
  const warnings: string[] = [];
  const values: Record<string, unknown> = { ...DEFAULT_VALUES };

  for (const k of given.keys()) if (!KNOWN.has(k)) warnings.push(`Ignored unknown parameter "${k}".`);
  const source = new Map<string, string>(); // field → param, for messages
  for (const [param, field, kind] of PARAMS) {
    const raw = given.get(param);
    if (raw === undefined || raw === "") continue;
    const n = Number(raw);
    values[field] = kind === "number" ? (raw.trim() !== "" && Number.isFinite(n) ? n : raw) : raw;
    source.set(field, param);
  }
  const cfg = given.get(CONFIG_PARAM);
  if (cfg) {
    const json = decodeConfig(cfg);
    if (json) {
      values.hfConfigJson = json;
      delete values.model;
    } else warnings.push(`Ignored "${CONFIG_PARAM}": it is not a readable config.json link (damaged or cut short); showing the default model.`);
  }
  if (typeof values.model === "string" && !getModel(values.model)) {
    warnings.push(`Unknown model "${values.model}"; showing ${DEFAULT_VALUES.model} instead.`);
    values.model = DEFAULT_VALUES.model;
  }
  if (typeof values.gpu === "string" && !getGpu(values.gpu)) {
    warnings.push(`Unknown GPU "${values.gpu}" (valid: ${GPU_IDS.join(", ")}); showing ${DEFAULT_VALUES.gpu} instead.`);
    values.gpu = DEFAULT_VALUES.gpu;
  }
  // Let the shared schema judge the rest; drop each bad field back to its default.
  for (let round = 0; round < 3; round++) {
    const r = estimateInputSchema.safeParse(values);
    if (r.success) break;
    for (const issue of r.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (!field || !(field in values)) continue;
      const param = source.get(field) ?? field;
      const fallback = (DEFAULT_VALUES as Record<string, unknown>)[field];
      warnings.push(`Ignored ${param}=${String(values[field])}: ${issue.message}${fallback !== undefined ? `; using ${String(fallback)}` : ""}.`);
      if (fallback === undefined) delete values[field];
      else values[field] = fallback;
    }
  }
  return { values: values as CalcValues, warnings };
}
