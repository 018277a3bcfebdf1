import { allReduceTime, collectiveTime } from "./comm";
import { attendedLayerTokens } from "./kv";
import { ACTIVATION_BYTES } from "./precision";
import type { Setup } from "./setup";

/**
 * Time of one engine iteration, by operator, per GPU of the most loaded stage.
 * An iteration carries b decode tokens (one per running sequence, each attending to its context N) and u prefill
 * tokens (a chunk of a prompt of ISL tokens). Each operator is a roofline,
 *   t_op = max(FLOPs / (peak · η_flop), bytes / (BW · η_bw)),
 * so weights are read once for all b + u tokens and prefill tokens ride along memory-bound decode steps until the
 * matmuls turn compute-bound. A step is Σ_op t_op over the stage's layers × pp stages, plus communication and
 * fixed overheads.
 */
export interface StepBreakdown {
  /** Decode tokens (sequences) on one attention rank. */
  readonly decodeTokens: number;
  /** Prefill tokens on one attention rank. */
  readonly prefillTokens: number;
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
  /** Speculative decoding: the k draft passes of the MTP module over the decode sequences (0 when off). */
  readonly tDraft: number;
  /** Expected distinct experts touched per MoE layer (0 for dense). */
  readonly expertsTouched: number;
  /** Expert blocks this GPU runs in the step (its touched experts over the stage's MoE layers, × pp stages). */
  readonly expertBlocks: number;
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
 * KV bytes one GPU reads (or holds) per sequence at context n, on the most loaded stage: the attention layers' cache,
 * split min(tp, n_kv) ways, and the linear-attention layers' fixed state, split min(tp, n_k) ways.
 */
export function kvBytesPerSeqPerGpu(s: Setup, n: number): number {
  const m = s.model;
  const frac = s.stageLayers / m.layers;
  const e = s.md.kvElems * attendedLayerTokens(m, n);
  return (e * s.kvBytes * frac) / s.kvShard + linearStatePerSeqPerGpu(s);
}

/** The linear-attention state of one sequence on one GPU of the most loaded stage (0 without linear layers). */
export function linearStatePerSeqPerGpu(s: Setup): number {
  return s.linStateBytes > 0 ? (s.linStateBytes * (s.stageLayers / s.model.layers)) / s.linShard : 0;
}

/** KV bytes one token adds on one GPU (full and sliding layers), most loaded stage. */
function kvBytesPerTokenPerGpu(s: Setup): number {
  const m = s.model;
  return (s.md.kvElems * (m.layerKinds.full + m.layerKinds.sliding) * s.kvBytes * (s.stageLayers / m.layers)) / s.kvShard;
}

/**
 * One iteration on one attention rank: b decode tokens at context `context`, u prefill tokens of a prompt of
 * `promptLen` tokens (causal: a prefill token attends on average to (promptLen + 1)/2 keys, sliding layers to at most
 * the window). `moeTokens`: tokens through a stage's MoE layers (all dp ranks together). `iterations`: engine
 * iterations the work spans (fixed overheads paid per iteration).
 */
export function mixedStep(
  s: Setup,
  b: number,
  context: number,
  u: number,
  promptLen: number,
  moeTokens: number,
  iterations: number,
): StepBreakdown {
  const { md, layout: l, wg, f, model } = s;
  const p = md.params;
  const L = model.layers;
  const Ls = s.stageLayers;
  const frac = Ls / L;
  const BW = s.gpu.hbmBandwidth * f.bwEff;
  const Fd = s.peakDense * f.flopEff;
  const Fe = s.peakExpert * f.flopEff;
  const Fa = s.peakAttn * f.flopEff;
  const acc: Acc = { flops: 0, bytes: 0, tc: 0, tm: 0, roof: 0, cb: 0 };
  // Speculative decoding verifies k + 1 tokens of each decode sequence in one pass (its KV is read once).
  const v = s.spec ? s.spec.draftTokens + 1 : 1;
  const bq = b * v;
  const tok = bq + u;
  const moeT = moeTokens + (v - 1) * b * l.dp;

  const fAttnLin = (2 * tok * p.attention * frac) / l.tp;
  op(acc, fAttnLin, Fd, wg.attention, BW);
  // Decode attention: every sequence reads its KV (memory-bound).
  const decPairs = b * attendedLayerTokens(model, context) * frac;
  const fDecAttn = (v * decPairs * md.attnFlopsPerPairDecode) / l.tp;
  // each sequence's KV is read; a linear-attention layer also writes its updated state back, every step
  const bDecKv = b * (kvBytesPerSeqPerGpu(s, context) + linearStatePerSeqPerGpu(s));
  op(acc, fDecAttn, Fa, bDecKv, BW);
  // Prefill attention: causal pairs (compute-bound), KV written once.
  let fPreAttn = 0;
  let bPreKv = 0;
  if (u > 0) {
    const meanCtx = (promptLen + 1) / 2;
    const w = model.slidingWindow ?? meanCtx;
    const prePairs = u * (model.layerKinds.full * meanCtx + model.layerKinds.sliding * Math.min(meanCtx, w)) * frac;
    fPreAttn = (prePairs * md.attnFlopsPerPairPrefill) / l.tp;
    bPreKv = u * kvBytesPerTokenPerGpu(s);
    op(acc, fPreAttn, Fa, bPreKv, BW);
  }
  const fFfn = (2 * tok * (p.ffn + p.sharedExperts) * frac) / l.tp;
  op(acc, fFfn, Fd, wg.ffn + wg.sharedExperts, BW);
  let touched = 0;
  let fExp = 0;
  let bExp = 0;
  let expertBlocks = 0;
  if (model.moe) {
    const E = model.moe.numExperts;
    const k = model.moe.expertsPerToken;
    // touched fraction 1 − (1 − k/E)^T (moe.ts), with ln(1 − k/E) cached per model
    const tf = moeT > 0 ? (md.logMiss === -Infinity ? 1 : 1 - Math.exp(moeT * md.logMiss)) : 0;
    touched = tf * E;
    fExp = (2 * moeT * k * p.expertParams * p.moeLayers * frac) / l.stageGpus;
    bExp = wg.experts * tf;
    op(acc, fExp, Fe, bExp, BW);
    // expert blocks this GPU runs per step: its E/moeEp experts × touched fraction, over the stage's MoE layers
    expertBlocks = (E / l.moeEp) * tf * p.moeLayers * frac;
  }
  // Router and norms: small reads, every step.
  op(acc, 0, Fd, wg.routerNorms, BW);
  const pp = l.pp;
  acc.flops *= pp;
  acc.bytes *= pp;
  acc.tc *= pp;
  acc.tm *= pp;
  acc.roof *= pp;
  acc.cb *= pp;
  // LM head (once, on the last stage): V·d weights (tied or not); one logit row per decode token and per prompt end.
  const lmRows = bq + (u > 0 ? 1 : 0);
  const fLm = (2 * lmRows * model.vocabSize * model.hiddenSize) / l.tp;
  const bLm = (model.vocabSize * model.hiddenSize * 2) / l.tp;
  op(acc, fLm, Fd, bLm, BW);

  // Communication per stage, × pp stages.
  const d = model.hiddenSize;
  const msg = tok * d * ACTIVATION_BYTES;
  const moeLayers = p.moeLayers * frac;
  const denseLayers = Ls - moeLayers - (L - p.moeLayers - p.denseLayers) * frac; // less the layers with no FFN block
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
          ? (moeT / l.stageGpus) * Math.min(k, l.moeEp) * d * ACTIVATION_BYTES
          : moeT * d * ACTIVATION_BYTES;
      // dispatch + combine (EP all-to-all) or all-gather + reduce-scatter (TP experts over dp ranks)
      comm += 2 * moeLayers * collectiveTime(bytes, l.stageGpus, s.linkStage.bandwidth, s.linkStage.latency);
    }
  }
  comm *= pp;
  if (pp > 1) comm += (pp - 1) * collectiveTime(msg * 2, 2, s.linkStage.bandwidth, s.linkStage.latency);

  // Per iteration: the engine's fixed step cost, per layer, per MoE layer (router, permutation), per expert block,
  // and per sequence per layer (each decode sequence's attention work item: block-table walk, split-KV reduction).
  const overhead =
    iterations * (f.stepOverheadS + f.layerOverheadS * L + f.moeLayerOverheadS * p.moeLayers) +
    f.expertOverheadS * expertBlocks * pp +
    f.seqOverheadS * lmRows * L;
  const tDraft = s.spec && b > 0 ? s.spec.draftTokens * draftPass(s, b, context) : 0;
  return {
    decodeTokens: b,
    prefillTokens: u,
    flopsAttnLinear: fAttnLin * pp,
    flopsAttnCore: (fDecAttn + fPreAttn) * pp,
    flopsFfn: fFfn * pp,
    flopsExperts: fExp * pp,
    flopsLmHead: fLm,
    bytesWeights: (wg.attention + wg.ffn + wg.sharedExperts) * pp,
    bytesExperts: bExp * pp,
    bytesKv: (bDecKv + bPreKv) * pp,
    bytesLmHead: bLm,
    flops: acc.flops,
    bytes: acc.bytes,
    tCompute: acc.tc,
    tMemory: acc.tm,
    tRoofline: acc.roof,
    tComputeBound: acc.cb,
    tComm: comm,
    tOverhead: overhead,
    tDraft,
    expertsTouched: touched,
    expertBlocks: expertBlocks * pp,
    t: acc.roof + comm + overhead + tDraft,
  };
}

/** Output tokens a decode iteration yields per sequence: the acceptance length τ with speculative decoding, else 1. */
export function tokensPerIteration(s: Setup): number {
  return s.spec ? s.spec.acceptanceLength : 1;
}

/** The same setup without speculative decoding (one per setup, kept while the setup lives). */
const PLAIN = new WeakMap<Setup, Setup>();
function plainOf(s: Setup): Setup {
  let p = PLAIN.get(s);
  if (!p) PLAIN.set(s, (p = { ...s, spec: null }));
  return p;
}

/**
 * One draft pass of an MTP module over b decode sequences: one more decoder layer — the mean layer of a plain decode
 * step at b sequences (its roofline, communication and per-layer overheads; not the step's fixed cost) — and the LM
 * head over b rows, which the module shares with the model.
 *   t_draft = (t_step(b) − t_lm(b) − t_fixed) / L + t_lm(b)
 */
export function draftPass(s: Setup, b: number, context: number): number {
  // a serving loop asks for the same pass several times (decode step, chunk steps, two fixed-point rounds): the last
  // answer is kept
  if (s === last.s && b === last.b && context === last.context) return last.t;
  const plain = mixedStep(plainOf(s), b, context, 0, 0, b * s.layout.dp, 1);
  const lm = Math.max(plain.flopsLmHead / (s.peakDense * s.f.flopEff), plain.bytesLmHead / (s.gpu.hbmBandwidth * s.f.bwEff));
  const t = (plain.t - lm - s.f.stepOverheadS) / s.model.layers + lm;
  last.s = s;
  last.b = b;
  last.context = context;
  last.t = t;
  return t;
}

const last: { s: Setup | null; b: number; context: number; t: number } = { s: null, b: NaN, context: NaN, t: 0 };

/**
 * One decode iteration of the replica at batch B (sequences in flight) and mean context N: each attention rank holds
 * b = B/(dp·pp) sequences per micro-batch; the MoE layers of a stage see B/pp tokens.
 */
export function decodeStep(s: Setup, batch: number, context: number): StepBreakdown {
  const l = s.layout;
  const stageTokens = Math.max(batch / l.pp, 1e-9);
  return mixedStep(s, stageTokens / l.dp, context, 0, 0, stageTokens, 1);
}

/**
 * Prefill of one prompt of S tokens alone on one attention rank (the other ranks' expert shares help with its MoE
 * layers). Full layers see S(S+1)/2 causal pairs. Spans ceil(S / chunk) engine iterations.
 */
export function prefill(s: Setup, promptTokens: number): StepBreakdown {
  const S = Math.max(promptTokens, 1);
  return mixedStep(s, 0, 0, S, S, S, Math.ceil(S / s.f.prefillChunkTokens));
}
