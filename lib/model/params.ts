import type { ModelArch } from "../catalog/types";

/**
 * Parameter counts by component (counts, not bytes). Per-layer figures are for one layer of that kind;
 * totals multiply by the number of such layers.
 *
 * Symbols: L layers, d hidden size, V vocabulary, GQA: n_q heads, n_kv KV heads, h head dim;
 * MLA: r_q q-LoRA rank, r_kv kv-LoRA rank, h_n nope dim, h_r rope dim, h_v value dim;
 * FFN: d_ff width (3 matrices when gated); MoE: E experts, k per token, s shared, d_e / d_s widths.
 */
export interface ParamBreakdown {
  /** V·d. */
  readonly embedding: number;
  /** V·d unless tied (then 0). */
  readonly lmHead: number;
  /** Q projection(s) per layer (MLA: q_a + q_norm + q_b, or q). */
  readonly attnQ: number;
  /** K projection per layer (MLA: the shared down-projection kv_a + kv_norm). */
  readonly attnK: number;
  /** V projection per layer (MLA: the up-projection kv_b, which makes both K-nope and V). */
  readonly attnV: number;
  /** O projection per layer. */
  readonly attnO: number;
  /** Q+K+V+O(+bias) per full or sliding attention layer. */
  readonly attentionPerLayer: number;
  /** Projections of one linear-attention (Gated DeltaNet) layer; 0 when the model has none. */
  readonly linearAttentionPerLayer: number;
  /** All attention layers: (L − L_lin) × attentionPerLayer + L_lin × linearAttentionPerLayer. */
  readonly attention: number;
  /** Dense FFN per dense layer: (2|3)·d·d_ff. */
  readonly ffnPerDenseLayer: number;
  /** Number of layers with a dense FFN (L − moeLayers − FFN-free layers). */
  readonly denseLayers: number;
  /** All dense FFN layers. */
  readonly ffn: number;
  /** One routed expert: (2|3)·d·d_e. */
  readonly expertParams: number;
  /** All routed experts over all MoE layers: moeLayers·E·expertParams. */
  readonly experts: number;
  /** Routers: moeLayers·d·E. */
  readonly router: number;
  /** Shared experts: moeLayers·s·(2|3)·d·d_s. */
  readonly sharedExperts: number;
  /** RMSNorm weights: 2d per layer (d on a layer with no FFN block) + final d (+ MLA latent norms). */
  readonly norms: number;
  readonly moeLayers: number;
  readonly total: number;
  /** Parameters one token touches: everything but the routed experts, plus k experts per MoE layer. */
  readonly active: number;
}

function attentionParts(m: ModelArch): { q: number; k: number; v: number; o: number; norms: number } {
  const d = m.hiddenSize;
  const a = m.attention;
  if (a.kind === "gqa") {
    // gated attention: the Q projection also yields the output gate, n_q·h more channels
    const qOut = (a.outputGate ? 2 : 1) * a.numHeads * a.headDim;
    const bq = a.bias ? qOut : 0;
    const bkv = a.bias ? a.numKvHeads * a.headDim : 0;
    const bo = a.bias ? d : 0;
    return {
      q: d * qOut + bq,
      k: d * a.numKvHeads * a.headDim + bkv,
      v: d * a.numKvHeads * a.headDim + bkv,
      o: a.numHeads * a.headDim * d + bo,
      norms: 0,
    };
  }
  const n = a.numHeads;
  const qHead = a.qkNopeHeadDim + a.qkRopeHeadDim;
  const q = a.qLoraRank !== null ? d * a.qLoraRank + a.qLoraRank * n * qHead : d * n * qHead;
  const qNorm = a.qLoraRank !== null ? a.qLoraRank : 0;
  return {
    q,
    k: d * (a.kvLoraRank + a.qkRopeHeadDim),
    v: a.kvLoraRank * n * (a.qkNopeHeadDim + a.vHeadDim),
    o: n * a.vHeadDim * d,
    norms: qNorm + a.kvLoraRank,
  };
}

/**
 * One Gated DeltaNet layer (transformers' Qwen3NextGatedDeltaNet), with key width K = n_k·h_k and value width
 * V = n_v·h_v: in_proj_qkvz d·(2K + 2V) (queries, keys, values and the output gate z), in_proj_ba d·2·n_v (the
 * update strength β and decay a per value head), the depthwise causal convolution (2K + V)·kernel over q, k, v,
 * A_log and dt_bias 2·n_v, the gated RMSNorm h_v, out_proj V·d.
 */
export function linearAttentionPerLayer(m: ModelArch): number {
  const la = m.linearAttention;
  if (!la) return 0;
  const d = m.hiddenSize;
  const kw = la.numKeyHeads * la.keyHeadDim;
  const vw = la.numValueHeads * la.valueHeadDim;
  if (la.kind === "mamba2") return mamba2PerLayer(d, kw, vw, la);
  return d * (2 * kw + 2 * vw) + d * 2 * la.numValueHeads + (2 * kw + vw) * la.convKernel + 2 * la.numValueHeads + la.valueHeadDim + vw * d;
}

/**
 * One Mamba-2 mixer (vLLM's MambaMixer2, transformers' NemotronHMamba2Mixer), with K = n_groups·d_state (the B and C
 * groups) and V = n_heads·d_head (x): in_proj d·(2V + 2K + n_h) (the gate z, x, B, C and the step size dt per head),
 * the depthwise causal convolution (2K + V)·kernel over x, B, C (+ its bias), A_log, D and dt_bias 3·n_h, the gated
 * RMSNorm V, out_proj V·d (+ biases on both projections when the config says so).
 */
function mamba2PerLayer(d: number, kw: number, vw: number, la: NonNullable<ModelArch["linearAttention"]>): number {
  const inOut = 2 * vw + 2 * kw + la.numValueHeads;
  const conv = (2 * kw + vw) * la.convKernel + (la.convBias ? 2 * kw + vw : 0);
  const bias = la.projBias ? inOut + d : 0;
  return d * inOut + conv + 3 * la.numValueHeads + vw + vw * d + bias;
}

/**
 * Parameters by component. Linear-attention layers count their own projections (linearAttentionPerLayer); a model
 * with linear layers but no `linearAttention` shapes (none is built so) would count them as attention layers.
 */
export function paramsByComponent(m: ModelArch): ParamBreakdown {
  const d = m.hiddenSize;
  const L = m.layers;
  const embedding = m.vocabSize * d;
  const lmHead = m.tiedEmbeddings ? 0 : m.vocabSize * d;
  const ap = attentionParts(m);
  const attentionPerLayer = ap.q + ap.k + ap.v + ap.o;
  const linearPerLayer = linearAttentionPerLayer(m);
  const linearLayers = m.linearAttention ? Math.min(m.layerKinds.linear, L) : 0;
  const attention = (L - linearLayers) * attentionPerLayer + linearLayers * linearPerLayer;
  const mats = m.ffn.gated ? 3 : 2;
  const moeLayers = m.moe ? Math.min(m.moe.moeLayers, L) : 0;
  const ffnFree = Math.min(m.ffnFreeLayers ?? 0, L - moeLayers);
  const denseLayers = L - moeLayers - ffnFree;
  const ffnPerDenseLayer = mats * d * m.ffn.intermediateSize;
  const ffn = denseLayers * ffnPerDenseLayer;
  let expertParams = 0;
  let experts = 0;
  let router = 0;
  let sharedExperts = 0;
  let activeExperts = 0;
  if (m.moe) {
    expertParams = mats * d * m.moe.expertFfnSize;
    experts = moeLayers * m.moe.numExperts * expertParams;
    router = moeLayers * d * m.moe.numExperts;
    sharedExperts = moeLayers * m.moe.sharedExperts * mats * d * m.moe.sharedExpertFfnSize;
    activeExperts = moeLayers * m.moe.expertsPerToken * expertParams;
  }
  const norms = L * (2 * d + ap.norms) - ffnFree * d + d;
  const total = embedding + lmHead + attention + ffn + experts + router + sharedExperts + norms;
  const active = total - experts + activeExperts;
  return {
    embedding,
    lmHead,
    attnQ: ap.q,
    attnK: ap.k,
    attnV: ap.v,
    attnO: ap.o,
    attentionPerLayer,
    linearAttentionPerLayer: linearPerLayer,
    attention,
    ffnPerDenseLayer,
    denseLayers,
    ffn,
    expertParams,
    experts,
    router,
    sharedExperts,
    norms,
    moeLayers,
    total,
    active,
  };
}
