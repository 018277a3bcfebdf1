import type { GpuSpec, KvPrecision, ModelArch, Precision } from "../catalog/types";
import { linkFor, type Link } from "./comm";
import type { EngineFactors } from "./engine-types";
import { kvElementsPerTokenPerLayer, linearStateBytesPerLayer, linearStateBytesPerLayerPerGpu } from "./kv";
import type { Layout } from "./layout";
import { paramsByComponent, type ParamBreakdown } from "./params";
import { ACTIVATION_BYTES, computePath, KV_BYTES, peakFlopsFor, type ComputePath } from "./precision";
import {
  linearPrecisions,
  weightBytesFrom,
  weightsPerGpuFrom,
  type LinearPrecisions,
  type WeightBytes,
  type WeightsPerGpu,
} from "./weights";

/** Per-model constants that do not depend on hardware or workload; cached on the ModelArch object. */
export interface ModelDerived {
  readonly params: ParamBreakdown;
  /** KV elements per token per full/sliding layer. */
  readonly kvElems: number;
  /** Decode attention FLOPs per (query token, cached token, layer) before the TP split. */
  readonly attnFlopsPerPairDecode: number;
  /** Prefill attention FLOPs per (query token, key token, layer) before the TP split. */
  readonly attnFlopsPerPairPrefill: number;
  /** Width of the widest FFN one token passes through (for activation memory). */
  readonly ffnWidth: number;
  /** ln(1 − k/E): a token misses a given expert with probability 1 − k/E (0 for dense models). */
  readonly logMiss: number;
}

const CACHE = new WeakMap<ModelArch, ModelDerived>();

export function modelDerived(m: ModelArch): ModelDerived {
  const hit = CACHE.get(m);
  if (hit) return hit;
  const a = m.attention;
  let dec: number;
  let pre: number;
  if (a.kind === "gqa") {
    // QKᵀ and P·V: 2 FLOP per multiply-add, n_q·h each → 4·n_q·h per pair.
    dec = 4 * a.numHeads * a.headDim;
    pre = dec;
  } else {
    // Decode (absorbed MLA): scores over latent+rope 2·n·(r_kv+h_r), values over latent 2·n·r_kv.
    dec = 2 * a.numHeads * (2 * a.kvLoraRank + a.qkRopeHeadDim);
    // Prefill (expanded K/V): QKᵀ 2·n·(h_n+h_r), P·V 2·n·h_v.
    pre = 2 * a.numHeads * (a.qkNopeHeadDim + a.qkRopeHeadDim + a.vHeadDim);
  }
  const moeWidth = m.moe ? m.moe.expertsPerToken * m.moe.expertFfnSize + m.moe.sharedExperts * m.moe.sharedExpertFfnSize : 0;
  const d: ModelDerived = {
    params: paramsByComponent(m),
    kvElems: kvElementsPerTokenPerLayer(m),
    attnFlopsPerPairDecode: dec,
    attnFlopsPerPairPrefill: pre,
    ffnWidth: Math.max(m.ffn.intermediateSize, moeWidth),
    logMiss: m.moe ? Math.log1p(-Math.min(m.moe.expertsPerToken, m.moe.numExperts) / m.moe.numExperts) : 0,
  };
  CACHE.set(m, d);
  return d;
}

/** Everything a step-time evaluation needs, resolved once per estimate. */
export interface Setup {
  readonly model: ModelArch;
  readonly gpu: GpuSpec;
  readonly md: ModelDerived;
  readonly layout: Layout;
  readonly f: EngineFactors;
  readonly weights: Precision;
  readonly kv: KvPrecision;
  readonly kvBytes: number;
  readonly lp: LinearPrecisions;
  readonly wb: WeightBytes;
  readonly wg: WeightsPerGpu;
  readonly densePath: ComputePath;
  readonly expertPath: ComputePath;
  /** Peak FLOP/s of the dense linears, the experts and attention (bf16). */
  readonly peakDense: number;
  readonly peakExpert: number;
  readonly peakAttn: number;
  /** Layers on the most loaded pipeline stage, ceil(L/pp). */
  readonly stageLayers: number;
  /** KV shards across tp: min(tp, n_kv) for GQA, 1 for MLA (the latent is replicated on every TP rank). */
  readonly kvShard: number;
  /** Linear-attention state of one sequence, all linear layers of the model (bytes; 0 without such layers). */
  readonly linStateBytes: number;
  /**
   * Its shards across tp: how many times the whole state is larger than one rank's share — min(tp, n_k) for Gated
   * DeltaNet (the layers' heads split over the TP ranks, replicated beyond); for Mamba-2 the heads split tp ways and
   * a single B/C group is replicated (kv.ts: linearStateBytesPerLayerPerGpu).
   */
  readonly linShard: number;
  readonly linkTp: Link;
  readonly linkStage: Link;
  /** Speculative decoding with the model's MTP modules; null when off. */
  readonly spec: SpecDecode | null;
}

/**
 * Speculative decoding: each decode iteration drafts k tokens per sequence (k passes of an MTP module) and verifies
 * them in one pass of the model over k + 1 tokens per sequence; τ of them (the acceptance length, 1 ≤ τ ≤ k + 1) are
 * kept on average.
 */
export interface SpecDecode {
  readonly draftTokens: number;
  readonly acceptanceLength: number;
  /** MTP modules the checkpoint ships: their weights are loaded beside the model's. */
  readonly modules: number;
}

export function buildSetup(
  model: ModelArch,
  gpu: GpuSpec,
  layout: Layout,
  f: EngineFactors,
  weights: Precision,
  kv: KvPrecision,
  spec: SpecDecode | null = null,
): Setup {
  const md = modelDerived(model);
  const lp = linearPrecisions(model, weights, gpu);
  const wb = weightBytesFrom(md.params, model.layers, lp);
  const wg = weightsPerGpuFrom(wb, model.layers, layout);
  const densePath = computePath(lp.dense, gpu);
  // MXFP4 experts: W4A16 (bf16 peak), or W4A8 where the engine feeds MXFP8 activations on a GPU with an FP4 path
  const w4a8 = f.mxfp4Fp8Activations >= 0.5 && gpu.peakFlops.fp4 !== null && gpu.peakFlops.fp8 !== null;
  const expertPath = lp.expertFormat === "mxfp4" ? (w4a8 ? "fp8" : "bf16") : computePath(lp.experts, gpu);
  const a = model.attention;
  return {
    model,
    gpu,
    md,
    layout,
    f,
    weights,
    kv,
    kvBytes: KV_BYTES[kv],
    lp,
    wb,
    wg,
    densePath,
    expertPath,
    peakDense: peakFlopsFor(densePath, gpu),
    peakExpert: peakFlopsFor(expertPath, gpu),
    peakAttn: gpu.peakFlops.bf16,
    stageLayers: Math.ceil(model.layers / layout.pp),
    kvShard: a.kind === "gqa" ? Math.min(layout.tp, a.numKvHeads) : 1,
    linStateBytes: model.linearAttention ? model.layerKinds.linear * linearStateBytesPerLayer(model) : 0,
    linShard: linearShard(model, layout.tp),
    linkTp: linkFor(gpu, layout.tp, f.commEff, f.commLatencyS),
    linkStage: linkFor(gpu, layout.stageGpus, f.commEff, f.commLatencyS),
    spec,
  };
}

function linearShard(model: ModelArch, tp: number): number {
  const la = model.linearAttention;
  if (!la) return 1;
  if (la.kind !== "mamba2") return Math.min(tp, la.numKeyHeads);
  return linearStateBytesPerLayer(model) / linearStateBytesPerLayerPerGpu(model, tp);
}

/** Activation / workspace bytes per GPU: one prefill chunk of T tokens through the widest layer, 16-bit. */
export function activationBytes(s: Setup): number {
  const T = s.f.prefillChunkTokens;
  const d = s.model.hiddenSize;
  return T * ACTIVATION_BYTES * (4 * d + (2 * s.md.ffnWidth) / s.layout.tp);
}
