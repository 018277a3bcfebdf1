import type { EngineId, WeightPrecision } from "../../catalog/types";

/**
 * One measured benchmark of aic-silicon-agg.csv, mapped to the estimator's request fields.
 * Column mapping: system h100_sxm→h100-sxm, h200_sxm→h200-sxm, b200_sxm→b200, gb200→gb200; weights as-is;
 * tp_size→tp, pp_size→pp, attention_dp_size→dp (empty or 0 → 1), moe_tp_size→moeTp and moe_ep_size→moeEp
 * (empty or 0 → unset: the estimator's default); isl, osl, concurrency as-is. batch_size is not used (it is per
 * attention rank and implied by concurrency).
 */
export interface CalibRow {
  readonly id: string;
  readonly modelPath: string;
  /** The model's architecture key (the hf-configs file stem); several checkpoints share one architecture. */
  readonly arch: string;
  readonly gpu: string;
  readonly engine: EngineId;
  readonly weights: WeightPrecision;
  readonly tp: number;
  readonly pp: number;
  readonly dp: number;
  readonly moeTp: number | undefined;
  readonly moeEp: number | undefined;
  readonly isl: number;
  readonly osl: number;
  readonly concurrency: number;
  readonly ttftMs: number;
  readonly tpotMs: number;
  readonly source: string;
  /** The engine release the run recorded (backend_version); null where upstream left it empty. */
  readonly engineVersion: string | null;
}

export const SYSTEM_TO_GPU: Readonly<Record<string, string>> = {
  h100_sxm: "h100-sxm",
  h200_sxm: "h200-sxm",
  b200_sxm: "b200",
  gb200: "gb200",
};

/** Checkpoint → architecture (hf-configs file stem). Quantised re-releases share their base model's architecture. */
export const MODEL_PATH_TO_ARCH: Readonly<Record<string, string>> = {
  "meta-llama/Llama-3.1-8B-Instruct": "meta-llama--Meta-Llama-3.1-8B",
  "nvidia/Llama-3.1-8B-Instruct-FP8": "meta-llama--Meta-Llama-3.1-8B",
  "meta-llama/Llama-3.1-70B": "meta-llama--Meta-Llama-3.1-70B",
  "Qwen/Qwen3-32B": "Qwen--Qwen3-32B",
  "nvidia/Qwen3-32B-NVFP4": "Qwen--Qwen3-32B",
  "deepseek-ai/DeepSeek-R1": "deepseek-ai--DeepSeek-R1",
  "nvidia/DeepSeek-R1-NVFP4": "deepseek-ai--DeepSeek-R1",
  "openai/gpt-oss-120b": "openai--gpt-oss-120b",
};

const ENGINES: readonly EngineId[] = ["vllm", "sglang", "trtllm"];
const WEIGHTS: readonly WeightPrecision[] = ["bf16", "fp8", "fp4", "int4"];

function optCount(s: string | undefined): number | undefined {
  if (s === undefined || s === "") return undefined;
  const n = Number(s);
  return Number.isFinite(n) && n >= 1 ? n : undefined;
}

export type MapResult = { ok: true; row: CalibRow } | { ok: false; reason: string };

export function mapCsvRecord(r: Record<string, string>): MapResult {
  const gpu = SYSTEM_TO_GPU[r.system ?? ""];
  if (!gpu) return { ok: false, reason: `unknown system ${r.system}` };
  const arch = MODEL_PATH_TO_ARCH[r.model_path ?? ""];
  if (!arch) return { ok: false, reason: `no config for ${r.model_path}` };
  const engine = ENGINES.find((e) => e === r.backend);
  if (!engine) return { ok: false, reason: `unknown backend ${r.backend}` };
  const weights = WEIGHTS.find((w) => w === r.weights);
  if (!weights) return { ok: false, reason: `unknown weights ${r.weights}` };
  const ttftMs = Number(r.silicon_ttft_ms);
  const tpotMs = Number(r.silicon_tpot_ms);
  if (!(ttftMs > 0) || !(tpotMs > 0)) return { ok: false, reason: "missing measurement" };
  return {
    ok: true,
    row: {
      id: r.id ?? "",
      modelPath: r.model_path ?? "",
      arch,
      gpu,
      engine,
      weights,
      tp: optCount(r.tp_size) ?? 1,
      pp: optCount(r.pp_size) ?? 1,
      dp: optCount(r.attention_dp_size) ?? 1,
      moeTp: optCount(r.moe_tp_size),
      moeEp: optCount(r.moe_ep_size),
      isl: Number(r.isl),
      osl: Number(r.osl),
      concurrency: Number(r.concurrency),
      ttftMs,
      tpotMs,
      source: r.silicon_data_source ?? "",
      engineVersion: r.backend_version ? r.backend_version : null,
    },
  };
}

/**
 * Data cleaning, one documented rule. Some upstream rows on 8-GPU HGX systems (nvlinkDomain 8) record
 * tp (or attention_dp) = n² with moe_tp = moe_ep = n: their TTFT/TPOT are identical to the n-GPU rows of the same
 * runs (e.g. DeepSeek-R1 H200 `tp 64, moe 8×8` equals `tp 8, moe_ep 8`; `dp 64` equals `dp 8`), i.e. upstream wrote
 * tp × ep where it meant tp. We map them back to n GPUs with expert parallelism n (moeTp 1, moeEp n).
 * Returns the row unchanged when the rule does not apply.
 */
export function normaliseRow(r: CalibRow, nvlinkDomain: number, numHeads?: number): CalibRow {
  // Rule 2: wide rows on one NVLink domain (GB200 NVL72: tp = 12…72 on 128 heads) record the GPU count as tp with the
  // experts sliced over all of them (moe_tp = tp, moe_ep = 1). Attention cannot be split 36 ways over 128 heads; these
  // deployments run attention data-parallel (one attention replica per GPU, SGLang --enable-dp-attention, TRT-LLM
  // attention DP) with the recorded MoE split, so we map them to tp 1 × dp N, moeTp N, moeEp 1. The one row of that
  // family whose N divides the heads (tp 64, ISL 8192, C 538) is the same recipe: tensor-parallel MLA would hold the
  // whole latent KV on every GPU, and reading it (~165 GB per GPU per step at that batch) takes ~20 ms on 8 TB/s, twice
  // the 10 ms TPOT measured. So on a domain wider than one 8-GPU board, tp > 8 counts as wide too.
  const wide = numHeads !== undefined && (numHeads % r.tp !== 0 || (nvlinkDomain > 8 && r.tp > 8));
  if (
    wide &&
    r.tp > 1 &&
    r.dp === 1 &&
    r.tp <= nvlinkDomain &&
    (r.moeTp ?? r.tp) * (r.moeEp ?? 1) === r.tp
  ) {
    return { ...r, tp: 1, dp: r.tp, moeTp: r.moeTp ?? r.tp, moeEp: r.moeEp ?? 1 };
  }
  const g = r.tp * r.dp;
  if (g <= nvlinkDomain || r.moeTp === undefined || r.moeEp === undefined) return r;
  if (r.moeTp !== r.moeEp || r.moeTp * r.moeEp !== g) return r;
  const n = r.moeTp;
  return r.tp > 1 ? { ...r, tp: n, dp: 1, moeTp: 1, moeEp: n } : { ...r, tp: 1, dp: n, moeTp: 1, moeEp: n };
}

/**
 * Data cleaning, the same run recorded twice: upstream files repeat some runs (a row of 2026-03-25.csv again in
 * 2026-04-06.csv; an HGX row recording tp × ep that duplicates the n-GPU row once normaliseRow has mapped it back).
 * Same setup and the same figures (TTFT to 1 µs, TPOT to 0.1 µs) is the same run: it counts once in the fit and in
 * the validation, so no run weighs double. Runs of one setup with different figures are all kept (they are real
 * repeats; lib/validation/repeatability.ts measures how far apart they are).
 */
export function runKey(r: CalibRow): string {
  return [r.modelPath, r.gpu, r.engine, r.weights, r.isl, r.osl, r.concurrency, r.tp, r.pp, r.dp, r.moeTp ?? "-", r.moeEp ?? "-", r.ttftMs.toFixed(3), r.tpotMs.toFixed(4)].join("|");
}

/** The rows with every repeated record of a run dropped (first record kept, order preserved). */
export function distinctRuns<T extends CalibRow>(rows: readonly T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = runKey(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

