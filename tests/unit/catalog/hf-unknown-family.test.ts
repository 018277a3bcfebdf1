import { describe, expect, it } from "vitest";
import { importHfConfig } from "../../../lib/catalog";
import type { ModelArch } from "../../../lib/catalog/types";
import * as F from "./hf-fixtures";

/** What an import says about the architecture (not its id, name, source or notes). */
function structure(m: ModelArch) {
  const { id: _id, name: _name, sources: _sources, notes: _notes, ...rest } = m;
  return rest;
}


// Kimi K2 ships DeepSeek-V3's architecture under its own model_type; GLM-4.5 and OLMo 2 are families the importer
// has no rules for. The fields are the same, so the architecture read must be the same.
const KIMI = F.KIMI_K2;
const OLMO = F.OLMO2;

describe("a config of a family the importer does not know is read by its fields", () => {
  it("DeepSeek-V3's fields under another model_type give DeepSeek-V3's architecture: MLA, 256 + 1 experts, 58 MoE layers", () => {
    const kimi = importHfConfig(KIMI);
    expect(structure(kimi)).toEqual(structure(importHfConfig(F.DEEPSEEK_V3)));
    expect(kimi.attention.kind).toBe("mla");
    expect(kimi.moe).toMatchObject({ numExperts: 256, sharedExperts: 1, expertsPerToken: 8, moeLayers: 58 });
    expect(kimi.notes).toContain('model_type "kimi_k2" is not a family the importer knows: read by its fields');
    expect(kimi.notes).toContain("gated FFN (silu, SwiGLU)");
  });

  it("Llama's fields under another model_type give Llama's architecture", () => {
    expect(structure(importHfConfig(OLMO))).toEqual(structure(importHfConfig(F.LLAMA)));
    // attention_bias stated (false): no note about it; absent: the note says what was taken
    const noBias = importHfConfig(F.withFields(OLMO, { attention_bias: undefined }));
    expect(noBias.attention).toMatchObject({ bias: false });
    expect(noBias.notes).toContain("attention_bias absent: no Q/K/V biases");
  });

  it("Qwen3-MoE's fields (decoder_sparse_step, mlp_only_layers) under another model_type give Qwen3-MoE's architecture", () => {
    const q = F.withFields(F.QWEN3_MOE, { model_type: "qwen3_moe_finetune", hidden_act: "silu" });
    expect(structure(importHfConfig(q))).toEqual(structure(importHfConfig(F.QWEN3_MOE)));
  });

  it("a window whose layers are stated is read: use_sliding_window with max_window_layers (Qwen2's fields), a pattern", () => {
    const qwen2Like = importHfConfig({ ...OLMO, sliding_window: 4096, use_sliding_window: true, max_window_layers: 28 });
    expect(qwen2Like.layerKinds).toEqual({ full: 28, sliding: 4, linear: 0 });
    const off = importHfConfig({ ...OLMO, sliding_window: 4096, use_sliding_window: false });
    expect(off.layerKinds).toEqual({ full: 32, sliding: 0, linear: 0 });
    const pattern = importHfConfig({ ...OLMO, sliding_window: 4096, sliding_window_pattern: 4 });
    expect(pattern.layerKinds).toEqual({ full: 8, sliding: 24, linear: 0 });
  });

  it("experts without a placement field sit on every layer, and the note says so", () => {
    const m = importHfConfig({ ...F.MIXTRAL, model_type: "olmoe", hidden_act: "silu", tie_word_embeddings: false });
    expect(m.moe).toMatchObject({ numExperts: 8, moeLayers: m.layers });
    expect(m.notes).toContain("no MoE placement field: experts on every layer (as Mixtral)");
    // a placement field stated: no such note
    expect(importHfConfig(KIMI).notes).not.toContain("no MoE placement field");
  });

  it("flags that are off do not block the import", () => {
    const m = importHfConfig({ ...OLMO, is_encoder_decoder: false, use_mamba_kernels: false, num_experts: 0, sliding_window: null });
    expect(m.moe).toBeNull();
    expect(m.layerKinds).toEqual({ full: 32, sliding: 0, linear: 0 });
  });
});

const refusals: [string, unknown, string, RegExp][] = [
  ["no hidden_act", { ...OLMO, hidden_act: undefined }, "hidden_act", /missing: whether the FFN is gated/],
  ["a GELU activation (GeGLU or plain)", { ...OLMO, hidden_act: "gelu_pytorch_tanh" }, "hidden_act", /gated \(GeGLU\) and a plain FFN/],
  ["no tie_word_embeddings", { ...OLMO, tie_word_embeddings: undefined }, "tie_word_embeddings", /default differs between families/],
  ["an expert count under another name", { ...OLMO, moe_num_experts: 64 }, "moe_num_experts", /mixture-of-experts field the importer does not read/],
  ["a hybrid layer list", { ...OLMO, layers_block_type: ["mamba", "attention"] }, "layers_block_type", /state-space or hybrid layer field/],
  ["Falcon's KV-head count", { ...OLMO, num_kv_heads: 8 }, "num_kv_heads", /key\/value-head field/],
  ["an attention window under another name", { ...OLMO, attention_window: 512 }, "attention_window", /attention-window field/],
  ["cross-attention layers", { ...OLMO, cross_attention_layers: [3, 8] }, "cross_attention_layers", /per-layer or encoder field/],
  ["a sparse-attention indexer (DeepSeek-V3.2)", { ...KIMI, model_type: "deepseek_v32", index_topk: 2048 }, "index_topk", /sparse-attention field/],
  ["a window without saying which layers use it", { ...OLMO, sliding_window: 4096 }, "sliding_window", /which layers use the window is not stated/],
  ["a nested FFN block (DBRX)", { ...OLMO, ffn_config: { moe_num_experts: 16 } }, "ffn_config", /nested block configuration/],
  ["inside text_config", { model_type: "newvlm", text_config: { ...OLMO, model_type: undefined, ssm_state_size: 16 } }, "text_config.ssm_state_size", /state-space/],
];

describe("a field of an unknown family the importer cannot read is refused by name, never guessed", () => {
  it.each(refusals)("%s", (_label, cfg, field, message) => {
    const e = F.errorOf(cfg);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
    expect(e.message).toContain("is not a family the importer knows");
  });

  it("the same fields in a known family are read by that family's rules (Qwen2's biases, Gemma's tied embeddings)", () => {
    // a known family never goes through the unknown-family checks: no hidden_act needed
    expect(() => importHfConfig(F.LLAMA)).not.toThrow();
    // the family facts: a qwen2 config without attention_bias has biases; read as an unknown family it has none
    const q = F.withFields(F.LLAMA, { model_type: "qwen2", attention_bias: undefined });
    expect(importHfConfig(q).attention).toMatchObject({ bias: true });
    expect(importHfConfig({ ...q, model_type: "qwen2_custom", hidden_act: "silu" }).attention).toMatchObject({ bias: false });
  });
});
