/**
 * From a compact search record to a full Candidate, for the few options a result shows. Figures are recomputed
 * through estimateConfig (explain = true) — the same numbers the hot path produced — and every planner figure gets
 * its derivation (formula + values).
 */
import { estimateConfig, estimateCore } from "../model/estimate";
import type { Derivation } from "../model/derivation";
import { secs, sig, usdStr } from "../model/explain-format";
import { usd } from "./words";
import { PLANNER_ARRIVALS } from "./fast-estimate";
import { HOURS_PER_MONTH } from "../model/units";
import type { EstimateInput } from "../plan/estimate-input";
import type { EstimateResult } from "../model/estimate-types";
import { BINDING_WORDS, SET_BY_WORDS, deploymentLabel, qualityNote } from "./labels";
import { serviceScv, sizeCandidate, V_BUDGET_MONTH, V_BUDGET_MTOK, V_E2E, V_TPOT, V_TTFT50, V_TTFT95, type ServiceFigures, type Sized } from "./sizing";
import type { Rec, Shape } from "./search";
import type { SearchSpec } from "./spec";
import type { Candidate } from "./types";

export function shapeKey(s: Shape): string {
  const l = s.layout;
  return `${s.gpu.id}|${l.tp}.${l.pp}.${l.dp}.${l.moeEp}|${s.weights}/${s.kv}|${s.engine}${s.drafts > 0 ? `+mtp${s.drafts}` : ""}`;
}

export type RecRef = Pick<Rec, "shape" | "c">;

export function recId(r: RecRef): string {
  return `${shapeKey(r.shape)}|${r.c}`;
}

export function recLabel(r: RecRef, replicas?: number): string {
  const s = r.shape;
  return deploymentLabel({
    gpuName: s.gpu.name, gpusPerReplica: s.layout.gpus, tp: s.layout.tp, pp: s.layout.pp, dp: s.layout.dp,
    moeEp: s.layout.moeEp, weights: s.weights, kv: s.kv, engine: s.engine, mtpDraftTokens: s.drafts, concurrency: r.c, replicas,
  });
}

function estimateInput(spec: SearchSpec, s: Shape, c: number, isl: number, osl: number): EstimateInput {
  const l = s.layout;
  return {
    model: spec.model.id, gpu: s.gpu.id, engine: s.engine, weights: s.weights, kv: s.kv, tp: l.tp, pp: l.pp, dp: l.dp,
    moeEp: spec.model.moe ? l.moeEp : undefined, isl, osl, concurrency: c, priceUsdPerGpuHour: s.price.perGpuHour,
    arrivals: PLANNER_ARRIVALS,
    ...(s.drafts > 0 ? { mtpDraftTokens: s.drafts } : {}),
    ...(spec.requestOverheadMs !== null ? { requestOverheadMs: spec.requestOverheadMs } : {}),
    ...(spec.maxBatch !== null ? { maxBatch: spec.maxBatch } : {}),
  };
}

type Figures = Pick<Candidate, "tpotP95Ms" | "ttftP50Ms" | "ttftP95Ms" | "e2eP95Ms" | "costUsdPerMonth" | "costUsdPerMillionTokens">;

/** The constraints a candidate misses, in plain words. */
export function violationWords(v: number, cc: Figures, spec: SearchSpec): string[] {
  const out: string[] = [];
  const ms = (x: number) => secs(x / 1000);
  if (v & V_TPOT) out.push(`TPOT p95 ${ms(cc.tpotP95Ms)} is over the ${ms(spec.slo.tpot95)} target`);
  if (v & V_TTFT50) out.push(`TTFT p50 ${ms(cc.ttftP50Ms)} is over the ${ms(spec.slo.ttft50)} target`);
  if (v & V_TTFT95) out.push(`TTFT p95 ${ms(cc.ttftP95Ms)} is over the ${ms(spec.slo.ttft95)} target`);
  if (v & V_E2E) out.push(`end-to-end p95 ${ms(cc.e2eP95Ms)} is over the ${ms(spec.slo.e2e95)} target`);
  if (v & V_BUDGET_MONTH) out.push(`${usd(cc.costUsdPerMonth)}/month is over the ${usd(spec.budgetMonth)}/month budget`);
  if (v & V_BUDGET_MTOK) out.push(`${usd(cc.costUsdPerMillionTokens)}/M tokens is over the ${usd(spec.budgetMtok)}/M-token ceiling`);
  return out;
}

function d(key: string, label: string, value: number, unit: string, formula: string, substituted: string): Derivation {
  return { key, label, value, unit, formula, substituted };
}

/**
 * The full candidate for a record. With explain, the estimate's derivations (at mean lengths, concurrency C) and the
 * planner's (queueing, replicas, cost) are attached.
 */
export interface Exact {
  readonly r: EstimateResult;
  readonly f: ServiceFigures;
  readonly z: Sized;
  /** Share of GPU time spent on prefill (splits cost between input and output tokens). */
  readonly share: number;
}

/** A record's figures recomputed through estimateConfig, and sized. */
export function exactFigures(rec: RecRef, spec: SearchSpec, explain: boolean): Exact {
  const s = rec.shape;
  const model = spec.model;
  const gpu = s.gpu;
  const meanIn = estimateInput(spec, s, rec.c, spec.isl, spec.osl);
  const r = estimateConfig({ model, gpu, input: meanIn, explain });
  const lengthsDiffer = spec.isl95 !== spec.isl || spec.osl95 !== spec.osl;
  const r95 = lengthsDiffer ? estimateConfig({ model, gpu, input: estimateInput(spec, s, rec.c, spec.isl95, spec.osl95) }) : r;
  const share = estimateCore({ model, gpu, input: meanIn }).serving.prefillUtilisation;
  const f: ServiceFigures = {
    c: rec.c,
    x: r.outputTokensPerSecond / spec.osl,
    ttftSvc50: r.ttftMs,
    ttftSvc95: Math.max(r95.ttftMs, r.ttftMs),
    tpot50: r.tpotMs,
    tpot95: Math.max(r95.tpotMs, r.tpotMs),
    gpus: s.layout.gpus,
    price: s.price.perGpuHour,
  };
  const z = sizeCandidate(spec, f, {} as Sized);
  return { r, f, z, share };
}

/**
 * The full candidate for a record. With explain, the estimate's derivations (at mean lengths, concurrency C) and the
 * planner's (queueing, replicas, cost) are attached.
 */
export function materialise(rec: RecRef, spec: SearchSpec, rank: number | null, explain: boolean): Candidate {
  const s = rec.shape;
  const gpu = s.gpu;
  const { r, f, z, share } = exactFigures(rec, spec, explain);
  const replicas = z.replicasTraffic + spec.redundancy;
  const t = spec.traffic;
  const costIn = t.inputTokensPerMonth > 0 ? (z.costMonth * share) / (t.inputTokensPerMonth / 1e6) : 0;
  const costOut = t.outputTokensPerMonth > 0 ? (z.costMonth * (1 - share)) / (t.outputTokensPerMonth / 1e6) : 0;
  const perUser = spec.dailyActiveUsers ? z.costMonth / spec.dailyActiveUsers : null;
  const per1k = t.requestsPerMonth > 0 ? (z.costMonth / t.requestsPerMonth) * 1000 : 0;
  const capacity = z.replicasTraffic * f.x;
  const headroomPct = spec.peak > 0 ? (capacity / spec.peak - 1) * 100 : 0;
  const binding = r.binding;
  const capped = rec.c >= s.maxConcurrency;
  const budgetShare = Number.isFinite(spec.budgetMonth) ? z.costMonth / spec.budgetMonth : 0;
  const words =
    `Each decode step is bound by ${BINDING_WORDS[binding]}` +
    (capped ? `; the batch is capped by KV-cache capacity or the engine's batch limit (${s.maxConcurrency} requests of p95 length)` : "") +
    `; the replica count is set by ${SET_BY_WORDS[z.setBy]}` +
    (budgetShare > 0.9 ? `; it uses ${Math.round(budgetShare * 100)}% of the monthly budget` : "") +
    ".";
  const base: Omit<Candidate, "violations" | "derivations"> = {
    id: recId(rec),
    rank,
    gpuId: gpu.id,
    gpuName: gpu.name,
    gpusPerReplica: s.layout.gpus,
    tp: s.layout.tp,
    pp: s.layout.pp,
    dp: s.layout.dp,
    moeEp: s.layout.moeEp,
    weights: s.weights,
    kv: s.kv,
    engine: s.engine,
    mtpDraftTokens: s.drafts,
    concurrency: rec.c,
    maxConcurrency: s.maxConcurrency,
    replicas,
    replicasForTraffic: z.replicasTraffic,
    redundancyReplicas: spec.redundancy,
    totalGpus: replicas * s.layout.gpus,
    ttftP50Ms: z.ttft50,
    ttftP95Ms: z.ttft95,
    tpotP50Ms: f.tpot50,
    tpotP95Ms: f.tpot95,
    e2eP95Ms: z.e2e95,
    waitP50Ms: z.wait50,
    waitP95Ms: z.wait95,
    probabilityOfWait: z.pw,
    requestsPerSecondPerReplica: f.x,
    outputTokensPerSecondPerReplica: r.outputTokensPerSecond,
    outputTokensPerSecondPerGpu: r.outputTokensPerSecondPerGpu,
    tokensPerSecondPerUser: r.tokensPerSecondPerUser,
    utilisation: z.utilisation,
    headroomPct,
    price: s.price,
    costUsdPerHour: z.costHour,
    costUsdPerMonth: z.costMonth,
    costUsdPerMillionInputTokens: costIn,
    costUsdPerMillionOutputTokens: costOut,
    costUsdPerMillionTokens: z.costMtok,
    costUsdPerUserPerMonth: perUser,
    costUsdPer1kRequests: per1k,
    feasible: z.violations === 0,
    binding: { resource: binding, replicasSetBy: z.setBy, words },
    qualityNote: qualityNote(s.weights, s.kv),
    notes: r.notes ?? [],
  };
  const cand: Candidate = { ...base, violations: [] };
  const violations = violationWords(z.violations, cand, spec);
  if (!explain) return { ...cand, violations };
  const meanS = f.c / f.x;
  const scv = serviceScv(spec, f, meanS);
  const lam = spec.peak / z.replicasTraffic;
  const a = lam * meanS;
  const theta = ((1 + scv) / 2) * (meanS / (f.c - a));
  const n0 = Math.max(1, Math.ceil((spec.peak * spec.headroomFactor) / f.x - 1e-9));
  const h = spec.headroomFactor;
  const plan: Derivation[] = [
    d("plan.capacity", "Requests/s per replica (all slots busy)", f.x, "req/s", "X = output tok/s ÷ mean output tokens",
      `${sig(r.outputTokensPerSecond)} ÷ ${spec.osl} = ${sig(f.x)} req/s`),
    d("plan.serviceTime", "Time a request holds a slot", meanS, "s", "E[S] = C ÷ X (Little's law)", `${rec.c} ÷ ${sig(f.x)} = ${secs(meanS)}`),
    d("plan.serviceScv", "Service-time variability c_s²", scv, "1", "(TPOT · σ_OSL)² ÷ E[S]²", `${sig(scv)}`),
    d("plan.replicasTraffic", "Replicas for peak with headroom", n0, "1", "N₀ = ⌈λ_peak · (1 + headroom) ÷ X⌉",
      `⌈${sig(spec.peak)} · ${sig(h)} ÷ ${sig(f.x)}⌉ = ${n0}`),
    d("plan.replicas", "Replicas", replicas, "1",
      "N = smallest N ≥ N₀ meeting the queueing SLOs, + redundancy",
      `${z.replicasTraffic} (set by ${z.setBy}) + ${spec.redundancy} = ${replicas}`),
    d("plan.utilisation", "Utilisation at peak", z.utilisation, "1", "ρ = (λ_peak ÷ N) · E[S] ÷ C",
      `(${sig(spec.peak)} ÷ ${z.replicasTraffic}) · ${secs(meanS)} ÷ ${rec.c} = ${sig(z.utilisation)}`),
    d("plan.probabilityOfWait", "Probability a request waits (Erlang C)", z.pw, "1", "P_W = ErlangC(c = C, a = λ·E[S])",
      `ErlangC(${rec.c}, ${sig(a)}) = ${sig(z.pw)}`),
    d("plan.waitP95", "Queue wait p95", z.wait95 / 1000, "s",
      "θ = (1 + c_s²)/2 · E[S]/(C − a);  W₉₅ = θ · ln(P_W / 0.05) if P_W > 0.05 else 0",
      `θ = ${sig((1 + scv) / 2)} · ${secs(meanS)} ÷ (${rec.c} − ${sig(a)}) = ${secs(theta)}; W₉₅ = ${secs(z.wait95 / 1000)}`),
    d("plan.ttftP50", "TTFT p50 under load", z.ttft50 / 1000, "s", "TTFT(C, mean lengths) + W₅₀",
      `${secs(f.ttftSvc50 / 1000)} + ${secs(z.wait50 / 1000)} = ${secs(z.ttft50 / 1000)}`),
    d("plan.ttftP95", "TTFT p95 under load", z.ttft95 / 1000, "s", "TTFT(C, p95 lengths) + W₉₅",
      `${secs(f.ttftSvc95 / 1000)} + ${secs(z.wait95 / 1000)} = ${secs(z.ttft95 / 1000)}`),
    d("plan.tpotP95", "TPOT p95", f.tpot95 / 1000, "s", "TPOT(C, p95 lengths)", `${secs(f.tpot95 / 1000)}`),
    d("plan.e2eP95", "End-to-end p95", z.e2e95 / 1000, "s", "TTFT p95 + (OSL p95 − 1) · TPOT p95",
      `${secs(z.ttft95 / 1000)} + ${spec.osl95 - 1} · ${secs(f.tpot95 / 1000)} = ${secs(z.e2e95 / 1000)}`),
    d("plan.costPerMonth", "Cost per month", z.costMonth, "USD", "replicas · GPUs per replica · $/GPU-h · 730.5 h",
      `${replicas} · ${s.layout.gpus} · ${usdStr(s.price.perGpuHour)} · ${HOURS_PER_MONTH} = ${usdStr(z.costMonth)}`),
    d("plan.costPerMillionInput", "$ per million input tokens", costIn, "USD", "$/month · prefill share ρ ÷ input tokens/month × 10⁶",
      `${usdStr(z.costMonth)} · ${sig(share)} ÷ ${sig(t.inputTokensPerMonth)} × 10⁶ = ${usdStr(costIn)}`),
    d("plan.costPerMillionOutput", "$ per million output tokens", costOut, "USD", "$/month · (1 − ρ) ÷ output tokens/month × 10⁶",
      `${usdStr(z.costMonth)} · ${sig(1 - share)} ÷ ${sig(t.outputTokensPerMonth)} × 10⁶ = ${usdStr(costOut)}`),
    d("plan.costPerMillionTokens", "$ per million tokens (blended)", z.costMtok, "USD", "$/month ÷ (input + output tokens/month) × 10⁶",
      `${usdStr(z.costMonth)} ÷ ${sig(spec.tokensPerMonth)} × 10⁶ = ${usdStr(z.costMtok)}`),
    d("plan.costPer1kRequests", "$ per 1,000 requests", per1k, "USD", "$/month ÷ requests/month × 1000",
      `${usdStr(z.costMonth)} ÷ ${sig(t.requestsPerMonth)} × 1000 = ${usdStr(per1k)}`),
    d("plan.headroom", "Spare capacity at peak", headroomPct / 100, "1", "N · X ÷ λ_peak − 1",
      `${z.replicasTraffic} · ${sig(f.x)} ÷ ${sig(spec.peak)} − 1 = ${sig(headroomPct / 100)}`),
  ];
  if (perUser !== null) {
    plan.push(d("plan.costPerUser", "$ per user per month", perUser, "USD", "$/month ÷ daily active users",
      `${usdStr(z.costMonth)} ÷ ${spec.dailyActiveUsers} = ${usdStr(perUser)}`));
  }
  return { ...cand, violations, derivations: [...(r.derivations ?? []), ...plan] };
}
