import type { EngineId, ModelArch, WeightPrecision } from "../../catalog/types";
import { getModel } from "../../catalog/models";
import type { EstimateInput } from "../../plan/estimate-input";

/**
 * Published measurements (../shared/reference/measurements-public.csv) the estimator can express:
 * a catalog model and GPU, TensorRT-LLM (the only modelled engine those documents use), a known TP, a weight
 * precision we model, and a metric we predict — output tok/s (total or per GPU), per-user tok/s, TTFT, ITL/TPOT.
 * Rows with a stated concurrency (closed loop) or static batch size are predicted at that concurrency; offline
 * "all requests at once" throughput rows at the KV-limited concurrency, capped at MAX_BATCH (the engines'
 * max_batch_size of those documents). Open-loop (QPS) rows are not expressible and are skipped.
 */
/** Model names in measurements-public.csv → catalog id, and why when it is a stand-in of the same architecture. */
export const PUBLIC_MODELS: Readonly<Record<string, { id: string; note: string | null }>> = {
  "Llama-3.1-8B": { id: "llama-3.1-8b", note: null },
  "Llama-3.1-70B": { id: "llama-3.1-70b", note: null },
  "Llama-3.1-405B": { id: "llama-3.1-405b", note: null },
  "Llama-3.3-70B": { id: "llama-3.3-70b", note: null },
  "Llama-3-8B": { id: "llama-3.1-8b", note: "Llama 3 8B has the Llama 3.1 8B architecture (only the context length differs)" },
  "Llama-3-70B": { id: "llama-3.1-70b", note: "Llama 3 70B has the Llama 3.1 70B architecture (only the context length differs)" },
  "Llama-4-Scout-17B-16E": { id: "llama-4-scout", note: null },
  "Llama-4-Maverick-17B-128E": { id: "llama-4-maverick", note: null },
  "Mistral-7B": { id: "mistral-7b-v0.1", note: null },
  "Mixtral-8x7B": { id: "mixtral-8x7b", note: null },
  "Mixtral-8x22B": { id: "mixtral-8x22b", note: null },
  "Qwen3-30B-A3B": { id: "qwen3-30b-a3b", note: null },
  "Qwen3-235B-A22B": { id: "qwen3-235b-a22b", note: null },
  "gpt-oss-20b": { id: "gpt-oss-20b", note: null },
  "gpt-oss-120b": { id: "gpt-oss-120b", note: null },
  "DeepSeek-R1": { id: "deepseek-r1", note: null },
  "DeepSeek-R1-0528": { id: "deepseek-r1", note: "DeepSeek-R1-0528 has the DeepSeek-R1 architecture" },
  "Llama-2-7B": { id: "llama-2-7b", note: null },
  "Llama-2-70B": { id: "llama-2-70b", note: null },
};

/** The catalog id of each model name (PUBLIC_MODELS without the notes). */
export const MODEL_NAMES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(PUBLIC_MODELS).map(([k, v]) => [k, v.id]));

/**
 * GPU labels in measurements-public.csv → catalog id (TensorRT-LLM's H100/H200/A100 tables are SXM parts). One map for
 * `npm run validate` and `npm run transcribe`, so the script and /validate compare the same rows.
 */
export const GPU_NAMES: Readonly<Record<string, string>> = {
  H100: "h100-sxm",
  H200: "h200-sxm",
  A100: "a100-80gb",
  L40S: "l40s",
  B200: "b200",
  GB200: "gb200",
  GH200: "gh200",
  "RTX 4090": "rtx-4090",
  "H100 PCIe": "h100-pcie",
  "RTX PRO 6000 Blackwell Server": "rtx-pro-6000",
  "A100-PCIE": "a100-80gb-pcie",
};

export const MAX_BATCH = 2048;

/**
 * Whether a published figure was measured in-process on a static batch (TensorRT-LLM's gptSessionBenchmark: the
 * engine runs the batch's context phase, then its generation steps, with no server, scheduler or request path). Its
 * batch-1 first-token latency is the engine's prefill of the prompt, so it is compared with the estimate's prefillMs,
 * not with ttftMs (a served request: fixed request overhead, waits for running iterations).
 */
export function measuredInProcess(engineLabel: string): boolean {
  return /gptSessionBenchmark/i.test(engineLabel);
}

/**
 * The weights a published run executed, from its column's precision label. A model published only as an MXFP4
 * checkpoint (gpt-oss: quantization_config quant_method "mxfp4") runs its experts in MXFP4 whatever the column says:
 * TensorRT-LLM runs them with bf16 activations on Hopper and mxfp8 on Blackwell (examples/models/core/gpt_oss/
 * README.md, "MoE Support Matrix"), so an "FP8" column of its Hopper tables names the activations and the FP8 KV
 * cache, not an FP8 copy of the weights (none is published). Every other label is taken as written.
 */
export function publishedWeights(model: ModelArch | undefined, labelled: WeightPrecision): WeightPrecision {
  return model?.fp4Format === "mxfp4" && model.nativePrecision === "fp4" && labelled === "fp8" ? "fp4" : labelled;
}

/** "MTP speculative decoding (3 nextn layers) ENABLED": the draft tokens a published run used. */
const MTP_DRAFTS = /MTP speculative decoding \((\d+) nextn layers?\) ENABLED/i;

/** The MTP draft tokens per iteration a published figure's notes state; null when they state none. */
export function publishedDraftTokens(notes: string): number | null {
  const m = MTP_DRAFTS.exec(notes);
  return m ? Number(m[1]) : null;
}

/** The notes without the speculative decoding the estimator models (so it no longer marks the figure suspect). */
export function withoutModelledSpeculation(notes: string): string {
  return notes.replace(MTP_DRAFTS, "");
}

export type PublicMetric = "output_tps_total" | "output_tps_per_gpu" | "tokens_per_s_per_user" | "ttft_ms" | "itl_ms";
const METRICS: readonly PublicMetric[] = ["output_tps_total", "output_tps_per_gpu", "tokens_per_s_per_user", "ttft_ms", "itl_ms"];

export interface PublicCase {
  readonly model: string;
  readonly gpu: string;
  readonly metric: PublicMetric;
  readonly measured: number;
  /** Concurrency to predict at; null = offline max throughput (use the KV-limited concurrency). */
  readonly concurrency: number | null;
  readonly input: Omit<EstimateInput, "concurrency">;
  readonly source: string;
  readonly detail: string;
  /** Measured in-process on a static batch (measuredInProcess): TTFT is compared with the prefill time. */
  readonly inProcess: boolean;
}

function precision(p: string): WeightPrecision | null {
  const u = p.toUpperCase();
  if (u.startsWith("FP8")) return "fp8";
  if (u.startsWith("FP16") || u.startsWith("BF16")) return "bf16";
  if (u.startsWith("FP4")) return "fp4";
  if (u.startsWith("INT4 AWQ") || u.startsWith("INT4 (GPTQ)")) return "int4";
  return null;
}

function engine(e: string): EngineId | null {
  return e.startsWith("TensorRT-LLM") ? "trtllm" : null;
}

export function mapPublicRecord(r: Record<string, string>): { ok: true; c: PublicCase } | { ok: false; reason: string } {
  const model = MODEL_NAMES[r.model ?? ""];
  if (!model) return { ok: false, reason: "model not in catalog" };
  const gpu = GPU_NAMES[r.gpu ?? ""];
  if (!gpu) return { ok: false, reason: "GPU not in catalog" };
  const eng = engine(r.engine ?? "");
  if (!eng) return { ok: false, reason: "engine not modelled" };
  const labelled = precision(r.precision ?? "");
  if (!labelled) return { ok: false, reason: "precision not modelled" };
  const w = publishedWeights(getModel(model), labelled);
  const metric = METRICS.find((m) => m === r.metric);
  if (!metric) return { ok: false, reason: "metric not predicted" };
  const tp = Number(r.tp);
  const pp = r.pp ? Number(r.pp) : 1;
  if (!(tp >= 1) || !(pp >= 1)) return { ok: false, reason: "parallelism not stated" };
  const isl = Number(r.isl);
  const osl = Number(r.osl);
  if (!(isl >= 1) || !(osl >= 1)) return { ok: false, reason: "ISL/OSL not stated" };
  const notes = r.notes ?? "";
  const conc = r.concurrency ? Number(r.concurrency) : null;
  if (conc === null && (metric === "ttft_ms" || metric === "itl_ms" || metric === "tokens_per_s_per_user")) {
    return { ok: false, reason: "latency without concurrency (open loop)" };
  }
  if (conc === null && /QPS|request rate \d/i.test(notes) && !/all requests/i.test(notes)) {
    return { ok: false, reason: "open-loop rate" };
  }
  const measured = Number(r.value);
  if (!(measured > 0)) return { ok: false, reason: "no value" };
  const dep = /\bDEP\d*/.test(notes) || /attention[- ]DP/i.test(notes);
  const ep = r.ep ? Number(r.ep) : 1;
  const drafts = publishedDraftTokens(notes);
  const spec = drafts === null ? {} : { mtpDraftTokens: drafts };
  const input: Omit<EstimateInput, "concurrency"> = dep
    ? { model, gpu, engine: eng, weights: w, tp: 1, pp, dp: tp, moeTp: 1, moeEp: tp, isl, osl, ...spec }
    : { model, gpu, engine: eng, weights: w, tp, pp, dp: 1, moeEp: ep, moeTp: Math.max(1, tp / ep), isl, osl, ...spec };
  return {
    ok: true,
    c: {
      model,
      gpu,
      metric,
      measured,
      concurrency: conc,
      input,
      source: r.source ?? "",
      detail: r.source_detail ?? "",
      inProcess: measuredInProcess(r.engine ?? ""),
    },
  };
}
