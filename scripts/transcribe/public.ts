import type { KvPrecision, WeightPrecision } from "../../lib/catalog/types";
import type { PublicMetric, PublicRow } from "../../lib/validation/types";
import { getModel } from "../../lib/catalog/models";
import { GPU_NAMES, PUBLIC_MODELS, publishedDraftTokens, publishedWeights, withoutModelledSpeculation } from "../../lib/model/calib/public";


const METRICS: readonly PublicMetric[] = [
  "output_tps_total",
  "output_tps_per_gpu",
  "tokens_per_s_per_user",
  "ttft_ms",
  "itl_ms",
];

function precision(p: string): WeightPrecision | null {
  if (p === "FP8") return "fp8";
  if (p === "FP16" || p === "BF16") return "bf16";
  if (p === "FP4" || p.startsWith("FP4 (")) return "fp4";
  return null;
}

function wholeOrNull(s: string | undefined): number | null {
  if (s === undefined || s === "") return null;
  const v = Number(s);
  return Number.isInteger(v) && v > 0 ? v : null;
}

const SUSPECT = /SUSPECT|speculative decoding[^;]*ENABLED|no \/GPU/i;

/**
 * One measurements-public.csv record → a row the estimator can express, or null with the reason it cannot
 * (engine not modelled, online serving at an offered request rate, model or GPU not in the catalog, …).
 */
export function publicRow(
  rec: Record<string, string>,
  row: number,
): { ok: true; row: PublicRow } | { ok: false; reason: string } {
  const engineText = rec.engine ?? "";
  if (!engineText.startsWith("TensorRT-LLM")) return { ok: false, reason: `engine not modelled: ${engineText}` };
  if (/online serving/i.test(engineText)) return { ok: false, reason: "online serving at an offered request rate" };
  const m = PUBLIC_MODELS[rec.model ?? ""];
  if (!m) return { ok: false, reason: `model not in catalog: ${rec.model}` };
  const gpu = GPU_NAMES[rec.gpu ?? ""];
  if (!gpu) return { ok: false, reason: `GPU not in catalog: ${rec.gpu}` };
  const labelled = precision(rec.precision ?? "");
  if (!labelled) return { ok: false, reason: `precision not modelled: ${rec.precision}` };
  const weights = publishedWeights(getModel(m.id), labelled);
  const metric = METRICS.find((x) => x === rec.metric);
  if (!metric) return { ok: false, reason: `metric not predicted: ${rec.metric}` };
  const isl = wholeOrNull(rec.isl);
  const osl = wholeOrNull(rec.osl);
  const tpCol = wholeOrNull(rec.tp);
  const numGpus = wholeOrNull(rec.num_gpus);
  const value = Number(rec.value);
  if (isl === null || osl === null) return { ok: false, reason: "ISL/OSL not stated" };
  if (tpCol === null || numGpus === null) return { ok: false, reason: "parallelism not stated" };
  if (!Number.isFinite(value) || value <= 0) return { ok: false, reason: `value not a positive number: ${rec.value}` };
  const pp = wholeOrNull(rec.pp) ?? 1;
  const ep = wholeOrNull(rec.ep);
  const notes = rec.notes ?? "";
  const drafts = publishedDraftTokens(notes);
  // "DEPn" (or "attention DP") = attention data parallel over n ranks + expert parallel over the same n GPUs; the
  // source writes tp = ep = n (the same reading as lib/model/calib/public.ts, so both validations agree)
  const dep = /\bDEP\d/.test(`${rec.source_detail ?? ""} ${notes}`) || /attention[- ]DP/i.test(notes);
  const tp = dep ? 1 : tpCol;
  const dp = dep ? tpCol : 1;
  const moeEp = ep;
  const moeTp = ep === null ? null : dep ? 1 : Math.max(1, Math.round(tpCol / ep));
  // FP8 rows of TensorRT-LLM ≥ 0.10 also use an FP8 KV cache unless noted (measurements-public.md)
  const kv: KvPrecision | null = labelled === "fp8" && !/KV cache[^;]*(FP16|BF16)/i.test(notes) ? "fp8" : null;
  return {
    ok: true,
    row: {
      row,
      modelName: rec.model ?? "",
      model: m.id,
      modelNote: m.note,
      gpuName: rec.gpu ?? "",
      gpu,
      engine: "trtllm",
      engineLabel: engineText,
      weights,
      kv,
      numGpus,
      tp,
      pp,
      dp,
      moeTp,
      moeEp,
      isl,
      osl,
      concurrency: wholeOrNull(rec.concurrency),
      metric,
      value,
      unit: rec.unit ?? "",
      // speculative decoding the estimator models (MTP with a stated draft count) is predicted, not suspect
      suspect: SUSPECT.test(withoutModelledSpeculation(notes)),
      ...(drafts === null ? {} : { mtpDraftTokens: drafts }),
      source: rec.source ?? "",
      sourceDetail: rec.source_detail ?? "",
      notes,
    },
  };
}
