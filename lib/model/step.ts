import { allReduceTime, collectiveTime } from "./comm";
import { attendedLayerTokens } from "./kv";
import { touchedExpertFraction } from "./moe";
import { ACTIVATION_BYTES } from "./precision";
import type { Setup } from "./setup";

/**
 * Time of one engine iteration, by operator, per GPU of the most loaded stage.
 * Each operator is a roofline: t_op = max(FLOPs / (peak · η_flop), bytes / (BW · η_bw)).
 * A step is Σ_op t_op over the stage's layers × pp stages, plus communication and a fixed overhead.
 */
export interface StepBreakdown {
  /** Tokens processed by the replica in the step (decode: sequences; prefill: prompt tokens). */
  readonly tokens: number;
  readonly flopsAttnLinear: number;
  readonly flopsAttnCore: number;
  readonly flopsFfn: number;
  readonly flopsExperts: number;
  readonly flopsLmHead: number;
  readonly bytesWeights: number;
  readonly bytesExperts: number;
  readonly bytesKv: number;
  readonly bytesLmHead: number;
  /** Per-GPU FLOPs of the step (all stages). */
  readonly flops: number;
  /** Per-GPU bytes read of the step (all stages). */
  readonly bytes: number;
  /** Σ FLOPs / achieved FLOP/s, if nothing were memory-bound. */
  readonly tCompute: number;
  /** Σ bytes / achieved bandwidth, if nothing were compute-bound. */
  readonly tMemory: number;
  /** Σ_op max(compute, memory): the roofline time of the math. */
  readonly tRoofline: number;
  /** Part of the roofline time where compute binds. */
  readonly tComputeBound: number;
  readonly tComm: number;
  readonly tOverhead: number;
  /** Expected distinct experts touched per MoE layer (0 for dense). */
  readonly expertsTouched: number;
  readonly t: number;
}

interface Acc {
  flops: number;
  bytes: number;
  tc: number;
  tm: number;
  roof: number;
  cb: number;
}

function op(acc: Acc, flops: number, F: number, bytes: number, BW: number): void {
  const tc = flops / F;
  const tm = bytes / BW;
  acc.flops += flops;
  acc.bytes += bytes;
  acc.tc += tc;
  acc.tm += tm;
  if (tc > tm) {
    acc.roof += tc;
    acc.cb += tc;
  } else acc.roof += tm;
}

/**
 * Shared body of decode and prefill.
 * @param perRank tokens on one attention rank (decode: sequences b = B/dp/pp; prefill: S)
 * @param stageTokens tokens through the MoE layers of a stage (decode B/pp; prefill S)
 * @param pairs attention (query, key) pairs per layer-sum on one rank (already summed over the stage's layers)
 * @param kvReadBytes per-GPU KV bytes read on the stage
 * @param flopEff matmul efficiency for this phase
 * @param iterations engine iterations the work spans (prefill chunks)
 * @param lmRows rows through the LM head (decode: b; prefill: 1)
 */
function evaluate(
  s: Setup,
  perRank: number,
  stageTokens: number,
  pairsPerGpu: number,
  pairFlops: number,
  kvBytesStage: number,
  flopEff: number,
  iterations: number,
  lmRows: number,
): StepBreakdown {
  const { md, layout: l, wg, f, model } = s;
  const p = md.params;
  const L = model.layers;
  const Ls = s.stageLayers;
  const frac = Ls / L;
  const BW = s.gpu.hbmBandwidth * f.bwEff;
  const Fd = s.peakDense * flopEff;
  const Fe = s.peakExpert * flopEff;
  const Fa = s.peakAttn * flopEff;
  const acc: Acc = { flops: 0, bytes: 0, tc: 0, tm: 0, roof: 0, cb: 0 };

  const fAttnLin = (2 * perRank * p.attention * frac) / l.tp;
  op(acc, fAttnLin, Fd, wg.attention, BW);
  const fAttnCore = (pairsPerGpu * pairFlops) / l.tp;
  op(acc, fAttnCore, Fa, kvBytesStage, BW);
  const fFfn = (2 * perRank * (p.ffn + p.sharedExperts) * frac) / l.tp;
  op(acc, fFfn, Fd, wg.ffn + wg.sharedExperts, BW);
  let touched = 0;
  let fExp = 0;
  let bExp = 0;
  if (model.moe) {
    const E = model.moe.numExperts;
    const k = model.moe.expertsPerToken;
    const tf = touchedExpertFraction(E, k, stageTokens);
    touched = tf * E;
    fExp = (2 * stageTokens * k * p.expertParams * p.moeLayers * frac) / l.stageGpus;
    bExp = wg.experts * tf;
    op(acc, fExp, Fe, bExp, BW);
  }
  // Router and norms: small reads, every step.
  op(acc, 0, Fd, wg.routerNorms, BW);
  // The pipeline: pp stages each do their share; the token passes through all of them.
  const pp = l.pp;
  const st = acc;
  st.flops *= pp;
  st.bytes *= pp;
  st.tc *= pp;
  st.tm *= pp;
  st.roof *= pp;
  st.cb *= pp;
  // LM head (once, on the last stage): V·d weights (tied or not), 2·V·d FLOPs per logit row
  // (decode: every sequence; prefill: only the last prompt token).
  const fLm = (2 * lmRows * model.vocabSize * model.hiddenSize) / l.tp;
  const bLm = (model.vocabSize * model.hiddenSize * 2) / l.tp;
  op(st, fLm, Fd, bLm, BW);

  // Communication per stage, × pp stages.
  const d = model.hiddenSize;
  const msg = perRank * d * ACTIVATION_BYTES;
  const denseLayers = Ls - p.moeLayers * frac;
  const moeLayers = p.moeLayers * frac;
  let comm = 0;
  if (l.tp > 1) {
    const ar = allReduceTime(msg, l.tp, s.linkTp.bandwidth, s.linkTp.latency);
    comm += Ls * ar; // after attention
    comm += denseLayers * ar; // after dense FFN
  }
  if (moeLayers > 0) {
    if (l.dp === 1 && l.moeEp === 1) {
      comm += moeLayers * allReduceTime(msg, l.tp, s.linkTp.bandwidth, s.linkTp.latency);
    } else if (l.stageGpus > 1) {
      const k = model.moe ? model.moe.expertsPerToken : 1;
      const bytes =
        l.moeEp > 1
          ? (stageTokens / l.stageGpus) * Math.min(k, l.moeEp) * d * ACTIVATION_BYTES
          : stageTokens * d * ACTIVATION_BYTES;
      // dispatch + combine (EP all-to-all) or all-gather + reduce-scatter (TP experts over dp ranks)
      comm += 2 * moeLayers * collectiveTime(bytes, l.stageGpus, s.linkStage.bandwidth, s.linkStage.latency);
    }
  }
  comm *= pp;
  if (pp > 1) comm += (pp - 1) * collectiveTime(msg * 2, 2, s.linkStage.bandwidth, s.linkStage.latency);

  const overhead = iterations * (f.stepOverheadS + f.layerOverheadS * L) + f.seqOverheadS * perRank;
  const t = st.roof + comm + overhead;
  return {
    tokens: stageTokens * pp,
    flopsAttnLinear: fAttnLin * pp,
    flopsAttnCore: fAttnCore * pp,
    flopsFfn: fFfn * pp,
    flopsExperts: fExp * pp,
    flopsLmHead: fLm,
    bytesWeights: (wg.attention + wg.ffn + wg.sharedExperts) * pp,
    bytesExperts: bExp * pp,
    bytesKv: kvBytesStage * pp,
    bytesLmHead: bLm,
    flops: st.flops,
    bytes: st.bytes,
    tCompute: st.tc,
    tMemory: st.tm,
    tRoofline: st.roof,
    tComputeBound: st.cb,
    tComm: comm,
    tOverhead: overhead,
    expertsTouched: touched,
    t,
  };
}

/** KV bytes one GPU reads (or holds) per sequence at context n, on the most loaded stage. */
export function kvBytesPerSeqPerGpu(s: Setup, n: number): number {
  const m = s.model;
  const frac = s.stageLayers / m.layers;
  const e = s.md.kvElems * attendedLayerTokens(m, n) + m.layerKinds.linear * s.md.linStateElems;
  return (e * s.kvBytes * frac) / s.kvShard;
}

/**
 * One decode iteration of the replica at batch B (sequences in flight) and mean context N.
 * Each attention rank holds b = B/(dp·pp) sequences per micro-batch; the MoE layers of a stage see B/pp tokens.
 * Weights are read once per micro-batch and shared by its sequences; each sequence reads its own KV.
 */
export function decodeStep(s: Setup, batch: number, context: number): StepBreakdown {
  const l = s.layout;
  const stageTokens = Math.max(batch / l.pp, 1e-9);
  const b = stageTokens / l.dp;
  const frac = s.stageLayers / s.model.layers;
  const pairs = b * attendedLayerTokens(s.model, context) * frac;
  const kv = b * kvBytesPerSeqPerGpu(s, context);
  return evaluate(s, b, stageTokens, pairs, s.md.attnFlopsPerPairDecode, kv, s.f.flopEffDecode, 1, b);
}

/**
 * Prefill of one prompt of S tokens on one attention rank (the other ranks' expert shares help with its MoE layers).
 * Attention is causal: full layers see S(S+1)/2 (query, key) pairs, sliding layers Σ min(i, w).
 * The KV of the prompt is written once. Spans ceil(S / chunk) engine iterations.
 */
export function prefill(s: Setup, promptTokens: number): StepBreakdown {
  const m = s.model;
  const S = Math.max(promptTokens, 1);
  const w = m.slidingWindow ?? S;
  const frac = s.stageLayers / m.layers;
  const fullPairs = (S * (S + 1)) / 2;
  const slidePairs = S <= w ? fullPairs : (w * (w + 1)) / 2 + (S - w) * w;
  const pairs = (m.layerKinds.full * fullPairs + m.layerKinds.sliding * slidePairs) * frac;
  const kvWrite = kvBytesPerSeqPerGpu(s, S);
  const iterations = Math.ceil(S / s.f.prefillChunkTokens);
  return evaluate(s, S, S, pairs, s.md.attnFlopsPerPairPrefill, kvWrite, s.f.flopEffPrefill, iterations, 1);
}
