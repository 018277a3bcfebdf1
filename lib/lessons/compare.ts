import { API_PRICES, getGpu, getModel, pricePerGpuHour } from "../catalog";
import type { ApiPrice } from "../catalog/types";
import { decodeStep, estimateConfig, estimateCore, expectedDistinctExperts, KV_BYTES, kvBytesPerToken, paramsByComponent } from "../model";
import { defaultAcceptanceLength } from "../model/spec-decode";
import { estimateInputSchema, KV_PRECISIONS, WEIGHT_PRECISIONS, type EstimateInput } from "../plan/estimate-input";
import { estimateRequestOf, PARALLELISMS, parallelismFallsBack, type Parallelism, type Scenario } from "./scenario";

/**
 * Side-by-side tables for the Spine stages: the scenario with one thing changed, every row estimated by the core.
 */

function inputOf(s: Scenario): EstimateInput {
  return estimateInputSchema.parse(estimateRequestOf(s, pricePerGpuHour(s.gpu)?.perGpuHour));
}

function run(s: Scenario) {
  const model = getModel(s.model);
  const gpu = getGpu(s.gpu);
  if (!model || !gpu) return null;
  return estimateConfig({ model, gpu, input: inputOf(s) });
}

export interface VariantRow {
  readonly label: string;
  readonly scenario: Scenario;
  readonly fits: boolean;
  readonly weightsPerGpu: number;
  readonly maxConcurrency: number;
  readonly tpotMs: number;
  readonly ttftMs: number;
  readonly perUser: number;
  readonly throughput: number;
  readonly costPerMillionOutput: number;
  readonly binding: string;
}

function row(label: string, s: Scenario): VariantRow | null {
  const r = run(s);
  if (!r) return null;
  return {
    label,
    scenario: s,
    fits: r.fits,
    weightsPerGpu: r.memory.weights,
    maxConcurrency: r.maxConcurrency,
    tpotMs: r.tpotMs,
    ttftMs: r.ttftMs,
    perUser: r.tokensPerSecondPerUser,
    throughput: r.outputTokensPerSecond,
    costPerMillionOutput: r.costUsdPerMillionOutputTokens,
    binding: r.binding,
  };
}

const nonNull = <T>(x: T | null): x is T => x !== null;

/** The scenario at each weight precision. */
export function byWeightPrecision(s: Scenario): VariantRow[] {
  return WEIGHT_PRECISIONS.map((w) => row(w.toUpperCase(), { ...s, weights: w })).filter(nonNull);
}

/** The scenario at each KV-cache precision. */
export function byKvPrecision(s: Scenario): (VariantRow & { kvBytesPerToken: number })[] {
  const model = getModel(s.model);
  if (!model) return [];
  return KV_PRECISIONS.map((kv) => {
    const r = row(kv.toUpperCase(), { ...s, kv });
    return r ? { ...r, kvBytesPerToken: kvBytesPerToken(model, KV_BYTES[kv]) } : null;
  }).filter(nonNull);
}

/** The scenario under each parallelism (EP choices only for MoE models). */
export function byParallelism(s: Scenario): (VariantRow & { par: Parallelism })[] {
  const model = getModel(s.model);
  return PARALLELISMS.filter((p) => !parallelismFallsBack({ ...s, par: p }, model))
    .map((p) => {
      const r = row(p, { ...s, par: p });
      return r ? { ...r, par: p } : null;
    })
    .filter(nonNull);
}

/** The scenario on each engine profile. */
export function byEngine(s: Scenario): VariantRow[] {
  return (["vllm", "sglang", "trtllm"] as const).map((e) => row(e, { ...s, engine: e })).filter(nonNull);
}

/** Models whose attention designs differ, for the KV lesson. */
export const KV_MODELS = ["llama-3.1-8b", "llama-3.1-70b", "qwen3-32b", "mixtral-8x7b", "gpt-oss-120b", "gemma-3-27b", "deepseek-v3"] as const;

export interface KvModelRow {
  readonly id: string;
  readonly name: string;
  readonly design: string;
  readonly kvBytesPerToken: number;
  /** Total parameters. */
  readonly params: number;
}

/** KV bytes per token by model at the scenario's KV precision (bf16 when the scenario leaves it to the engine). */
export function kvByModel(s: Scenario): KvModelRow[] {
  const kvBytes = KV_BYTES[s.kv === "auto" ? "bf16" : s.kv];
  const ids: string[] = [...KV_MODELS];
  if (!ids.includes(s.model)) ids.push(s.model);
  return ids
    .map((id) => {
      const m = getModel(id);
      if (!m) return null;
      const a = m.attention;
      const design =
        a.kind === "mla"
          ? `MLA: one latent of ${a.kvLoraRank + a.qkRopeHeadDim}`
          : `${a.numKvHeads === a.numHeads ? "MHA" : "GQA"}: ${a.numKvHeads} KV heads for ${a.numHeads} query heads${m.layerKinds.sliding > 0 ? `, ${m.layerKinds.sliding} sliding-window layers` : ""}${
              m.layerKinds.linear > 0 ? `, ${m.layerKinds.linear} of ${m.layers} layers ${m.linearAttention?.kind === "mamba2" ? "Mamba-2" : "linear attention"} (a fixed state, no KV)` : ""
            }`;
      const params = paramsByComponent(m).total;
      return { id, name: m.name, design, kvBytesPerToken: kvBytesPerToken(m, kvBytes), params };
    })
    .filter(nonNull);
}

export const MOE_MODELS = ["mixtral-8x7b", "qwen3-30b-a3b", "gpt-oss-120b", "qwen3-235b-a22b", "deepseek-v3", "llama-4-maverick"] as const;

export interface MoeRow {
  readonly id: string;
  readonly name: string;
  readonly total: number;
  readonly active: number;
  readonly experts: number;
  readonly perToken: number;
  /** Expected distinct experts touched per layer at batch 1, 16 and 256. */
  readonly touched: readonly { readonly batch: number; readonly experts: number }[];
}

export const MOE_BATCHES = [1, 16, 256] as const;

export function moeTable(): MoeRow[] {
  return MOE_MODELS.map((id) => {
    const m = getModel(id);
    if (!m || !m.moe) return null;
    const p = paramsByComponent(m);
    const moe = m.moe;
    return {
      id,
      name: m.name,
      total: p.total,
      active: p.active,
      experts: moe.numExperts,
      perToken: moe.expertsPerToken,
      touched: MOE_BATCHES.map((b) => ({ batch: b, experts: expectedDistinctExperts(moe.numExperts, moe.expertsPerToken, b) })),
    };
  }).filter(nonNull);
}

export interface VerifyRow {
  /** Tokens checked in one pass of the big model. */
  readonly tokens: number;
  /** Time of that pass (core decode step at batch = tokens, one user's context). */
  readonly stepS: number;
  /** stepS ÷ the one-token step. */
  readonly relative: number;
}

/**
 * What speculative decoding relies on: checking k drafted tokens costs one pass of the model over k tokens, which at
 * one user is barely more than a pass over one (the weights are read once either way). Approximated by the core's
 * decode step at batch k for one user's context (the drafting and acceptance side: bySpeculation).
 */
export function verifyCost(s: Scenario, ks: readonly number[] = [1, 2, 4, 8]): VerifyRow[] {
  const model = getModel(s.model);
  const gpu = getGpu(s.gpu);
  if (!model || !gpu) return [];
  const core = estimateCore({ model, gpu, input: inputOf({ ...s, concurrency: 1 }) });
  const ctx = core.serving.meanContext;
  const one = decodeStep(core.setup, 1, ctx).t;
  return ks.map((k) => {
    const t = decodeStep(core.setup, k, ctx).t;
    return { tokens: k, stepS: t, relative: t / one };
  });
}

export interface SpeculationRow {
  /** Draft tokens per iteration (0: off). */
  readonly draftTokens: number;
  /** Tokens a verify pass keeps per sequence, from the model's published acceptance rates (1 when off). */
  readonly acceptanceLength: number;
  readonly fits: boolean;
  readonly tpotMs: number;
  readonly perUser: number;
  readonly throughput: number;
  readonly costPerMillionOutput: number;
}

/**
 * The scenario with speculative decoding on its model's MTP module at k draft tokens, every row estimated by the core
 * with the model's published acceptance rates; empty when the model ships no MTP module or publishes no rates.
 */
export function bySpeculation(s: Scenario, ks: readonly number[] = [0, 1, 2, 3, 4]): SpeculationRow[] {
  const model = getModel(s.model);
  const gpu = getGpu(s.gpu);
  if (!model?.mtp?.acceptance || !gpu) return [];
  const base = inputOf(s);
  return ks.map((k) => {
    const r = estimateConfig({ model, gpu, input: { ...base, ...(k > 0 ? { mtpDraftTokens: k } : {}) } });
    return {
      draftTokens: k,
      acceptanceLength: defaultAcceptanceLength(model, k) ?? 1,
      fits: r.fits,
      tpotMs: r.tpotMs,
      perUser: r.tokensPerSecondPerUser,
      throughput: r.outputTokensPerSecond,
      costPerMillionOutput: r.costUsdPerMillionOutputTokens,
    };
  });
}

export interface ApiPriceRow extends ApiPrice {
  /** Output price ÷ input price (null when the input price is not listed). */
  readonly ratio: number | null;
}

/** The catalog's API list prices with the output/input ratio, highest ratio first. */
export function apiPriceRows(): ApiPriceRow[] {
  return API_PRICES.map((p) => ({
    ...p,
    ratio: p.usdPerMillionInput && p.usdPerMillionInput > 0 ? p.usdPerMillionOutput / p.usdPerMillionInput : null,
  })).sort((a, b) => (b.ratio ?? 0) - (a.ratio ?? 0));
}

/** Median output/input ratio over the listed API prices. */
export function medianApiRatio(): number {
  const r = apiPriceRows()
    .map((x) => x.ratio)
    .filter((x): x is number => x !== null)
    .sort((a, b) => a - b);
  if (r.length === 0) return NaN;
  const mid = Math.floor(r.length / 2);
  return r.length % 2 ? r[mid]! : (r[mid - 1]! + r[mid]!) / 2;
}
