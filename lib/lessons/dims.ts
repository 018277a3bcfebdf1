import type { ModelArch } from "../catalog/types";
import type { Dim } from "./atlas";

/**
 * The model's dimensions under the symbols the Atlas diagrams use. GQA: qh = n_q·h, kvh = n_kv·h. MLA: qh = n·(h_nope
 * + h_rope) for queries, kvh = the cached latent r_kv + h_rope. de: one routed expert's width (d_ff for dense models);
 * dff: the dense FFN width, or the expert's where the model has no dense FFN.
 */
export function dimsOf(m: ModelArch, batch: number, context: number): Readonly<Record<Dim, number>> {
  const a = m.attention;
  const qh = a.kind === "gqa" ? a.numHeads * a.headDim : a.numHeads * (a.qkNopeHeadDim + a.qkRopeHeadDim);
  const kvh = a.kind === "gqa" ? a.numKvHeads * a.headDim : a.kvLoraRank + a.qkRopeHeadDim;
  return {
    "1": 1,
    B: batch,
    d: m.hiddenSize,
    V: m.vocabSize,
    qh,
    kvh,
    // a model whose every layer is MoE may have no dense width (Qwen3.5-MoE): its FFN is the expert's
    dff: m.ffn.intermediateSize > 0 ? m.ffn.intermediateSize : m.moe ? m.moe.expertFfnSize : 0,
    de: m.moe ? m.moe.expertFfnSize : m.ffn.intermediateSize,
    N: context,
    E: m.moe ? m.moe.numExperts : 0,
    k: m.moe ? m.moe.expertsPerToken : 0,
    L: m.layers,
    // the layers with attention and a KV cache (a hybrid's linear-attention / Mamba-2 layers hold a fixed state instead)
    La: m.layerKinds.full + m.layerKinds.sliding,
  };
}

/** Symbol shown for a dimension in a diagram. */
export const DIM_SYMBOL: Readonly<Record<Dim, string>> = {
  "1": "1",
  B: "B",
  d: "d",
  V: "V",
  qh: "n_q·h",
  kvh: "n_kv·h",
  dff: "d_ff",
  de: "d_e",
  N: "N",
  E: "E",
  k: "k",
  L: "L",
  La: "L_attn",
};
