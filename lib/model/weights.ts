import type { GpuSpec, ModelArch, Precision } from "../catalog/types";
import type { Layout } from "./layout";
import { paramsByComponent, type ParamBreakdown } from "./params";
import { bytesPerWeight, MXFP4_BITS } from "./precision";

/** Bytes of 16-bit tensors (embeddings, norms, router, LM head stay in 16 bits). */
const B16 = 2;

/**
 * Which precision each kind of linear layer is stored in for a requested weight precision.
 *  - bf16 / fp8: every linear layer (attention, FFN, experts) at that precision.
 *  - fp4 / int4 on a dense model: every linear layer at 4 bits.
 *  - fp4 on an MoE model: routed experts at fp4, the rest (attention, dense FFN, shared experts) at fp8 where the GPU
 *    has an FP8 path, else bf16 — how NVFP4 MoE checkpoints (DeepSeek-R1-NVFP4) and MXFP4 gpt-oss ship.
 *  - int4 on an MoE model: routed experts at int4, the rest at bf16.
 * Embeddings, norms, routers and the LM head always stay 16-bit.
 */
export interface LinearPrecisions {
  readonly dense: Precision;
  readonly experts: Precision;
  /**
   * "mxfp4" when an fp4 request runs a checkpoint whose experts ship in MXFP4 (ModelArch.fp4Format): 4.25 bits per
   * weight, and the engines' MXFP4 MoE kernels take 16-bit activations (W4A16), so the expert matmuls run at the
   * bf16 peak even on GPUs with an FP4 path. Absent otherwise (NVFP4: 4.5 bits, W4A4).
   */
  readonly expertFormat?: "mxfp4";
}

export function linearPrecisions(m: ModelArch, weights: Precision, gpu?: GpuSpec): LinearPrecisions {
  if (!m.moe || weights === "bf16" || weights === "fp8" || weights === "int8") return { dense: weights, experts: weights };
  if (weights === "fp4") {
    const fp8 = gpu === undefined || gpu.peakFlops.fp8 !== null;
    return { dense: fp8 ? "fp8" : "bf16", experts: "fp4", ...(m.fp4Format === "mxfp4" ? { expertFormat: "mxfp4" as const } : {}) };
  }
  return { dense: "bf16", experts: weights };
}

/** Whole-model weight bytes by component at a precision. */
export interface WeightBytes {
  readonly embedding: number;
  readonly lmHead: number;
  readonly attention: number;
  readonly ffn: number;
  readonly sharedExperts: number;
  readonly experts: number;
  readonly router: number;
  readonly norms: number;
  readonly total: number;
  /** Average bytes of one transformer layer (everything but embedding, LM head and final norm) = (total − emb − head) / L. */
  readonly perLayer: number;
}

export function weightBytesFrom(p: ParamBreakdown, layers: number, lp: LinearPrecisions): WeightBytes {
  const bd = bytesPerWeight(lp.dense);
  const be = lp.expertFormat === "mxfp4" ? MXFP4_BITS / 8 : bytesPerWeight(lp.experts);
  const embedding = p.embedding * B16;
  const lmHead = p.lmHead * B16;
  const attention = p.attention * bd;
  const ffn = p.ffn * bd;
  const sharedExperts = p.sharedExperts * bd;
  const experts = p.experts * be;
  const router = p.router * B16;
  const norms = p.norms * B16;
  const total = embedding + lmHead + attention + ffn + sharedExperts + experts + router + norms;
  return {
    embedding,
    lmHead,
    attention,
    ffn,
    sharedExperts,
    experts,
    router,
    norms,
    total,
    perLayer: (total - embedding - lmHead) / layers,
  };
}

/** Whole-model weight bytes at a precision (scales included), by component. */
export function weightBytes(m: ModelArch, weights: Precision, gpu?: GpuSpec): WeightBytes {
  return weightBytesFrom(paramsByComponent(m), m.layers, linearPrecisions(m, weights, gpu));
}

/** Per-GPU weight bytes by component for the most loaded GPU of a layout. */
export interface WeightsPerGpu {
  readonly attention: number;
  readonly ffn: number;
  readonly sharedExperts: number;
  readonly experts: number;
  /** Embedding + LM head share + router + norms. */
  readonly other: number;
  /** Router + norms of the stage (read every step). */
  readonly routerNorms: number;
  readonly total: number;
  /** Fraction of the layers on the most loaded stage: ceil(L/pp)/L. */
  readonly stageFraction: number;
}

/**
 * Split rules (documented in README):
 *  - attention, dense FFN and shared experts: sharded tp ways, replicated over the dp attention ranks;
 *  - routed experts: sharded over moeTp × moeEp (= tp × dp) GPUs of a stage;
 *  - embedding and LM head: vocabulary-parallel over tp; with pp > 1 the first stage holds the embedding and the last
 *    the head, so the most loaded stage holds the larger of the two;
 *  - router and norms: replicated;
 *  - pp: the most loaded stage holds ceil(L/pp) layers.
 */
export function weightsPerGpuFrom(w: WeightBytes, layers: number, l: Layout): WeightsPerGpu {
  const stageFraction = Math.ceil(layers / l.pp) / layers;
  const attention = (w.attention * stageFraction) / l.tp;
  const ffn = (w.ffn * stageFraction) / l.tp;
  const sharedExperts = (w.sharedExperts * stageFraction) / l.tp;
  const experts = (w.experts * stageFraction) / (l.moeTp * l.moeEp);
  const ends = l.pp === 1 ? w.embedding + w.lmHead : Math.max(w.embedding, w.lmHead);
  const routerNorms = (w.router + w.norms) * stageFraction;
  const other = ends / l.tp + routerNorms;
  return {
    attention,
    ffn,
    sharedExperts,
    experts,
    other,
    routerNorms,
    total: attention + ffn + sharedExperts + experts + other,
    stageFraction,
  };
}

export function weightBytesPerGpu(m: ModelArch, weights: Precision, l: Layout, gpu?: GpuSpec): WeightsPerGpu {
  return weightsPerGpuFrom(weightBytes(m, weights, gpu), m.layers, l);
}
