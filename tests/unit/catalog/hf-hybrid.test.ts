import { describe, expect, it } from "vitest";
import { getGpu, getModel, importHfConfig } from "../../../lib/catalog";
import { estimateConfig } from "../../../lib/model/estimate";
import { kvBytesForContext } from "../../../lib/model/kv";
import { paramsByComponent } from "../../../lib/model/params";
import { decodeStep, kvBytesPerSeqPerGpu } from "../../../lib/model/step";
import { planInputSchema } from "../../../lib/plan/schema";
import { runPlan } from "../../../lib/search";
import { prepareShape } from "../../../lib/search/fast-estimate";
import { input } from "../model/fixtures";
import * as F from "./hf-fixtures";


// Every expected figure below is worked out by hand from the layer shapes of transformers' modeling_qwen3_next.py /
// modeling_qwen3_5_moe.py (Qwen3NextGatedDeltaNet, the gated Qwen3NextAttention), written out term by term.

/** One Gated DeltaNet layer at d, n_k·h_k = K, n_v·h_v = V, n_v heads, h_v, conv kernel 4. */
function deltaNetLayer(d: number, K: number, V: number, nv: number, hv: number): number {
  const inProjQkvz = d * (K + K + V + V);
  const inProjBa = d * (nv + nv);
  const conv1d = (K + K + V) * 4;
  const aLogDtBias = nv + nv;
  const gatedNorm = hv;
  const outProj = V * d;
  return inProjQkvz + inProjBa + conv1d + aLogDtBias + gatedNorm + outProj;
}

describe("Qwen3.5-MoE config.json (text_config under a multimodal wrapper)", () => {
  const m = importHfConfig(F.QWEN3_5_MOE);

  it("reads the hybrid stack, the gated attention, every-layer MoE, the fp32 state and the MTP layer by their fields", () => {
    expect(m.layers).toBe(40);
    expect(m.layerKinds).toEqual({ full: 10, sliding: 0, linear: 30 });
    expect(m.attention).toEqual({ kind: "gqa", numHeads: 16, numKvHeads: 2, headDim: 256, bias: false, outputGate: true });
    expect(m.linearAttention).toEqual({ numKeyHeads: 16, numValueHeads: 32, keyHeadDim: 128, valueHeadDim: 128, convKernel: 4, recurrentStateBytes: 4 });
    expect(m.moe).toEqual({ numExperts: 256, expertsPerToken: 8, sharedExperts: 1, expertFfnSize: 512, sharedExpertFfnSize: 512, moeLayers: 40 });
    expect(m.ffn.intermediateSize).toBe(0);
    expect(m.mtp).toEqual({ modules: 1, acceptance: null });
    expect(m.notes).toMatch(/intermediate_size absent: every layer is MoE/);
    expect(m.notes).toMatch(/vision_config present/);
    expect(m.notes).not.toMatch(/not a family the importer knows/);
  });

  it("imports to the catalog's Qwen3.5 35B-A3B (the same architecture, field by field)", () => {
    const { id: _i, name: _n, sources: _s, notes: _o, ...imported } = m;
    const { id: _ci, name: _cn, sources: _cs, notes: _co, ...catalog } = getModel("qwen3.5-35b-a3b")!;
    expect(imported).toEqual(catalog);
  });

  it("counts the gated attention and the DeltaNet layers with their own projections: 34.66 B total, 3.45 B active", () => {
    const p = paramsByComponent(m);
    const d = 2048;
    // gated attention: q_proj d·(2·16·256), k and v d·(2·256), o (16·256)·d
    const fullLayer = d * 2 * 16 * 256 + 2 * (d * 2 * 256) + 16 * 256 * d;
    expect(fullLayer).toBe(27_262_976);
    const linearLayer = deltaNetLayer(d, 16 * 128, 32 * 128, 32, 128);
    expect(linearLayer).toBe(33_718_464);
    expect(p.attentionPerLayer).toBe(fullLayer);
    expect(p.linearAttentionPerLayer).toBe(linearLayer);
    expect(p.attention).toBe(10 * fullLayer + 30 * linearLayer);
    const expert = 3 * d * 512;
    const total =
      10 * fullLayer + 30 * linearLayer +
      40 * 256 * expert + // routed experts
      40 * expert + // one shared expert per layer
      40 * d * 256 + // routers
      2 * 248_320 * d + // embedding + untied LM head
      40 * 2 * d + d; // norms
    expect(p.total).toBe(total);
    expect(p.total).toBe(34_660_523_648);
    expect(p.active).toBe(total - 40 * 256 * expert + 40 * 8 * expert);
    expect(p.active / 1e9).toBeCloseTo(3.45, 2);
  });

  it("holds the recurrent state at 4 bytes (mamba_ssm_dtype float32) and the convolution window at the model dtype, apart from the KV cache", () => {
    // per linear layer: 32·128·128 fp32 state + (4 − 1)·(2·2048 + 4096) conv channels at 2 bytes
    const stateBytes = 32 * 128 * 128 * 4 + 3 * (2 * 2048 + 4096) * 2;
    expect(stateBytes).toBe(2_146_304);
    // full layers: 2 (K, V) · 2 KV heads · 256 · 2 bytes per token each
    const perToken = 10 * 2 * 2 * 256 * 2;
    expect(kvBytesForContext(m, 2, 1000)).toBe(1000 * perToken + 30 * stateBytes);
    // fp8 KV: the cache halves; the state, kept apart at the model dtype and the stated fp32, does not
    expect(kvBytesForContext(m, 1, 1000)).toBe(1000 * perToken / 2 + 30 * stateBytes);
    // the step model holds the same bytes per sequence (one GPU holds the whole stack)
    const gpu = getGpu("h100-sxm")!;
    const setup = prepareShape(m, gpu, { tp: 1, pp: 1, dp: 1, moeEp: 1, gpus: 1 }, "bf16", "bf16", "vllm");
    expect(kvBytesPerSeqPerGpu(setup, 1000)).toBe(1000 * perToken + 30 * stateBytes);
    // TP4: the 2 KV heads split 2 ways, the 16 key heads of the linear layers 4 ways
    const tp4 = prepareShape(m, gpu, { tp: 4, pp: 1, dp: 1, moeEp: 1, gpus: 4 }, "bf16", "bf16", "vllm");
    expect(kvBytesPerSeqPerGpu(tp4, 1000)).toBe((1000 * perToken) / 2 + (30 * stateBytes) / 4);
  });

  it("a decode step reads each sequence's KV and state and writes the state back", () => {
    const setup = prepareShape(m, getGpu("h100-sxm")!, { tp: 1, pp: 1, dp: 1, moeEp: 1, gpus: 1 }, "bf16", "bf16", "vllm");
    const perToken = 10 * 2 * 2 * 256 * 2;
    const state = 30 * 2_146_304;
    // 16 sequences at a mean context of 1,000 tokens
    expect(decodeStep(setup, 16, 1000).bytesKv).toBe(16 * (1000 * perToken + 2 * state));
  });

  it("the attention derivation shows both kinds of layer with the values put in", () => {
    const r = estimateConfig({ model: m, gpu: getGpu("h100-sxm")!, input: input({ tp: 1, isl: 1000, osl: 200 }), explain: true });
    const dv = r.derivations!.find((x) => x.key === "params.attention")!;
    expect(dv.formula).toMatch(/^\(L − L_lin\) · \(2·d·n_q·h \+ 2·d·n_kv·h \+ n_q·h·d\) \+ L_lin · \(d·\(2K \+ 2V\)/);
    expect(dv.substituted).toMatch(/^10 · \(2·2048·16·256 \+ 2·2048·2·256 \+ 16·256·2048\) \+ 30 · 33\.7\s?M \(K = 16·128, V = 32·128, conv 4\)/);
  });

  it("shows the linear-attention state a sequence holds, with the values put in", () => {
    const r = estimateConfig({ model: m, gpu: getGpu("h100-sxm")!, input: input({ tp: 1, isl: 1000, osl: 200, kv: "bf16" }), explain: true });
    const dv = r.derivations!.find((x) => x.key === "kv.linearStatePerSequence")!;
    expect(dv.value).toBe(30 * 2_146_304);
    expect(dv.substituted).toMatch(/^30 · \(32 · 128 · 128 · 4 B \+ 3 · \(2 · 16 · 128 \+ 32 · 128\) · 2 B\) = /);
    expect(dv.formula).toContain("read and written back every decode step");
    // a model without linear layers has no such derivation
    const dense = estimateConfig({ model: getModel("llama-3.1-8b")!, gpu: getGpu("h100-sxm")!, input: input({ tp: 1 }), explain: true });
    expect(dense.derivations!.some((x) => x.key === "kv.linearStatePerSequence")).toBe(false);
  });

  it("refuses a TP that does not divide the linear layers' heads, naming them", () => {
    const odd = importHfConfig({ ...F.QWEN3_5_MOE, text_config: F.withFields(F.QWEN3_5_MOE.text_config, { linear_num_key_heads: 12, linear_num_value_heads: 24, num_attention_heads: 16 }) });
    const r = estimateConfig({ model: odd, gpu: getGpu("h100-sxm")!, input: input({ tp: 8, isl: 1000, osl: 200 }) });
    expect(r.fits).toBe(false);
    expect(r.problems.join(" ")).toContain("TP=8 does not divide the linear-attention layers' 12 key and 24 value heads");
    expect(estimateConfig({ model: odd, gpu: getGpu("h100-sxm")!, input: input({ tp: 4, isl: 1000, osl: 200 }) }).problems).toEqual([]);
  });

  it("plans like any model: the planner finds deployments for a pasted Qwen3.5-MoE config", () => {
    const input = planInputSchema.parse({
      workload: { hfConfigJson: F.QWEN3_5_MOE, inputTokens: 2000, outputTokens: 400 },
      slo: { ttftP95Ms: 2000, tpotP95Ms: 40 },
      traffic: { mode: "peak", peakRequestsPerSecond: 4 },
      budget: { gpus: ["h100-sxm", "l40s"], engines: ["vllm"] },
    });
    const r = runPlan(input, { relax: false });
    expect(r.best).not.toBeNull();
    expect(r.model.moe).toBe(true);
    expect(r.options.every((o) => Number.isFinite(o.costUsdPerMonth) && o.costUsdPerMonth > 0)).toBe(true);
  });
});

describe("Qwen3-Next (flat config): gated attention by family, state at the model dtype", () => {
  it("at the release's 48 layers imports to the catalog's Qwen3-Next 80B-A3B, 79.7 B parameters", () => {
    const { id: _i, name: _n, sources: _s, notes: _o, ...imported } = importHfConfig(F.withFields(F.QWEN3_NEXT, { num_hidden_layers: 48 }));
    const { id: _ci, name: _cn, sources: _cs, notes: _co, ...catalog } = getModel("qwen3-next-80b-a3b")!;
    expect(imported).toEqual(catalog);
    // 12 gated-attention + 36 DeltaNet layers, 48 · (512 + 1 shared) experts of 3 · 2048 · 512, routers, untied embedding
    const expert = 3 * 2048 * 512;
    const total = 12 * 27_262_976 + 36 * deltaNetLayer(2048, 2048, 4096, 32, 128) + 48 * 513 * expert + 48 * 2048 * 512 + 2 * 151_936 * 2048 + 48 * 2 * 2048 + 2048;
    expect(paramsByComponent(getModel("qwen3-next-80b-a3b")!).total).toBe(total);
    expect(total / 1e9).toBeCloseTo(79.7, 1);
  });

  it("gates the attention without a field, and says so", () => {
    const m = importHfConfig(F.QWEN3_NEXT);
    expect(m.attention).toMatchObject({ kind: "gqa", outputGate: true });
    expect(m.notes).toMatch(/attn_output_gate absent: qwen3_next attention is gated/);
    expect(m.notes).toMatch(/mamba_ssm_dtype absent/);
    expect(m.linearAttention?.recurrentStateBytes).toBeUndefined();
    // 2 full + 6 linear layers at d = 2048: the linear ones are not counted as attention layers any more
    const p = paramsByComponent(m);
    expect(p.attention).toBe(2 * 27_262_976 + 6 * deltaNetLayer(2048, 2048, 4096, 32, 128));
  });

  it("attn_output_gate false in the config wins over the family", () => {
    const m = importHfConfig(F.withFields(F.QWEN3_NEXT, { attn_output_gate: false }));
    expect(m.attention).not.toHaveProperty("outputGate");
    expect(paramsByComponent(m).attentionPerLayer).toBe(2048 * 16 * 256 + 2 * (2048 * 2 * 256) + 16 * 256 * 2048);
  });

  it("other families take the gate only from the field", () => {
    expect(importHfConfig(F.QWEN3).attention).not.toHaveProperty("outputGate");
    const gated = importHfConfig(F.withFields(F.QWEN3, { attn_output_gate: true }));
    expect(gated.attention).toMatchObject({ outputGate: true });
  });
});

describe("hybrid configs that cannot be read name the field", () => {
  const text = F.QWEN3_5_MOE.text_config;
  const wrap = (patch: Record<string, unknown>) => ({ ...F.QWEN3_5_MOE, text_config: F.withFields(text, patch) });

  it("an unknown mamba_ssm_dtype", () => {
    const e = F.errorOf(wrap({ mamba_ssm_dtype: "float8" }));
    expect(e.field).toBe("text_config.mamba_ssm_dtype");
    expect(e.message).toMatch(/unknown type "float8" \(known: float32, bfloat16, float16\)/);
  });

  it("value heads that are not a multiple of the key heads", () => {
    const e = F.errorOf(wrap({ linear_num_value_heads: 24, linear_num_key_heads: 16 }));
    expect(e.field).toBe("text_config.linear_num_value_heads");
    expect(e.message).toMatch(/24 is not a multiple of linear_num_key_heads \(16\)/);
  });

  it("no intermediate_size when some layers are dense", () => {
    const e = F.errorOf(F.withFields(F.QWEN3_NEXT, { intermediate_size: undefined, mlp_only_layers: [0] }));
    expect(e.field).toBe("intermediate_size");
    expect(e.message).toMatch(/missing/);
  });
});
