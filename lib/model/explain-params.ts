import type { Derivation } from "./derivation";
import type { EstimateCore } from "./estimate";
import { count } from "./explain-format";

function d(key: string, label: string, value: number, unit: string, formula: string, substituted: string): Derivation {
  return { key, label, value, unit, formula, substituted };
}

/** Parameter derivations of a model (also used by the lessons). */
export function paramDerivations(c: EstimateCore): Derivation[] {
  const m = c.setup.model;
  const p = c.setup.md.params;
  const a = m.attention;
  const dd = m.hiddenSize;
  const mats = m.ffn.gated ? 3 : 2;
  // gated attention (Qwen3-Next, Qwen3.5): q_proj also yields the output gate, 2·n_q·h wide
  const g = a.kind === "gqa" && a.outputGate ? "2·" : "";
  const layerFormula =
    a.kind === "gqa"
      ? `(${g}d·n_q·h + 2·d·n_kv·h + n_q·h·d)`
      : "(q: d·r_q + r_q·n·(h_n+h_r); kv_a: d·(r_kv+h_r); kv_b: r_kv·n·(h_n+h_v); o: n·h_v·d)";
  const layerSub =
    a.kind === "gqa"
      ? `(${g}${dd}·${a.numHeads}·${a.headDim} + 2·${dd}·${a.numKvHeads}·${a.headDim} + ${a.numHeads}·${a.headDim}·${dd})${a.bias ? " + biases" : ""}`
      : `(${count(p.attnQ)} + ${count(p.attnK)} + ${count(p.attnV)} + ${count(p.attnO)})`;
  const la = m.linearAttention;
  const lin = la && p.linearAttentionPerLayer > 0 ? m.layerKinds.linear : 0;
  const mamba = la?.kind === "mamba2";
  const linFormula = mamba
    ? `L_mamba · (d·(2V + 2K + n_h) + (2K + V)·conv${la.convBias ? " + (2K + V)" : ""} + 3·n_h + V + V·d${la.projBias ? " + biases" : ""}), K = n_groups·d_state, V = n_h·d_head`
    : "L_lin · (d·(2K + 2V) + d·2·n_v + (2K + V)·conv + 2·n_v + h_v + V·d), K = n_k·h_k, V = n_v·h_v";
  const attnFormula = lin > 0 ? `(L − ${mamba ? "L_mamba" : "L_lin"}) · ${layerFormula} + ${linFormula}` : `L · ${layerFormula}`;
  const attnSub =
    la && lin > 0
      ? `${m.layers - lin} · ${layerSub} + ${lin} · ${count(p.linearAttentionPerLayer)} (K = ${la.numKeyHeads}·${la.keyHeadDim}, V = ${la.numValueHeads}·${la.valueHeadDim}, conv ${la.convKernel})`
      : `${m.layers} · ${layerSub}`;
  const out: Derivation[] = [
    d("params.embedding", "Embedding parameters", p.embedding, "1", "V · d", `${m.vocabSize} · ${dd}`),
    d("params.attention", mamba ? "Attention and Mamba-2 parameters" : "Attention parameters", p.attention, "1", attnFormula, `${attnSub} = ${count(p.attention)}`),
    d(
      "params.ffn",
      "Dense FFN parameters",
      p.ffn,
      "1",
      `L_dense · ${mats} · d · d_ff`,
      `${p.denseLayers} · ${mats} · ${dd} · ${m.ffn.intermediateSize} = ${count(p.ffn)}`,
    ),
    d(
      "params.experts",
      "Routed-expert parameters",
      p.experts,
      "1",
      `L_moe · E · ${mats} · d · d_e`,
      m.moe
        ? `${p.moeLayers} · ${m.moe.numExperts} · ${mats} · ${dd} · ${m.moe.expertFfnSize} = ${count(p.experts)}`
        : "dense model: 0",
    ),
    d(
      "params.lmHead",
      "LM head parameters",
      p.lmHead,
      "1",
      "V · d (0 when tied to the embedding)",
      m.tiedEmbeddings ? "tied: 0" : `${m.vocabSize} · ${dd}`,
    ),
    d(
      "params.total",
      "Total parameters",
      p.total,
      "1",
      "embedding + attention + dense FFN + experts + router + shared experts + norms + LM head",
      `${count(p.embedding)} + ${count(p.attention)} + ${count(p.ffn)} + ${count(p.experts)} + ${count(p.router)} + ${count(p.sharedExperts)} + ${count(p.norms)} + ${count(p.lmHead)} = ${count(p.total)}`,
    ),
    d(
      "params.active",
      "Active parameters per token",
      p.active,
      "1",
      "total − experts + L_moe · k · expert",
      m.moe
        ? `${count(p.total)} − ${count(p.experts)} + ${p.moeLayers} · ${m.moe.expertsPerToken} · ${count(p.expertParams)} = ${count(p.active)}`
        : `dense: = total = ${count(p.total)}`,
    ),
  ];
  return out;
}
