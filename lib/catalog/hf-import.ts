import { HfConfigError } from "./hf-config-error";
import { layerLayout, stateDtypeBytes } from "./hf-layers";
import { readMoe } from "./hf-moe";
import { readGraniteHybrid } from "./hf-granite-hybrid";
import { readNemotronH, type MambaHybridRead } from "./hf-nemotron-h";
import { fp4FormatOf, quantPrecision } from "./hf-quant";
import { ConfigReader, isObject } from "./hf-reader";
import { readUnknownFamily } from "./hf-unknown-family";
import type { AttentionSpec, LinearAttentionSpec, ModelArch, Precision } from "./types";

export { HfConfigError } from "./hf-config-error";

/** More layers than any published model has by an order of magnitude (the deepest are ~120–130). */
const MAX_LAYERS = 4096;

/**
 * Decoder families the importer knows. Every size is read from the config's fields; `model_type` is consulted only
 * for the few facts a config.json does not state: that the FFN is gated (all of these are), the default of
 * `tie_word_embeddings` when absent (true for Gemma, false otherwise, as in each transformers config class), Qwen2's
 * Q/K/V biases (no `attention_bias` field), Gemma 2's alternating layer pattern, and the always-on shared expert of
 * Llama 4 / dense side-MLP of Gemma 4. A config of another family is read by its fields too, with those facts taken
 * from fields or refused by name (hf-unknown-family.ts).
 */
const FAMILIES = new Set([
  "llama",
  "mistral",
  "mixtral",
  "qwen2",
  "qwen2_moe",
  "qwen3",
  "qwen3_moe",
  "qwen3_next",
  "qwen3_5_text",
  "qwen3_5_moe_text",
  "deepseek_v2",
  "deepseek_v3",
  "gpt_oss",
  "llama4_text",
  "gemma",
  "gemma2",
  "gemma3_text",
  "gemma4_text",
  "phi3",
  "nemotron_h",
  "granitemoehybrid",
]);

/** Multimodal wrappers whose language model sits in `text_config`, mapped to the text model_type. */
const WRAPPERS: Record<string, string> = {
  llama4: "llama4_text",
  gemma3: "gemma3_text",
  gemma4: "gemma4_text",
  qwen3_5: "qwen3_5_text",
  qwen3_5_moe: "qwen3_5_moe_text",
};

/** Families whose attention layers are gated (transformers builds their q_proj 2·n_q·h wide, with no config field). */
const GATED_ATTENTION = new Set(["qwen3_next", "qwen3_5_text", "qwen3_5_moe_text"]);

/** Fields whose non-default values change the architecture in ways ModelArch cannot hold. */
const UNSUPPORTED: readonly { key: string; ok: (v: unknown) => boolean; why: string }[] = [
  { key: "hidden_size_per_layer_input", ok: (v) => v === 0, why: "per-layer input embeddings are not modelled" },
  { key: "num_kv_shared_layers", ok: (v) => v === 0, why: "KV sharing across layers is not modelled" },
  { key: "use_double_wide_mlp", ok: (v) => v === false, why: "double-wide MLP layers are not modelled" },
];

export interface HfImportOptions {
  readonly id?: string;
  readonly name?: string;
  /** Where the config came from (path or URL), recorded in `sources`. */
  readonly source?: string;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/^.*\//, "")
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function gqaAttention(c: ConfigReader, modelType: string, hidden: number, heads: number): AttentionSpec {
  const kvHeads = c.optInt("num_key_value_heads") ?? heads;
  if (heads % kvHeads !== 0) {
    throw new HfConfigError(
      c.path("num_key_value_heads"),
      `${kvHeads} does not divide num_attention_heads (${heads})`,
    );
  }
  let headDim = c.optInt("head_dim");
  if (headDim === undefined) {
    // transformers' documented default: head_dim = hidden_size // num_attention_heads.
    if (hidden % heads !== 0) {
      throw new HfConfigError(c.path("head_dim"), `missing, and hidden_size ${hidden} is not a multiple of ${heads} heads`);
    }
    headDim = hidden / heads;
  }
  const bias = c.bool("attention_bias") ?? (modelType === "qwen2" || modelType === "qwen2_moe");
  // gated attention: the field when the config has it, else the family's architecture
  const gate = (c.bool("attn_output_gate") ?? GATED_ATTENTION.has(modelType)) ? { outputGate: true } : {};
  const globalKv = c.optInt("num_global_key_value_heads");
  const globalDim = c.optInt("global_head_dim");
  if (globalKv === undefined && globalDim === undefined) {
    return { kind: "gqa", numHeads: heads, numKvHeads: kvHeads, headDim, bias, ...gate };
  }
  const fullKv = globalKv ?? kvHeads;
  if (heads % fullKv !== 0) {
    throw new HfConfigError(c.path("num_global_key_value_heads"), `${fullKv} does not divide num_attention_heads (${heads})`);
  }
  const fullLayers = { numKvHeads: fullKv, headDim: globalDim ?? headDim, keyIsValue: c.bool("attention_k_eq_v") ?? false };
  return { kind: "gqa", numHeads: heads, numKvHeads: kvHeads, headDim, bias, ...gate, fullLayers };
}

function mlaAttention(c: ConfigReader, heads: number): AttentionSpec {
  if (!c.present("q_lora_rank")) throw new HfConfigError(c.path("q_lora_rank"), "missing (null means no query LoRA)");
  return {
    kind: "mla",
    numHeads: heads,
    qLoraRank: c.optInt("q_lora_rank") ?? null,
    kvLoraRank: c.int("kv_lora_rank"),
    qkNopeHeadDim: c.int("qk_nope_head_dim"),
    qkRopeHeadDim: c.int("qk_rope_head_dim"),
    vHeadDim: c.int("v_head_dim"),
  };
}

function linearAttention(c: ConfigReader): LinearAttentionSpec {
  const numKeyHeads = c.int("linear_num_key_heads");
  const numValueHeads = c.int("linear_num_value_heads");
  if (numValueHeads % numKeyHeads !== 0) {
    throw new HfConfigError(c.path("linear_num_value_heads"), `${numValueHeads} is not a multiple of linear_num_key_heads (${numKeyHeads})`);
  }
  const stateBytes = stateDtypeBytes(c, "mamba_ssm_dtype");
  return {
    numKeyHeads,
    numValueHeads,
    keyHeadDim: c.int("linear_key_head_dim"),
    valueHeadDim: c.int("linear_value_head_dim"),
    convKernel: c.int("linear_conv_kernel_dim"),
    ...(stateBytes !== undefined ? { recurrentStateBytes: stateBytes } : {}),
  };
}

/** Which layers are which, their MoE block, dense FFN width and linear-attention shapes (every family but the Mamba-2 hybrids). */
function layerBlocks(c: ConfigReader, layers: number, modelType: string): Omit<MambaHybridRead, "layers" | "ffnFreeLayers" | "gated" | "noPositionEmbedding"> & { window: number | null } {
  const notes: string[] = [];
  const layout = layerLayout(c, layers, modelType);
  notes.push(...layout.notes);
  const count = (k: string) => layout.kinds.filter((x) => x === k).length;
  const layerKinds = { full: count("full"), sliding: count("sliding"), linear: count("linear") };

  const { moe, notes: moeNotes } = readMoe(c, layers, modelType);
  notes.push(...moeNotes);
  // Llama 4 keeps the dense-layer FFN width in intermediate_size_mlp (intermediate_size is the expert width). A model
  // whose every layer is MoE has no dense FFN, and its config may leave the width out (Qwen3.5-MoE).
  let denseFfn = c.optInt("intermediate_size_mlp") ?? c.optInt("intermediate_size");
  if (denseFfn === undefined) {
    if (!moe || moe.moeLayers < layers) throw new HfConfigError(c.path("intermediate_size"), "missing");
    denseFfn = 0;
    notes.push("intermediate_size absent: every layer is MoE, no dense FFN");
  }
  const la = layerKinds.linear > 0 ? linearAttention(c) : null;
  if (la && la.recurrentStateBytes === undefined) notes.push("mamba_ssm_dtype absent: the linear-attention state is held at the model dtype (16-bit)");
  return { layerKinds, window: layout.window, moe, denseFfn, linearAttention: la, notes };
}

/**
 * Normalise a Hugging Face `config.json` (already parsed) into a ModelArch, reading fields rather than model names.
 * Nested `text_config` (Llama 4, Gemma 3/4) is read in place of the root. Absent fields take transformers' documented
 * defaults only where one exists (head_dim = hidden/heads, num_key_value_heads = heads); every default used is listed
 * in `notes`. Anything missing, malformed or unknown throws HfConfigError naming the field.
 *
 * @example importHfConfig(JSON.parse(text), { id: "my-llama" }).layers
 */
export function importHfConfig(json: unknown, opts: HfImportOptions = {}): ModelArch {
  if (!isObject(json)) throw new HfConfigError("(root)", "config.json must be a JSON object");
  const root = new ConfigReader(json);
  const rootType = root.str("model_type");
  const text = root.child("text_config");
  const c = text ?? root;
  const modelType = (text ? text.optStr("model_type") : undefined) ?? WRAPPERS[rootType] ?? rootType;
  for (const u of UNSUPPORTED) {
    if (c.has(u.key) && !u.ok(c.raw(u.key))) throw new HfConfigError(c.path(u.key), `${JSON.stringify(c.raw(u.key))}: ${u.why}`);
  }

  const notes: string[] = FAMILIES.has(modelType) ? [] : readUnknownFamily(c, root, modelType);
  // multimodal checkpoints: the estimate is for text in, text out; the encoder towers' weights are not counted
  const towers = ["vision_config", "audio_config"].filter((k) => root.has(k));
  if (towers.length > 0) notes.push(`${towers.join(" and ")} present: the encoder weights are not counted (text-only estimate)`);
  // Mamba-2 hybrids: Nemotron-H names one sub-layer per block, its mixers become the layers (hf-nemotron-h.ts);
  // Granite 4.0-H names each layer's mixer in layer_types, with a shared MLP and experts (hf-granite-hybrid.ts)
  const hybrid =
    modelType === "nemotron_h" ? readNemotronH(c, MAX_LAYERS) : modelType === "granitemoehybrid" ? readGraniteHybrid(c) : null;
  const layers = hybrid ? hybrid.layers : c.int("num_hidden_layers");
  // the importer keeps one entry per layer; a count no model comes near is a broken config, not a model to guess at
  if (layers > MAX_LAYERS)
    throw new HfConfigError(c.path("num_hidden_layers"), `${layers} is beyond any model (at most ${MAX_LAYERS} layers are read)`);
  const hidden = c.int("hidden_size");
  const heads = c.int("num_attention_heads");
  const vocab = c.int("vocab_size");
  const maxContext = c.int("max_position_embeddings");
  if (!c.has("num_key_value_heads") && !c.has("kv_lora_rank")) notes.push("num_key_value_heads absent: default = num_attention_heads");
  if (!c.has("head_dim") && !c.has("kv_lora_rank")) notes.push("head_dim absent: default = hidden_size / num_attention_heads");

  const attention = c.has("kv_lora_rank") ? mlaAttention(c, heads) : gqaAttention(c, modelType, hidden, heads);
  const blocks = hybrid ?? layerBlocks(c, layers, modelType);
  notes.push(...blocks.notes);
  if (attention.kind === "gqa" && attention.outputGate && !c.has("attn_output_gate")) {
    notes.push(`attn_output_gate absent: ${modelType} attention is gated (q_proj 2·n_q·h wide)`);
  }
  const { layerKinds, moe, denseFfn, linearAttention: la } = blocks;

  const tiedDefault = modelType.startsWith("gemma");
  const tied = c.bool("tie_word_embeddings") ?? root.bool("tie_word_embeddings") ?? tiedDefault;
  if (!c.has("tie_word_embeddings") && !root.has("tie_word_embeddings")) {
    notes.push(`tie_word_embeddings absent: ${modelType} default ${tiedDefault}`);
  }

  const qPrefix = root.has("quantization_config") ? "quantization_config." : "text_config.quantization_config.";
  const qRaw = root.has("quantization_config") ? root.raw("quantization_config") : text?.raw("quantization_config");
  const nativePrecision: Precision | undefined =
    qRaw === undefined || qRaw === null ? undefined : quantPrecision(qRaw, qPrefix);
  const fp4Format = nativePrecision === "fp4" ? fp4FormatOf(qRaw) : undefined;

  // multi-token-prediction modules (DeepSeek-V3/R1, GLM-4.5, MiMo: num_nextn_predict_layers; Qwen3.5:
  // mtp_num_hidden_layers); a config gives no acceptance rate
  const mtpModules = c.optInt("num_nextn_predict_layers", 0) ?? c.optInt("mtp_num_hidden_layers", 0) ?? 0;

  const nameOrPath = root.optStr("_name_or_path") || undefined;
  const arch = root.optArray("architectures")?.[0];
  const name = opts.name ?? nameOrPath ?? (typeof arch === "string" ? arch : modelType);
  return {
    id: opts.id ?? (nameOrPath ? slug(nameOrPath) : `hf-${modelType.replace(/_/g, "-")}`),
    name,
    layers,
    hiddenSize: hidden,
    vocabSize: vocab,
    tiedEmbeddings: tied,
    maxContext,
    attention,
    layerKinds,
    slidingWindow: "window" in blocks ? blocks.window : null,
    linearAttention: la,
    // Nemotron-H's MLPs and experts are up/down only (relu²)
    ffn: { intermediateSize: denseFfn, gated: hybrid ? hybrid.gated : true },
    ...(hybrid && hybrid.ffnFreeLayers > 0 ? { ffnFreeLayers: hybrid.ffnFreeLayers } : {}),
    ...(hybrid?.noPositionEmbedding ? { noPositionEmbedding: true } : {}),
    moe,
    ...(nativePrecision ? { nativePrecision } : {}),
    ...(fp4Format ? { fp4Format } : {}),
    ...(mtpModules > 0 ? { mtp: { modules: mtpModules, acceptance: null } } : {}),
    sources: [{ url: opts.source ?? "config.json (user supplied)", kind: "hf-config" }],
    ...(notes.length > 0 ? { notes: `Imported from config.json (${modelType}). ${notes.join("; ")}.` } : {}),
  };
}
