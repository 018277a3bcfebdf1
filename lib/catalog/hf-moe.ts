import { HfConfigError } from "./hf-config-error";
import type { ConfigReader } from "./hf-reader";
import type { MoeSpec } from "./types";

export const EXPERT_COUNT_KEYS = ["num_local_experts", "n_routed_experts", "num_experts"] as const;
export const TOP_K_KEYS = ["num_experts_per_tok", "experts_per_token", "top_k_experts"] as const;
/** The fields `moeLayerCount` places the MoE layers by; with none of them, every layer is MoE. */
export const MOE_PLACEMENT_KEYS = [
  "first_k_dense_replace",
  "moe_layer_freq",
  "decoder_sparse_step",
  "mlp_only_layers",
  "moe_layers",
  "interleave_moe_layer_step",
] as const;

/** The one value several synonymous keys give; throws when two present keys disagree. */
function synonym(c: ConfigReader, keys: readonly string[]): { key: string; value: number } | undefined {
  let found: { key: string; value: number } | undefined;
  for (const key of keys) {
    const v = c.optInt(key, 0);
    if (v === undefined) continue;
    if (found && found.value !== v) {
      throw new HfConfigError(c.path(key), `is ${v} but ${found.key} is ${found.value}`);
    }
    found ??= { key, value: v };
  }
  return found;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Which layers carry the MoE block, from the fields each family uses. */
function moeLayerCount(c: ConfigReader, layers: number): number {
  if (c.has("first_k_dense_replace") || c.has("moe_layer_freq")) {
    // DeepSeek: layer i is MoE when i >= first_k_dense_replace and i % moe_layer_freq == 0.
    const k = c.optInt("first_k_dense_replace", 0) ?? 0;
    const freq = c.optInt("moe_layer_freq") ?? 1;
    return range(layers).filter((i) => i >= k && i % freq === 0).length;
  }
  if (c.has("decoder_sparse_step") || c.has("mlp_only_layers")) {
    // Qwen MoE: layer i is MoE when i is not in mlp_only_layers and (i + 1) % decoder_sparse_step == 0.
    const step = c.optInt("decoder_sparse_step") ?? 1;
    const dense = new Set(c.optIntArray("mlp_only_layers") ?? []);
    return range(layers).filter((i) => !dense.has(i) && (i + 1) % step === 0).length;
  }
  if (c.has("moe_layers")) {
    const explicit = c.optIntArray("moe_layers") ?? [];
    for (const [j, i] of explicit.entries()) {
      if (i >= layers) throw new HfConfigError(c.path(`moe_layers[${j}]`), `layer ${i} >= num_hidden_layers ${layers}`);
    }
    return new Set(explicit).size;
  }
  if (c.has("interleave_moe_layer_step")) {
    // Llama 4: MoE on layers step-1, 2*step-1, ... (transformers' default moe_layers).
    const step = c.int("interleave_moe_layer_step");
    return range(layers).filter((i) => i % step === step - 1).length;
  }
  return layers;
}

export interface MoeRead {
  readonly moe: MoeSpec | null;
  readonly notes: readonly string[];
}

/**
 * The MoE block, or null for a dense model. Experts: num_local_experts | n_routed_experts | num_experts (0 or
 * absent = dense; Gemma 4's enable_moe_block=false = dense). Top-k: num_experts_per_tok | experts_per_token |
 * top_k_experts. Expert width: moe_intermediate_size, else intermediate_size. Shared experts: n_shared_experts
 * (DeepSeek, width moe_intermediate_size), shared_expert_intermediate_size (Qwen2-MoE / Qwen3-Next, one expert),
 * and two that the architecture fixes rather than the config: Llama 4's shared expert (width intermediate_size)
 * and Gemma 4's dense MLP that runs beside the experts (width intermediate_size), both counted as one shared expert.
 */
export function readMoe(c: ConfigReader, layers: number, modelType: string): MoeRead {
  const notes: string[] = [];
  const count = synonym(c, EXPERT_COUNT_KEYS);
  if (!count || count.value === 0 || c.bool("enable_moe_block") === false) return { moe: null, notes };
  const topK = synonym(c, TOP_K_KEYS);
  if (!topK) throw new HfConfigError(c.path(TOP_K_KEYS[0]), `missing (the config has ${count.key})`);
  if (topK.value < 1 || topK.value > count.value) {
    throw new HfConfigError(c.path(topK.key), `must be between 1 and ${count.key} (${count.value}), got ${topK.value}`);
  }
  const expertFfnSize = c.optInt("moe_intermediate_size") ?? c.int("intermediate_size");
  let sharedExperts = 0;
  let sharedExpertFfnSize = 0;
  const nShared = c.optInt("n_shared_experts", 0);
  const sharedWidth = c.optInt("shared_expert_intermediate_size", 0);
  if (nShared !== undefined && nShared > 0) {
    sharedExperts = nShared;
    sharedExpertFfnSize = c.int("moe_intermediate_size");
  } else if (sharedWidth !== undefined && sharedWidth > 0) {
    sharedExperts = 1;
    sharedExpertFfnSize = sharedWidth;
  } else if (modelType === "llama4_text") {
    sharedExperts = 1;
    sharedExpertFfnSize = c.int("intermediate_size");
    notes.push("Llama 4 MoE layers carry one always-on shared expert of width intermediate_size (architecture, not a config field)");
  } else if (modelType === "gemma4_text") {
    sharedExperts = 1;
    sharedExpertFfnSize = c.int("intermediate_size");
    notes.push("Gemma 4 runs a dense MLP (intermediate_size) beside the experts in every layer; counted as one shared expert");
  }
  const moe: MoeSpec = {
    numExperts: count.value,
    expertsPerToken: topK.value,
    sharedExperts,
    expertFfnSize,
    sharedExpertFfnSize,
    moeLayers: moeLayerCount(c, layers),
  };
  return { moe, notes };
}
