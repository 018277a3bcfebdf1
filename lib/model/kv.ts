import type { ModelArch } from "../catalog/types";

/** Bytes per element of the model dtype the linear-attention state is kept in (bf16). */
export const MODEL_DTYPE_BYTES = 2;

/**
 * KV-cache elements per token per layer of each kind (elements, multiply by bytes per element).
 *  - GQA full / sliding layer: 2·n_kv·h (one K and one V vector per KV head).
 *  - MLA layer: r_kv + h_r (one compressed latent plus the shared rope key).
 */
export function kvElementsPerTokenPerLayer(m: ModelArch): number {
  const a = m.attention;
  return a.kind === "gqa" ? 2 * a.numKvHeads * a.headDim : a.kvLoraRank + a.qkRopeHeadDim;
}

/** Recurrent state of one linear-attention layer, in elements, whatever the context: n_v heads × a d_k × d_v matrix. */
function recurrentElements(la: NonNullable<ModelArch["linearAttention"]>): number {
  return la.numValueHeads * la.keyHeadDim * la.valueHeadDim;
}

/** Its short convolution window over the q, k, v channels: (conv − 1) · (2 · n_k · d_k + n_v · d_v) elements. */
function convElements(la: NonNullable<ModelArch["linearAttention"]>): number {
  return Math.max(0, la.convKernel - 1) * (2 * la.numKeyHeads * la.keyHeadDim + la.numValueHeads * la.valueHeadDim);
}

/**
 * Bytes of one linear-attention layer's state per sequence. Engines keep it apart from the KV cache, at the model's
 * dtype (16-bit) whatever the KV precision — vLLM's mamba_cache_dtype "auto" — and the recurrent part at the type the
 * checkpoint states (`mamba_ssm_dtype` float32: 4 bytes, which vLLM applies to Qwen3.5).
 */
export function linearStateBytesPerLayer(m: ModelArch): number {
  const la = m.linearAttention;
  if (!la) return 0;
  return recurrentElements(la) * (la.recurrentStateBytes ?? MODEL_DTYPE_BYTES) + convElements(la) * MODEL_DTYPE_BYTES;
}

/** What a hybrid's fixed-state layers are called in derivations and lessons: "Mamba-2" or "linear-attention" (Gated DeltaNet). */
export function linearLayerName(m: ModelArch): "Mamba-2" | "linear-attention" {
  return m.linearAttention?.kind === "mamba2" ? "Mamba-2" : "linear-attention";
}

/**
 * Bytes of one linear-attention layer's state per sequence held by one of `tp` ranks.
 *  - Gated DeltaNet: split min(tp, n_k) ways (the layer's heads split over the ranks).
 *  - Mamba-2 (vLLM's mamba2_state_shape): the heads split tp ways (n_h/tp · d_head · d_state); the convolution window
 *    over x splits tp ways, over B and C by groups — n_g/tp groups per rank, or the single group replicated on every
 *    rank when n_g = 1.
 */
export function linearStateBytesPerLayerPerGpu(m: ModelArch, tp: number): number {
  const la = m.linearAttention;
  if (!la) return 0;
  if (la.kind !== "mamba2") return linearStateBytesPerLayer(m) / Math.min(tp, la.numKeyHeads);
  const groupsPerRank = la.numKeyHeads % tp === 0 ? la.numKeyHeads / tp : 1;
  const conv = Math.max(0, la.convKernel - 1) * ((la.numValueHeads * la.valueHeadDim) / tp + 2 * groupsPerRank * la.keyHeadDim);
  return (recurrentElements(la) / tp) * (la.recurrentStateBytes ?? MODEL_DTYPE_BYTES) + conv * MODEL_DTYPE_BYTES;
}

/**
 * KV bytes per token of context, counting every layer that grows with context (full + sliding layers) —
 * the headline "KV per token" figure: 2·L·n_kv·h·bytes for GQA, (r_kv + h_r)·L·bytes for MLA.
 * Linear-attention layers add nothing per token (their state is fixed). Sliding layers stop growing at the window;
 * `kvBytesForContext` applies that cap.
 */
export function kvBytesPerToken(m: ModelArch, kvBytesPerElement: number): number {
  return kvElementsPerTokenPerLayer(m) * (m.layerKinds.full + m.layerKinds.sliding) * kvBytesPerElement;
}

/**
 * KV bytes one sequence holds at context n: full layers hold n tokens, sliding layers min(n, window),
 * linear layers a fixed state.
 */
export function kvBytesForContext(m: ModelArch, kvBytesPerElement: number, n: number): number {
  const e = kvElementsPerTokenPerLayer(m);
  const w = m.slidingWindow ?? n;
  const tokens = m.layerKinds.full * n + m.layerKinds.sliding * Math.min(n, w);
  return e * tokens * kvBytesPerElement + m.layerKinds.linear * linearStateBytesPerLayer(m);
}

/**
 * Effective tokens per layer-average for KV reads at context n (used for attention FLOPs/bytes):
 * full layers see n, sliding layers min(n, w). Returns Σ_layers tokens (layer-tokens).
 */
export function attendedLayerTokens(m: ModelArch, n: number): number {
  const w = m.slidingWindow ?? n;
  return m.layerKinds.full * n + m.layerKinds.sliding * Math.min(n, w);
}
