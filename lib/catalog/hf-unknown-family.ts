import { HfConfigError } from "./hf-config-error";
import { EXPERT_COUNT_KEYS, MOE_PLACEMENT_KEYS, TOP_K_KEYS } from "./hf-moe";
import type { ConfigReader } from "./hf-reader";

/**
 * A config whose `model_type` is not a family the importer knows (Kimi K2, GLM-4.5, a fine-tune's renamed type…) is
 * read by its fields like any other, but without the family facts a config.json does not state. Each of those must
 * then come from a field, and every field that would change the architecture in a way the importer does not read is
 * refused by name — a model read wrong is worse than a model not read.
 */

/** Fields the importer reads (or that do not change the architecture) although their names match a pattern below. */
const READ = new Set<string>([
  // experts: hf-moe.ts
  ...EXPERT_COUNT_KEYS,
  ...TOP_K_KEYS,
  ...MOE_PLACEMENT_KEYS,
  "moe_intermediate_size",
  "n_shared_experts",
  "shared_expert_intermediate_size",
  "enable_moe_block",
  // KV heads and MLA: hf-import.ts
  "num_key_value_heads",
  "num_global_key_value_heads",
  "q_lora_rank",
  "kv_lora_rank",
  // windows and linear attention: hf-layers.ts
  "sliding_window",
  "use_sliding_window",
  "max_window_layers",
  "sliding_window_pattern",
  "linear_conv_kernel_dim",
  "mamba_ssm_dtype",
]);

/** Name patterns of fields that change the layer structure, with what the importer would get wrong by ignoring them. */
const STRUCTURE: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /expert|moe/i, what: "a mixture-of-experts field" },
  { pattern: /mamba|ssm|state_size|time_step|conv_kernel|conv_dim|rwkv|block_type|hybrid|attn_layer_|attn_type|layer_pattern/i, what: "a state-space or hybrid layer field" },
  { pattern: /kv_heads|num_kv|multi_query|head_kv/i, what: "a key/value-head field" },
  { pattern: /lora_rank/i, what: "a low-rank attention field" },
  { pattern: /window/i, what: "an attention-window field" },
  { pattern: /per_layer|altup|laurel|kv_shared|cross_attention|encoder/i, what: "a per-layer or encoder field" },
  { pattern: /^(ffn|attn|mlp|moe)_config$/i, what: "a nested block configuration" },
  // DeepSeek-V3.2's indexer (index_topk, index_n_heads): attention over a selected subset of the context
  { pattern: /^index_|sparse/i, what: "a sparse-attention field" },
];

/** A flag that is off, a zero, an empty list: the structure it names is not there. */
function isOff(v: unknown): boolean {
  return v === false || v === 0 || v === null || (Array.isArray(v) && v.length === 0);
}

/** Activations the gated (SwiGLU) FFN of transformers' decoders uses; a GELU-family one is gated in some families (GeGLU) and not in others. */
const GATED_ACTIVATIONS = new Set(["silu", "swish"]);

/**
 * The checks and notes for a config of an unknown family `modelType` (`c`: the level holding the text model, `root`:
 * the file). Throws HfConfigError naming the first field it cannot read; returns the notes of what it assumed.
 */
export function readUnknownFamily(c: ConfigReader, root: ConfigReader, modelType: string): string[] {
  const refuse = (key: string, why: string): never => {
    throw new HfConfigError(c.path(key), `${why} (model_type "${modelType}" is not a family the importer knows, so it reads only the fields it understands and refuses the rest)`);
  };
  for (const key of Object.keys(c.obj)) {
    if (READ.has(key) || isOff(c.raw(key))) continue;
    const hit = STRUCTURE.find((s) => s.pattern.test(key));
    if (hit) refuse(key, `${hit.what} the importer does not read`);
  }
  // Mistral v0.1 puts every layer in the window and Qwen2 only those past max_window_layers, each by its family's
  // rule; without layer_types, a pattern or use_sliding_window, which layers use the window is not stated
  if (c.has("sliding_window") && !c.has("layer_types") && !c.has("sliding_window_pattern") && c.bool("use_sliding_window") === undefined) {
    refuse("sliding_window", "present, but which layers use the window is not stated (no layer_types, sliding_window_pattern or use_sliding_window)");
  }
  const actKey = c.has("hidden_act") ? "hidden_act" : c.has("hidden_activation") ? "hidden_activation" : undefined;
  if (actKey === undefined) refuse("hidden_act", "missing: whether the FFN is gated cannot be told without it");
  const act = c.raw(actKey!);
  if (typeof act !== "string" || !GATED_ACTIVATIONS.has(act)) {
    refuse(actKey!, `${JSON.stringify(act)}: a gated (GeGLU) and a plain FFN both use it, and the config does not say which`);
  }
  if (!c.has("tie_word_embeddings") && !root.has("tie_word_embeddings")) {
    refuse("tie_word_embeddings", "missing: its default differs between families");
  }
  const notes = [`model_type "${modelType}" is not a family the importer knows: read by its fields`, `gated FFN (${String(act)}, SwiGLU)`];
  if (!c.has("attention_bias")) notes.push("attention_bias absent: no Q/K/V biases");
  const experts = EXPERT_COUNT_KEYS.some((k) => (c.optInt(k, 0) ?? 0) > 0);
  if (experts && !MOE_PLACEMENT_KEYS.some((k) => c.has(k))) notes.push("no MoE placement field: experts on every layer (as Mixtral)");
  return notes;
}
