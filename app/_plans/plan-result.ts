/**
 * Reading a saved PlanResult (lib/search/types.ts) for the plan pages and exports:
 * the headline, the options table, the price sources. Snapshots are JSON from the
 * database, so every reader tolerates missing fields (an older result shape) instead of
 * trusting a cast.
 */
import type { CsvCell } from "@/lib/plan/csv";
import type { PlanSummary } from "@/lib/plan/save-request";
import type { Candidate, PlanResult, PriceRef } from "@/lib/search/types";
import type { OptionColumn, OptionRow, PlanHeadline } from "./engine-types";

const ENGINE_NAMES: Record<string, string> = { vllm: "vLLM", sglang: "SGLang", trtllm: "TensorRT-LLM" };

type Loose<T> = { [K in keyof T]?: T[K] };
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const round = (v: unknown, dp: number): number | null => {
  const n = num(v);
  return n === null ? null : Math.round(n * 10 ** dp) / 10 ** dp;
};

const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const obj = <T>(v: unknown): Loose<T> | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Loose<T>) : null);

function asResult(raw: unknown): Loose<PlanResult> {
  return raw && typeof raw === "object" ? (raw as Loose<PlanResult>) : {};
}

/** "8× H100 SXM — 4 replicas × TP2 · fp8/fp8 KV · vLLM" */
export function deploymentLabel(c: Loose<Candidate>): string {
  const par = [
    (c.tp ?? 1) > 1 ? `TP${c.tp}` : null,
    (c.pp ?? 1) > 1 ? `PP${c.pp}` : null,
    (c.dp ?? 1) > 1 ? `DP${c.dp}` : null,
    (c.moeEp ?? 1) > 1 ? `EP${c.moeEp}` : null,
  ].filter(Boolean);
  const replicas = c.replicas ?? 1;
  const shape = `${replicas} replica${replicas === 1 ? "" : "s"} × ${c.gpusPerReplica ?? "?"} GPU${c.gpusPerReplica === 1 ? "" : "s"}${par.length ? ` (${par.join(" ")})` : ""}`;
  const engine = ENGINE_NAMES[c.engine ?? ""] ?? c.engine ?? "?";
  const drafts = typeof c.mtpDraftTokens === "number" && c.mtpDraftTokens > 0 ? ` + MTP ${c.mtpDraftTokens}` : "";
  return `${c.totalGpus ?? "?"}× ${c.gpuName ?? c.gpuId ?? "?"} — ${shape} · ${c.weights ?? "?"} weights, ${c.kv ?? "?"} KV · ${engine}${drafts}`;
}

export function headlineOf(raw: unknown): PlanHeadline {
  const r = asResult(raw);
  const best = obj<Candidate>(r.best);
  if (!best) return { feasible: false, deployment: null, costUsdPerMonth: null, ttftP95Ms: null, tpotP95Ms: null };
  return {
    feasible: r.feasible === true,
    deployment: deploymentLabel(best),
    costUsdPerMonth: num(best.costUsdPerMonth),
    ttftP95Ms: num(best.ttftP95Ms),
    tpotP95Ms: num(best.tpotP95Ms),
  };
}

export function summaryOf(raw: unknown): PlanSummary {
  const r = asResult(raw);
  const h = headlineOf(raw);
  const model = obj<PlanResult["model"]>(r.model);
  return { model: str(model?.name) ?? str(model?.id), deployment: h.deployment, costUsdPerMonth: h.costUsdPerMonth, feasible: h.feasible };
}

/** Column key → how to read it from a candidate (CSV keeps raw numbers, rounded; the page formats by `kind`). */
export const OPTION_COLUMNS: readonly (OptionColumn & { get: (c: Loose<Candidate>) => CsvCell })[] = [
  { key: "gpu", label: "GPU", kind: "text", page: false, get: (c) => c.gpuId },
  { key: "gpusPerReplica", label: "GPUs per replica", kind: "int", page: false, get: (c) => c.gpusPerReplica },
  { key: "replicas", label: "Replicas", kind: "int", page: true, get: (c) => c.replicas },
  { key: "totalGpus", label: "GPUs", kind: "int", page: true, get: (c) => c.totalGpus },
  { key: "tp", label: "TP", kind: "int", page: false, get: (c) => c.tp },
  { key: "pp", label: "PP", kind: "int", page: false, get: (c) => c.pp },
  { key: "dp", label: "DP", kind: "int", page: false, get: (c) => c.dp },
  { key: "moeEp", label: "EP", kind: "int", page: false, get: (c) => c.moeEp },
  { key: "weights", label: "Weights", kind: "text", page: false, get: (c) => c.weights },
  { key: "kv", label: "KV cache", kind: "text", page: false, get: (c) => c.kv },
  { key: "engine", label: "Engine", kind: "text", page: false, get: (c) => c.engine },
  { key: "mtpDraftTokens", label: "MTP draft tokens", kind: "int", page: false, get: (c) => c.mtpDraftTokens ?? 0 },
  { key: "concurrency", label: "Concurrency per replica", kind: "int", page: true, get: (c) => c.concurrency },
  { key: "ttftP50Ms", label: "TTFT p50 (ms)", kind: "ms", page: false, get: (c) => round(c.ttftP50Ms, 2) },
  { key: "ttftP95Ms", label: "TTFT p95 (ms)", kind: "ms", page: true, get: (c) => round(c.ttftP95Ms, 2) },
  { key: "tpotP50Ms", label: "TPOT p50 (ms)", kind: "ms", page: false, get: (c) => round(c.tpotP50Ms, 2) },
  { key: "tpotP95Ms", label: "TPOT p95 (ms)", kind: "ms", page: true, get: (c) => round(c.tpotP95Ms, 2) },
  { key: "e2eP95Ms", label: "End-to-end p95 (ms)", kind: "ms", page: false, get: (c) => round(c.e2eP95Ms, 2) },
  { key: "tokensPerSecondPerUser", label: "Tokens/s per user", kind: "rate", page: false, get: (c) => round(c.tokensPerSecondPerUser, 2) },
  { key: "outputTokensPerSecondPerGpu", label: "Output tokens/s per GPU", kind: "rate", page: false, get: (c) => round(c.outputTokensPerSecondPerGpu, 2) },
  { key: "utilisation", label: "Utilisation (0-1)", kind: "pct", page: false, get: (c) => round(c.utilisation, 4) },
  { key: "headroomPct", label: "Headroom (%)", kind: "rate", page: false, get: (c) => round(c.headroomPct, 2) },
  { key: "costUsdPerHour", label: "$/hour", kind: "usd", page: false, get: (c) => round(c.costUsdPerHour, 2) },
  { key: "costUsdPerMonth", label: "$/month", kind: "usd", page: true, get: (c) => round(c.costUsdPerMonth, 2) },
  { key: "costUsdPerMillionInputTokens", label: "$/M input tokens", kind: "usd", page: false, get: (c) => round(c.costUsdPerMillionInputTokens, 4) },
  { key: "costUsdPerMillionOutputTokens", label: "$/M output tokens", kind: "usd", page: true, get: (c) => round(c.costUsdPerMillionOutputTokens, 4) },
  { key: "costUsdPerMillionTokens", label: "$/M tokens", kind: "usd", page: false, get: (c) => round(c.costUsdPerMillionTokens, 4) },
  { key: "costUsdPerUserPerMonth", label: "$/user/month", kind: "usd", page: false, get: (c) => round(c.costUsdPerUserPerMonth, 4) },
  { key: "costUsdPer1kRequests", label: "$/1k requests", kind: "usd", page: false, get: (c) => round(c.costUsdPer1kRequests, 4) },
  { key: "priceUsdPerGpuHour", label: "Price $/GPU-hour", kind: "usd", page: false, get: (c) => round(c.price?.perGpuHour, 4) },
  { key: "priceProvider", label: "Price provider", kind: "text", page: false, get: (c) => c.price?.provider },
  { key: "pricingTerm", label: "Pricing term", kind: "text", page: false, get: (c) => c.price?.term },
  { key: "priceDateSeen", label: "Price seen on", kind: "text", page: false, get: (c) => c.price?.dateSeen },
  { key: "binding", label: "Binding constraint", kind: "text", page: false, get: (c) => c.binding?.words },
  { key: "feasible", label: "Meets every target", kind: "text", page: false, get: (c) => (c.feasible === undefined ? null : c.feasible ? "yes" : "no") },
];

export function optionsTableOf(raw: unknown): { columns: readonly OptionColumn[]; rows: readonly OptionRow[] } {
  const r = asResult(raw);
  // When nothing is feasible the nearest misses are the options worth showing.
  const options = arr<Loose<Candidate>>(r.options);
  const list = (options.length ? options : arr<Loose<Candidate>>(r.nearMisses)).filter((c) => obj(c) !== null);
  return {
    columns: OPTION_COLUMNS.map(({ key, label, kind, page }) => ({ key, label, kind, page })),
    rows: list.map((c) => ({
      label: deploymentLabel(c),
      cells: Object.fromEntries(OPTION_COLUMNS.map((col) => [col.key, col.get(c) ?? null])),
    })),
  };
}

/** Distinct GPU-hour prices the options used, with provider, instance, date seen and source. */
export function priceSourcesOf(raw: unknown): (PriceRef & { gpuName: string })[] {
  const r = asResult(raw);
  const seen = new Map<string, PriceRef & { gpuName: string }>();
  for (const c of [...arr<Loose<Candidate>>(r.options), ...arr<Loose<Candidate>>(r.nearMisses)]) {
    const p = obj<PriceRef>(c?.price);
    if (!p || typeof p.perGpuHour !== "number") continue;
    const key = [c.gpuId, p.provider, p.instance, p.term, p.perGpuHour].join("|");
    if (!seen.has(key)) seen.set(key, { ...(p as PriceRef), gpuName: c.gpuName ?? c.gpuId ?? "?" });
  }
  return [...seen.values()];
}

export function assumptionsOf(raw: unknown): { assumptions: string[]; queueing: string | null; summary: string | null } {
  const r = asResult(raw);
  return {
    assumptions: arr<unknown>(r.assumptions).filter((a): a is string => typeof a === "string"),
    queueing: obj(r.queueing) ? `${str(r.queueing?.model) ?? ""}: ${str(r.queueing?.description) ?? ""}` : null,
    summary: str(r.summary),
  };
}
