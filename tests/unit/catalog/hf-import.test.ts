import { describe, expect, it } from "vitest";
import { importHfConfig } from "../../../lib/catalog";
import * as F from "./hf-fixtures";

describe("importHfConfig: one fixture per family", () => {
  it("llama: dense GQA, head_dim from hidden/heads (4096 / 32 = 128)", () => {
    const m = importHfConfig(F.LLAMA, { id: "x", name: "X" });
    expect(m).toMatchObject({
      id: "x",
      name: "X",
      layers: 32,
      hiddenSize: 4096,
      vocabSize: 128256,
      tiedEmbeddings: false,
      maxContext: 131072,
      attention: { kind: "gqa", numHeads: 32, numKvHeads: 8, headDim: 128, bias: false },
      layerKinds: { full: 32, sliding: 0, linear: 0 },
      slidingWindow: null,
      linearAttention: null,
      ffn: { intermediateSize: 14336, gated: true },
      moe: null,
    });
    expect(m.nativePrecision).toBeUndefined();
    expect(m.notes).toMatch(/head_dim absent/);
  });

  it("mistral v0.1: sliding_window with no layer pattern puts every layer in the window", () => {
    const m = importHfConfig(F.MISTRAL_V01);
    expect(m.layerKinds).toEqual({ full: 0, sliding: 32, linear: 0 });
    expect(m.slidingWindow).toBe(4096);
    // tie_word_embeddings absent: MistralConfig default false, and said so in notes
    expect(m.tiedEmbeddings).toBe(false);
    expect(m.notes).toMatch(/tie_word_embeddings absent/);
  });

  it("mixtral: num_local_experts + num_experts_per_tok, experts as wide as intermediate_size", () => {
    expect(importHfConfig(F.MIXTRAL).moe).toEqual({
      numExperts: 8,
      expertsPerToken: 2,
      sharedExperts: 0,
      expertFfnSize: 14336,
      sharedExpertFfnSize: 0,
      moeLayers: 32,
    });
  });

  it("qwen2: Q/K/V biases without an attention_bias field; use_sliding_window=false keeps all layers full", () => {
    const m = importHfConfig(F.QWEN2);
    expect(m.attention).toMatchObject({ kind: "gqa", numHeads: 28, numKvHeads: 4, headDim: 128, bias: true });
    expect(m.layerKinds).toEqual({ full: 28, sliding: 0, linear: 0 });
    expect(m.slidingWindow).toBeNull();
  });

  it("qwen2 with use_sliding_window=true slides only layers >= max_window_layers", () => {
    const m = importHfConfig(F.withFields(F.QWEN2, { use_sliding_window: true, max_window_layers: 20, sliding_window: 4096 }));
    // layers 20..27 slide: 28 - 20 = 8
    expect(m.layerKinds).toEqual({ full: 20, sliding: 8, linear: 0 });
    expect(m.slidingWindow).toBe(4096);
  });

  it("qwen3: explicit head_dim 128 wins over hidden/heads (5120 / 64 = 80)", () => {
    const m = importHfConfig(F.QWEN3);
    expect(m.attention).toMatchObject({ headDim: 128, bias: false });
    expect(m.notes ?? "").not.toMatch(/head_dim absent/);
  });

  it("qwen3_moe: decoder_sparse_step 2 and mlp_only_layers [1]", () => {
    const m = importHfConfig(F.QWEN3_MOE);
    // MoE where (i + 1) % 2 == 0 and i not in [1]: i = 3, 5, 7 -> 3 layers
    expect(m.moe).toEqual({
      numExperts: 128,
      expertsPerToken: 8,
      sharedExperts: 0,
      expertFfnSize: 768,
      sharedExpertFfnSize: 0,
      moeLayers: 3,
    });
    expect(m.ffn.intermediateSize).toBe(6144);
  });

  it("deepseek_v3: MLA ranks, 61 - 3 = 58 MoE layers, 1 shared expert, FP8 checkpoint", () => {
    const m = importHfConfig(F.DEEPSEEK_V3);
    expect(m.attention).toEqual({
      kind: "mla",
      numHeads: 128,
      qLoraRank: 1536,
      kvLoraRank: 512,
      qkNopeHeadDim: 128,
      qkRopeHeadDim: 64,
      vHeadDim: 128,
    });
    expect(m.moe).toEqual({
      numExperts: 256,
      expertsPerToken: 8,
      sharedExperts: 1,
      expertFfnSize: 2048,
      sharedExpertFfnSize: 2048,
      moeLayers: 58,
    });
    expect(m.ffn.intermediateSize).toBe(18432);
    expect(m.nativePrecision).toBe("fp8");
  });

  it("deepseek: q_lora_rank null (V2-Lite style) means queries project directly", () => {
    const m = importHfConfig(F.withFields(F.DEEPSEEK_V3, { q_lora_rank: null }));
    expect(m.attention).toMatchObject({ kind: "mla", qLoraRank: null });
  });

  it("deepseek: moe_layer_freq 2 after 3 dense layers", () => {
    // i >= 3 and i % 2 == 0 over 0..60: 4, 6, ..., 60 -> 29 layers
    expect(importHfConfig(F.withFields(F.DEEPSEEK_V3, { moe_layer_freq: 2 })).moe?.moeLayers).toBe(29);
  });

  it("gpt_oss: layer_types alternate sliding/full, attention bias, MXFP4 -> fp4", () => {
    const m = importHfConfig(F.GPT_OSS);
    expect(m.layerKinds).toEqual({ full: 2, sliding: 2, linear: 0 });
    expect(m.slidingWindow).toBe(128);
    expect(m.attention).toMatchObject({ numHeads: 64, numKvHeads: 8, headDim: 64, bias: true });
    expect(m.moe).toMatchObject({ numExperts: 32, expertsPerToken: 4, moeLayers: 4 });
    expect(m.nativePrecision).toBe("fp4");
  });

  it("llama4: reads text_config, MoE on odd layers, chunked layers as sliding 8192, shared expert", () => {
    const m = importHfConfig(F.LLAMA4);
    // interleave_moe_layer_step 2 over 8 layers: 1, 3, 5, 7 -> 4
    expect(m.moe).toEqual({
      numExperts: 128,
      expertsPerToken: 1,
      sharedExperts: 1,
      expertFfnSize: 8192,
      sharedExpertFfnSize: 8192,
      moeLayers: 4,
    });
    expect(m.ffn.intermediateSize).toBe(16384);
    // default no-RoPE interval 4: layers 3 and 7 global, the other 6 chunked
    expect(m.layerKinds).toEqual({ full: 2, sliding: 6, linear: 0 });
    expect(m.slidingWindow).toBe(8192);
    expect(m.name).toBe("Llama4ForConditionalGeneration");
    expect(m.notes).toMatch(/attention_chunk_size/);
  });

  it("llama4: an explicit no_rope_layers list wins over the default interval", () => {
    const cfg = { ...F.LLAMA4, text_config: { ...F.LLAMA4.text_config, no_rope_layers: [1, 1, 0, 0, 1, 1, 1, 0] } };
    expect(importHfConfig(cfg).layerKinds).toEqual({ full: 3, sliding: 5, linear: 0 });
  });

  it("gemma2: alternating sliding/global by transformers' default, tied embeddings by default", () => {
    const m = importHfConfig(F.GEMMA2);
    expect(m.layerKinds).toEqual({ full: 21, sliding: 21, linear: 0 });
    expect(m.slidingWindow).toBe(4096);
    expect(m.tiedEmbeddings).toBe(true);
    expect(m.attention).toMatchObject({ numHeads: 16, numKvHeads: 8, headDim: 256 });
  });

  it("gemma3: sliding_window_pattern 6 makes every 6th layer global (62 layers -> 10 global)", () => {
    const m = importHfConfig(F.GEMMA3);
    expect(m.layerKinds).toEqual({ full: 10, sliding: 52, linear: 0 });
    expect(m.slidingWindow).toBe(1024);
  });

  it("gemma4: global layers keep their own KV layout, the side dense MLP counts as a shared expert", () => {
    const m = importHfConfig(F.GEMMA4);
    expect(m.attention).toEqual({
      kind: "gqa",
      numHeads: 4,
      numKvHeads: 2,
      headDim: 64,
      bias: false,
      fullLayers: { numKvHeads: 1, headDim: 128, keyIsValue: true },
    });
    expect(m.layerKinds).toEqual({ full: 2, sliding: 4, linear: 0 });
    expect(m.moe).toEqual({
      numExperts: 4,
      expertsPerToken: 2,
      sharedExperts: 1,
      expertFfnSize: 128,
      sharedExpertFfnSize: 512,
      moeLayers: 6,
    });
    // tie_word_embeddings only on the wrapper: read from the root
    expect(m.tiedEmbeddings).toBe(true);
  });

  it("gemma4: enable_moe_block=false is a dense model", () => {
    const cfg = { ...F.GEMMA4, text_config: { ...F.GEMMA4.text_config, enable_moe_block: false } };
    expect(importHfConfig(cfg).moe).toBeNull();
  });

  it("qwen3_next: full_attention_interval 4 -> 2 full + 6 linear layers with the DeltaNet state dims", () => {
    const m = importHfConfig(F.QWEN3_NEXT);
    expect(m.layerKinds).toEqual({ full: 2, sliding: 0, linear: 6 });
    expect(m.linearAttention).toEqual({ numKeyHeads: 16, numValueHeads: 32, keyHeadDim: 128, valueHeadDim: 128, convKernel: 4 });
    expect(m.moe).toMatchObject({ numExperts: 512, expertsPerToken: 10, sharedExperts: 1, sharedExpertFfnSize: 512, moeLayers: 8 });
  });

  it("hybrid stacks named in layer_types read linear_attention layers too", () => {
    const types = ["linear_attention", "linear_attention", "linear_attention", "full_attention"];
    const m = importHfConfig(F.withFields(F.QWEN3_NEXT, { full_attention_interval: undefined, num_hidden_layers: 4, layer_types: types }));
    expect(m.layerKinds).toEqual({ full: 1, sliding: 0, linear: 3 });
  });

  it("num_key_value_heads absent defaults to num_attention_heads (MHA), and says so", () => {
    const m = importHfConfig(F.withFields(F.LLAMA, { num_key_value_heads: undefined }));
    expect(m.attention).toMatchObject({ numHeads: 32, numKvHeads: 32 });
    expect(m.notes).toMatch(/num_key_value_heads absent/);
  });

  it("derives an id from _name_or_path when no id is given", () => {
    const m = importHfConfig(F.withFields(F.LLAMA, { _name_or_path: "meta-llama/Llama-3.1-8B-Instruct" }));
    expect(m.id).toBe("llama-3.1-8b-instruct");
    expect(m.name).toBe("meta-llama/Llama-3.1-8B-Instruct");
    expect(importHfConfig(F.LLAMA).id).toBe("hf-llama");
  });
});

describe("importHfConfig: quantization_config -> nativePrecision", () => {
  const q = (quantization_config: unknown) =>
    importHfConfig(F.withFields(F.LLAMA, { quantization_config })).nativePrecision;

  it.each([
    [{ quant_method: "fp8" }, "fp8"],
    [{ quant_method: "fbgemm_fp8" }, "fp8"],
    [{ quant_method: "mxfp4" }, "fp4"],
    [{ quant_method: "nvfp4" }, "fp4"],
    [{ quant_method: "awq", bits: 4, group_size: 128 }, "int4"],
    [{ quant_method: "awq", w_bit: 4 }, "int4"],
    [{ quant_method: "gptq", bits: 4 }, "int4"],
    [{ quant_method: "gptq", bits: 8 }, "int8"],
    [{ quant_method: "bitsandbytes", load_in_8bit: true }, "int8"],
    [{ quant_method: "bitsandbytes", load_in_4bit: true, bnb_4bit_quant_type: "nf4" }, "int4"],
    [{ quant_method: "bitsandbytes", load_in_4bit: true, bnb_4bit_quant_type: "fp4" }, "fp4"],
    [{ quant_method: "modelopt", quant_algo: "NVFP4" }, "fp4"],
    [{ quant_method: "modelopt", quant_algo: "FP8" }, "fp8"],
    [{ quant_method: "compressed-tensors", config_groups: { group_0: { weights: { type: "float", num_bits: 8 } } } }, "fp8"],
    [{ quant_method: "compressed-tensors", config_groups: { group_0: { weights: { type: "float", num_bits: 4 } } } }, "fp4"],
    [{ quant_method: "compressed-tensors", config_groups: { group_0: { weights: { type: "int", num_bits: 4 } } } }, "int4"],
  ])("%j -> %s", (cfg, expected) => {
    expect(q(cfg)).toBe(expected);
  });

  it("records the 4-bit format: mxfp4 (gpt-oss) vs nvfp4 / modelopt NVFP4; none for other precisions", () => {
    const fmt = (quantization_config: unknown) =>
      importHfConfig(F.withFields(F.LLAMA, { quantization_config })).fp4Format;
    expect(fmt({ quant_method: "mxfp4" })).toBe("mxfp4");
    expect(fmt({ quant_method: "MXFP4" })).toBe("mxfp4");
    expect(fmt({ quant_method: "nvfp4" })).toBe("nvfp4");
    expect(fmt({ quant_method: "modelopt", quant_algo: "NVFP4" })).toBe("nvfp4");
    expect(fmt({ quant_method: "fp8" })).toBeUndefined();
    expect(importHfConfig(F.LLAMA).fp4Format).toBeUndefined();
  });

  it("no quantization_config (or null) leaves nativePrecision unset", () => {
    expect(q(null)).toBeUndefined();
    expect(importHfConfig(F.LLAMA).nativePrecision).toBeUndefined();
  });
});

describe("multimodal checkpoints", () => {
  it("say that the encoder towers are not counted, naming which", () => {
    const vision = importHfConfig({ ...F.GEMMA3, vision_config: { hidden_size: 1152, num_hidden_layers: 27 } });
    expect(vision.notes).toContain("vision_config present: the encoder weights are not counted (text-only estimate)");
    const both = importHfConfig({ ...F.GEMMA3, vision_config: { hidden_size: 1152 }, audio_config: { hidden_size: 1024 } });
    expect(both.notes).toContain("vision_config and audio_config present");
    // a text-only config says nothing about encoders
    expect(importHfConfig(F.LLAMA).notes ?? "").not.toContain("encoder");
  });
});
