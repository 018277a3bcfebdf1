/** Plain words for the planner's results: precision quality notes, engine names, binding resources, labels. */
import type { EngineId, KvPrecision, WeightPrecision } from "../catalog/types";
import type { BindingResource } from "../model/estimate-types";
import { layoutLabel } from "./enumerate";
import type { SetBy } from "./sizing";

export const ENGINE_NAMES: Readonly<Record<EngineId, string>> = {
  vllm: "vLLM",
  sglang: "SGLang",
  trtllm: "TensorRT-LLM",
};

/** Quality of each weight precision, in a sentence (shown beside the precision choices and on each option). */
export const PRECISION_QUALITY: Readonly<Record<WeightPrecision, string>> = {
  bf16: "BF16 weights: the reference quality.",
  fp8: "FP8 weights: close to lossless on most models and benchmarks.",
  fp4: "FP4 weights: a quality trade-off (smaller and faster; check your own evals, calibrated NVFP4 loses least).",
  int4: "INT4 weights: a quality trade-off (group-quantised; check your own evals, long reasoning suffers most).",
};

export const KV_QUALITY: Readonly<Record<KvPrecision, string>> = {
  bf16: "BF16 KV cache: reference quality.",
  fp8: "FP8 KV cache: close to lossless.",
  int8: "INT8 KV cache: close to lossless with per-head scales.",
  fp4: "FP4 KV cache: a quality trade-off on long contexts.",
};

export function qualityNote(w: WeightPrecision, kv: KvPrecision): string {
  return `${PRECISION_QUALITY[w]} ${KV_QUALITY[kv]}`;
}

export const BINDING_WORDS: Readonly<Record<BindingResource, string>> = {
  "memory-bandwidth": "memory bandwidth (reading the weights and KV cache every step)",
  compute: "compute (matrix-multiply FLOP/s)",
  communication: "GPU-to-GPU communication",
  overhead: "fixed per-step engine overhead",
  "kv-capacity": "KV-cache capacity or the engine's batch limit",
};

export const SET_BY_WORDS: Readonly<Record<SetBy | "minimum", string>> = {
  traffic: "peak traffic with the headroom you asked for",
  "ttft-p50": "TTFT p50 (queueing: more replicas so fewer requests wait)",
  "ttft-p95": "TTFT p95 (queueing: more replicas so fewer requests wait)",
  e2e: "end-to-end p95 (queueing)",
  minimum: "the minimum of one replica",
};

export interface LabelParts {
  readonly gpuName: string;
  readonly gpusPerReplica: number;
  readonly tp: number;
  readonly pp: number;
  readonly dp: number;
  readonly moeEp: number;
  readonly weights: WeightPrecision;
  readonly kv: KvPrecision;
  readonly engine: EngineId;
  /** MTP draft tokens (0 or absent: none). */
  readonly mtpDraftTokens?: number;
  readonly concurrency: number;
  readonly replicas?: number;
}

/** "4× H100 SXM · TP4 · FP8 (KV FP8) · vLLM · C=64", with " · MTP 3" when it drafts and " · ×3 replicas" when given. */
export function deploymentLabel(p: LabelParts): string {
  const mtp = p.mtpDraftTokens ? ` · MTP ${p.mtpDraftTokens}` : "";
  const base = `${p.gpusPerReplica}× ${p.gpuName} · ${layoutLabel(p)} · ${p.weights.toUpperCase()} (KV ${p.kv.toUpperCase()}) · ${ENGINE_NAMES[p.engine]}${mtp} · C=${p.concurrency}`;
  return p.replicas === undefined ? base : `${base} · ×${p.replicas} replica${p.replicas === 1 ? "" : "s"}`;
}
