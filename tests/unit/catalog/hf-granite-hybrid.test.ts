import { describe, expect, it } from "vitest";
import { getGpu, importHfConfig } from "../../../lib/catalog";
import { estimateConfig } from "../../../lib/model/estimate";
import { kvBytesForContext } from "../../../lib/model/kv";
import { paramsByComponent } from "../../../lib/model/params";
import { kvBytesPerSeqPerGpu } from "../../../lib/model/step";
import { prepareShape } from "../../../lib/search/fast-estimate";
import { input } from "../model/fixtures";
import * as F from "./hf-fixtures";

// Expected figures worked out by hand from vLLM's granitemoehybrid.py: MambaMixer2 (intermediate mamba_expand · d),
// GraniteMoeSharedMLP (input_linear 2 · shared, output_linear), GraniteMoeMoE (gated experts, router d · E).
const d = 512;

describe("Granite 4.0-H config.json (granitemoehybrid: a mixer per layer, then a shared MLP and experts)", () => {
  const m = importHfConfig(F.GRANITE_HYBRID);

  it("reads 6 Mamba-2 and 2 attention layers, every one with the experts and the shared MLP as a shared expert", () => {
    expect(m.layers).toBe(8);
    expect(m.layerKinds).toEqual({ full: 2, sliding: 0, linear: 6 });
    expect(m.linearAttention).toEqual({ kind: "mamba2", convBias: true, projBias: false, numKeyHeads: 1, numValueHeads: 8, keyHeadDim: 128, valueHeadDim: 128, convKernel: 4 });
    expect(m.moe).toEqual({ numExperts: 8, expertsPerToken: 2, sharedExperts: 1, expertFfnSize: 1024, sharedExpertFfnSize: 512, moeLayers: 8 });
    expect(m.ffn).toEqual({ intermediateSize: 0, gated: true });
    expect(m.ffnFreeLayers).toBeUndefined();
    expect(m.tiedEmbeddings).toBe(true);
    // position_embedding_type "nope": no rotary embedding; "rope" or absent: RoPE
    expect(m.noPositionEmbedding).toBe(true);
    expect(importHfConfig(F.withFields(F.GRANITE_HYBRID, { position_embedding_type: "rope" })).noPositionEmbedding).toBeUndefined();
    expect(m.attention).toEqual({ kind: "gqa", numHeads: 8, numKvHeads: 8, headDim: 64, bias: false });
    expect(m.notes).toMatch(/mamba_ssm_cache_dtype absent/);
    expect(m.notes).not.toMatch(/not a family the importer knows/);
  });

  it("counts the Mamba-2 mixers, attention, experts, shared MLP and routers term by term", () => {
    const V = 8 * 128; // mamba_n_heads × mamba_d_head = mamba_expand · d
    const K = 1 * 128; // one group of state 128
    const mamba = d * (2 * V + 2 * K + 8) + (2 * K + V) * 4 + (2 * K + V) + 3 * 8 + V + V * d;
    expect(mamba).toBe(1_715_480);
    const attention = 4 * d * d; // q, k, v (8 KV heads × 64) and o, all 512 × 512
    const expert = 3 * d * 1024;
    const perLayerFfn = 8 * expert + 3 * d * 512 + d * 8; // experts, shared MLP, router
    const total = 6 * mamba + 2 * attention + 8 * perLayerFfn + 49_152 * d /* tied */ + 8 * 2 * d + d;
    const p = paramsByComponent(m);
    expect(p.linearAttentionPerLayer).toBe(mamba);
    expect(p.total).toBe(total);
    expect(p.total).toBe(144_552_080);
    expect(p.active).toBe(total - 8 * 8 * expert + 8 * 2 * expert);
  });

  it("holds its state at the model dtype without mamba_ssm_cache_dtype, and replicates its single group over TP", () => {
    const perLayer = 8 * 128 * 128 * 2 + 3 * (1024 + 2 * 128) * 2;
    expect(kvBytesForContext(m, 2, 1000)).toBe(1000 * 2 * 2 * 8 * 64 * 2 + 6 * perLayer);
    const s = prepareShape(m, getGpu("h100-sxm")!, { tp: 2, pp: 1, dp: 1, moeEp: 1, gpus: 2 }, "bf16", "bf16", "vllm");
    // TP2: 4 heads per rank; the one B/C group (2 · 128 channels) on both ranks
    const tp2 = 4 * 128 * 128 * 2 + 3 * (512 + 2 * 128) * 2;
    expect(kvBytesPerSeqPerGpu(s, 1000)).toBeCloseTo((1000 * 2 * 2 * 8 * 64 * 2) / 2 + 6 * tp2, 3);
    expect(estimateConfig({ model: m, gpu: getGpu("h100-sxm")!, input: input({ tp: 2, isl: 1000, osl: 200 }) }).problems).toEqual([]);
  });

  it("a dense Granite (no experts): the shared MLP is the dense FFN", () => {
    const dense = importHfConfig(F.withFields(F.GRANITE_HYBRID, { num_local_experts: 0, shared_intermediate_size: 8192 }));
    expect(dense.moe).toBeNull();
    expect(dense.ffn).toEqual({ intermediateSize: 8192, gated: true });
    expect(paramsByComponent(dense).ffn).toBe(8 * 3 * d * 8192);
  });

  it("names the field it cannot read", () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ layer_types: ["mamba", "rwkv", "mamba", "attention", "mamba", "mamba", "mamba", "attention"] }, "layer_types[1]", /unknown layer type "rwkv" \(known: mamba, attention\)/],
      [{ layer_types: undefined }, "layer_types", /missing/],
      [{ mamba_d_head: 96 }, "mamba_d_head", /8 × mamba_d_head 96 = 768 is not mamba_expand × hidden_size \(1024\)/],
      [{ mamba_n_groups: 3 }, "mamba_n_groups", /3 does not divide mamba_n_heads \(8\)/],
      [{ hidden_act: "gelu" }, "hidden_act", /SwiGLU \(silu\) only/],
      [{ num_local_experts: 0, shared_intermediate_size: 0 }, "shared_intermediate_size", /no FFN/],
      [{ mamba_ssm_cache_dtype: "int4" }, "mamba_ssm_cache_dtype", /unknown type "int4"/],
    ];
    for (const [patch, field, message] of cases) {
      const e = F.errorOf(F.withFields(F.GRANITE_HYBRID, patch));
      expect(e.field, JSON.stringify(patch)).toBe(field);
      expect(e.message).toMatch(message);
    }
  });
});
