import { describe, expect, it } from "vitest";
import * as F from "./hf-fixtures";

const cases: [string, unknown, string, RegExp][] = [
  ["not an object", "hello", "(root)", /JSON object/],
  ["an array", [F.LLAMA], "(root)", /JSON object/],
  ["missing model_type", F.withFields(F.LLAMA, { model_type: undefined }), "model_type", /missing/],
  ["unknown model_type without the facts its family would give", F.withFields(F.LLAMA, { model_type: "rwkv" }), "hidden_act", /model_type "rwkv" is not a family the importer knows/],
  ["missing hidden_size", F.withFields(F.LLAMA, { hidden_size: undefined }), "hidden_size", /missing/],
  ["missing num_hidden_layers", F.withFields(F.LLAMA, { num_hidden_layers: undefined }), "num_hidden_layers", /missing/],
  ["missing vocab_size", F.withFields(F.LLAMA, { vocab_size: undefined }), "vocab_size", /missing/],
  ["missing max_position_embeddings", F.withFields(F.LLAMA, { max_position_embeddings: undefined }), "max_position_embeddings", /missing/],
  ["missing intermediate_size", F.withFields(F.LLAMA, { intermediate_size: undefined }), "intermediate_size", /missing/],
  ["non-numeric hidden_size", F.withFields(F.LLAMA, { hidden_size: "4096" }), "hidden_size", /integer, got "4096"/],
  ["fractional num_attention_heads", F.withFields(F.LLAMA, { num_attention_heads: 32.5 }), "num_attention_heads", /integer/],
  ["hidden_size beyond a 32-bit integer", F.withFields(F.LLAMA, { hidden_size: 1e308 }), "hidden_size", /at most 2147483647 \(a 32-bit integer\), got 1e\+308/],
  ["vocab_size beyond a 32-bit integer", F.withFields(F.LLAMA, { vocab_size: 2 ** 31 }), "vocab_size", /at most 2147483647/],
  ["MLA rank beyond a 32-bit integer", F.withFields(F.DEEPSEEK_V3, { kv_lora_rank: 1e300 }), "kv_lora_rank", /at most 2147483647/],
  ["expert count beyond a 32-bit integer", F.withFields(F.MIXTRAL, { num_local_experts: 1e20 }), "num_local_experts", /at most 2147483647/],
  ["zero layers", F.withFields(F.LLAMA, { num_hidden_layers: 0 }), "num_hidden_layers", /at least 1/],
  ["absurd layer count", F.withFields(F.LLAMA, { num_hidden_layers: 1e6 }), "num_hidden_layers", /1000000 is beyond any model \(at most 4096 layers/],
  ["negative head_dim", F.withFields(F.LLAMA, { head_dim: -128 }), "head_dim", /at least 1/],
  ["kv heads not dividing heads", F.withFields(F.LLAMA, { num_key_value_heads: 6 }), "num_key_value_heads", /6 does not divide num_attention_heads \(32\)/],
  ["no head_dim and hidden not a multiple of heads", F.withFields(F.LLAMA, { hidden_size: 4100 }), "head_dim", /not a multiple/],
  ["non-boolean attention_bias", F.withFields(F.LLAMA, { attention_bias: "no" }), "attention_bias", /true or false/],
  ["non-boolean tie_word_embeddings", F.withFields(F.LLAMA, { tie_word_embeddings: 1 }), "tie_word_embeddings", /true or false/],
  ["unknown quant_method", F.withFields(F.LLAMA, { quantization_config: { quant_method: "foo" } }), "quantization_config.quant_method", /unknown quant_method "foo"/],
  ["quantization_config without quant_method", F.withFields(F.LLAMA, { quantization_config: { bits: 4 } }), "quantization_config.quant_method", /missing/],
  ["quantization_config not an object", F.withFields(F.LLAMA, { quantization_config: "fp8" }), "quantization_config", /object/],
  ["3-bit GPTQ", F.withFields(F.LLAMA, { quantization_config: { quant_method: "gptq", bits: 3 } }), "quantization_config.bits", /3-bit/],
  ["AWQ without bits", F.withFields(F.LLAMA, { quantization_config: { quant_method: "awq" } }), "quantization_config.w_bit", /missing/],
  ["bitsandbytes with neither flag", F.withFields(F.LLAMA, { quantization_config: { quant_method: "bitsandbytes" } }), "quantization_config.load_in_4bit", /neither/],
  ["modelopt unknown algo", F.withFields(F.LLAMA, { quantization_config: { quant_method: "modelopt", quant_algo: "W2" } }), "quantization_config.quant_algo", /unknown quant_algo "W2"/],
  ["compressed-tensors without config_groups", F.withFields(F.LLAMA, { quantization_config: { quant_method: "compressed-tensors" } }), "quantization_config.config_groups", /missing/],
  [
    "compressed-tensors groups that disagree",
    F.withFields(F.LLAMA, {
      quantization_config: {
        quant_method: "compressed-tensors",
        config_groups: { a: { weights: { type: "float", num_bits: 8 } }, b: { weights: { type: "int", num_bits: 4 } } },
      },
    }),
    "quantization_config.config_groups",
    /disagree/,
  ],
  [
    "compressed-tensors 2-bit weights",
    F.withFields(F.LLAMA, { quantization_config: { quant_method: "compressed-tensors", config_groups: { a: { weights: { type: "int", num_bits: 2 } } } } }),
    "quantization_config.config_groups.a.weights.num_bits",
    /unsupported/,
  ],
  ["layer_types of the wrong length", F.withFields(F.GPT_OSS, { num_hidden_layers: 5 }), "layer_types", /4 entries but num_hidden_layers is 5/],
  ["unknown layer type", F.withFields(F.GPT_OSS, { layer_types: ["sliding_attention", "full_attention", "mamba", "full_attention"] }), "layer_types[2]", /unknown layer type "mamba"/],
  ["sliding layers without sliding_window", F.withFields(F.GPT_OSS, { sliding_window: undefined }), "sliding_window", /missing/],
  ["linear layers without linear_num_key_heads", F.withFields(F.QWEN3_NEXT, { linear_num_key_heads: undefined }), "linear_num_key_heads", /missing/],
  ["MLA without q_lora_rank", F.withFields(F.DEEPSEEK_V3, { q_lora_rank: undefined }), "q_lora_rank", /missing/],
  ["MLA without qk_rope_head_dim", F.withFields(F.DEEPSEEK_V3, { qk_rope_head_dim: undefined }), "qk_rope_head_dim", /missing/],
  ["experts without a top-k", F.withFields(F.MIXTRAL, { num_experts_per_tok: undefined }), "num_experts_per_tok", /missing/],
  ["top-k above the expert count", F.withFields(F.MIXTRAL, { num_experts_per_tok: 9 }), "num_experts_per_tok", /between 1 and num_local_experts \(8\)/],
  ["conflicting top-k synonyms", F.withFields(F.GPT_OSS, { experts_per_token: 2 }), "experts_per_token", /is 2 but num_experts_per_tok is 4/],
  ["mlp_only_layers not an array", F.withFields(F.QWEN3_MOE, { mlp_only_layers: 1 }), "mlp_only_layers", /array/],
  ["text_config not an object", { model_type: "llama4", text_config: "llama" }, "text_config", /object/],
  ["missing field inside text_config", { ...F.LLAMA4, text_config: { ...F.LLAMA4.text_config, hidden_size: undefined } }, "text_config.hidden_size", /missing/],
  ["per-layer input embeddings", { ...F.GEMMA4, text_config: { ...F.GEMMA4.text_config, hidden_size_per_layer_input: 256 } }, "text_config.hidden_size_per_layer_input", /not modelled/],
  ["KV-sharing layers", { ...F.GEMMA4, text_config: { ...F.GEMMA4.text_config, num_kv_shared_layers: 2 } }, "text_config.num_kv_shared_layers", /not modelled/],
  ["global KV heads not dividing heads", { ...F.GEMMA4, text_config: { ...F.GEMMA4.text_config, num_global_key_value_heads: 3 } }, "text_config.num_global_key_value_heads", /does not divide/],
];

describe("importHfConfig errors name the field", () => {
  it.each(cases)("%s", (_label, cfg, field, message) => {
    const e = F.errorOf(cfg);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
    expect(e.message.startsWith(`${field}: `)).toBe(true);
    expect(e.name).toBe("HfConfigError");
  });
});
