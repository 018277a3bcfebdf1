import { HfConfigError } from "./hf-config-error";
import type { ConfigReader } from "./hf-reader";

export type LayerKind = "full" | "sliding" | "linear";

/** The types a checkpoint may keep its linear-attention / Mamba recurrent state in, in bytes per element. */
const STATE_DTYPE_BYTES: Record<string, number> = { float32: 4, bfloat16: 2, float16: 2 };

/**
 * Bytes per element of the recurrent state a config fixes (`mamba_ssm_dtype` for Qwen3-Next / Qwen3.5,
 * `mamba_ssm_cache_dtype` for Nemotron-H; vLLM honours both), or undefined when the field is absent.
 */
export function stateDtypeBytes(c: ConfigReader, key: string): number | undefined {
  const dtype = c.optStr(key);
  if (dtype === undefined) return undefined;
  const bytes = STATE_DTYPE_BYTES[dtype];
  if (bytes === undefined) throw new HfConfigError(c.path(key), `unknown type ${JSON.stringify(dtype)} (known: ${Object.keys(STATE_DTYPE_BYTES).join(", ")})`);
  return bytes;
}

export interface LayerLayout {
  readonly kinds: readonly LayerKind[];
  /** Window (tokens) of the sliding / chunked layers; null when there are none. */
  readonly window: number | null;
  readonly notes: readonly string[];
}

const LAYER_TYPE_NAMES: Record<string, LayerKind> = {
  full_attention: "full",
  sliding_attention: "sliding",
  linear_attention: "linear",
};

/** transformers' Llama4TextConfig default: every 4th layer is a global NoPE layer, the rest use RoPE + chunks. */
const LLAMA4_DEFAULT_NO_ROPE_INTERVAL = 4;

function fromLayerTypes(c: ConfigReader, layers: number): LayerKind[] {
  const arr = c.optArray("layer_types") ?? [];
  if (arr.length !== layers) {
    throw new HfConfigError(c.path("layer_types"), `has ${arr.length} entries but num_hidden_layers is ${layers}`);
  }
  return arr.map((t, i) => {
    const kind = typeof t === "string" ? LAYER_TYPE_NAMES[t] : undefined;
    if (!kind) {
      throw new HfConfigError(
        c.path(`layer_types[${i}]`),
        `unknown layer type ${JSON.stringify(t)} (known: ${Object.keys(LAYER_TYPE_NAMES).join(", ")})`,
      );
    }
    return kind;
  });
}

/** Llama 4: RoPE layers use chunked local attention (attention_chunk_size); NoPE layers are global. */
function llama4Chunked(c: ConfigReader, layers: number, notes: string[]): LayerKind[] {
  const explicit = c.optIntArray("no_rope_layers");
  if (explicit) {
    if (explicit.length !== layers) {
      throw new HfConfigError(c.path("no_rope_layers"), `has ${explicit.length} entries but num_hidden_layers is ${layers}`);
    }
    // transformers' naming: no_rope_layers[i] = 1 means layer i *uses* RoPE (and so the chunked mask).
    return explicit.map((useRope) => (useRope ? "sliding" : "full"));
  }
  const interval = c.optInt("no_rope_layer_interval") ?? LLAMA4_DEFAULT_NO_ROPE_INTERVAL;
  if (!c.has("no_rope_layer_interval")) {
    notes.push(`no_rope_layers absent: transformers default, every ${interval}th layer global (NoPE), the rest chunked`);
  }
  return Array.from({ length: layers }, (_, i) => ((i + 1) % interval === 0 ? "full" : "sliding"));
}

/**
 * Which layers are full, sliding-window (or chunked-local) and linear attention, read from, in order:
 * `layer_types`; `full_attention_interval` (Qwen3-Next: linear except every Nth); `attention_chunk_size`
 * (Llama 4, chunked layers stored as sliding); `sliding_window_pattern` (Gemma 3: every Nth layer global);
 * Gemma 2's documented alternation (model_type gemma2, no pattern field); `sliding_window` with
 * `use_sliding_window` / `max_window_layers` (Mistral v0.1: all layers; Qwen2: layers >= max_window_layers).
 * Otherwise every layer is full attention.
 */
export function layerLayout(c: ConfigReader, layers: number, modelType: string): LayerLayout {
  const notes: string[] = [];
  let kinds: LayerKind[];
  let windowKey = "sliding_window";
  if (c.has("layer_types")) {
    kinds = fromLayerTypes(c, layers);
  } else if (c.has("full_attention_interval")) {
    const n = c.int("full_attention_interval");
    kinds = Array.from({ length: layers }, (_, i) => ((i + 1) % n === 0 ? "full" : "linear"));
  } else if (c.has("attention_chunk_size")) {
    kinds = llama4Chunked(c, layers, notes);
    windowKey = "attention_chunk_size";
    notes.push("chunked local attention stored as sliding layers with slidingWindow = attention_chunk_size");
  } else if (c.has("sliding_window_pattern")) {
    const n = c.int("sliding_window_pattern");
    kinds = Array.from({ length: layers }, (_, i) => ((i + 1) % n === 0 ? "full" : "sliding"));
  } else if (modelType === "gemma2" && c.has("sliding_window")) {
    kinds = Array.from({ length: layers }, (_, i) => (i % 2 === 0 ? "sliding" : "full"));
    notes.push("layer_types absent: Gemma 2 alternates sliding (even layers) and global layers");
  } else if (c.has("sliding_window") && c.bool("use_sliding_window") !== false) {
    const from = c.bool("use_sliding_window") === true ? (c.optInt("max_window_layers", 0) ?? 0) : 0;
    kinds = Array.from({ length: layers }, (_, i) => (i >= from ? "sliding" : "full"));
  } else {
    kinds = Array.from({ length: layers }, () => "full");
  }
  const hasSliding = kinds.includes("sliding");
  const window = hasSliding ? c.int(windowKey) : null;
  return { kinds, window, notes };
}
