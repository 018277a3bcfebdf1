import { HfConfigError } from "./hf-config-error";
import { stateDtypeBytes } from "./hf-layers";
import type { MambaHybridRead } from "./hf-nemotron-h";
import type { ConfigReader } from "./hf-reader";
import type { LinearAttentionSpec, MoeSpec } from "./types";

/**
 * Granite 4.0-H (`model_type` "granitemoehybrid"): every layer is a Mamba-2 or an attention mixer (`layer_types`
 * "mamba" / "attention") followed by the FFN — a shared SwiGLU MLP of `shared_intermediate_size` and, when
 * `num_local_experts` > 0, routed experts of `intermediate_size`. Sizes are the ones vLLM's granitemoehybrid.py reads:
 * MambaMixer2(intermediate = mamba_expand · hidden_size, mamba_n_heads × mamba_d_head, mamba_n_groups, mamba_d_state,
 * mamba_d_conv, mamba_conv_bias, mamba_proj_bias), GraniteMoeSharedMLP (input_linear 2 · shared, output_linear; silu
 * only) and GraniteMoeMoE (gated experts, a router without bias).
 */

const LAYER_NAMES: Record<string, "linear" | "full"> = { mamba: "linear", attention: "full" };

function kinds(c: ConfigReader, layers: number): { linear: number; full: number } {
  const arr = c.optArray("layer_types");
  if (!arr) throw new HfConfigError(c.path("layer_types"), "missing: which layers are Mamba-2 and which attention is not stated");
  if (arr.length !== layers) throw new HfConfigError(c.path("layer_types"), `has ${arr.length} entries but num_hidden_layers is ${layers}`);
  let linear = 0;
  arr.forEach((t, i) => {
    const k = typeof t === "string" ? LAYER_NAMES[t] : undefined;
    if (!k) throw new HfConfigError(c.path(`layer_types[${i}]`), `unknown layer type ${JSON.stringify(t)} (known: mamba, attention)`);
    if (k === "linear") linear++;
  });
  return { linear, full: layers - linear };
}

function mamba2(c: ConfigReader, hidden: number): LinearAttentionSpec {
  const heads = c.int("mamba_n_heads");
  const headDim = c.int("mamba_d_head");
  const groups = c.int("mamba_n_groups");
  if (heads % groups !== 0) throw new HfConfigError(c.path("mamba_n_groups"), `${groups} does not divide mamba_n_heads (${heads})`);
  // vLLM sizes the mixer from mamba_expand · hidden_size and splits it into heads: the two must agree
  const expand = c.optInt("mamba_expand");
  if (expand !== undefined && expand * hidden !== heads * headDim) {
    throw new HfConfigError(c.path("mamba_d_head"), `mamba_n_heads ${heads} × mamba_d_head ${headDim} = ${heads * headDim} is not mamba_expand × hidden_size (${expand * hidden})`);
  }
  const stateBytes = stateDtypeBytes(c, "mamba_ssm_cache_dtype");
  return {
    kind: "mamba2",
    convBias: c.bool("mamba_conv_bias") ?? true,
    projBias: c.bool("mamba_proj_bias") ?? false,
    numKeyHeads: groups,
    numValueHeads: heads,
    keyHeadDim: c.int("mamba_d_state"),
    valueHeadDim: headDim,
    convKernel: c.int("mamba_d_conv"),
    ...(stateBytes !== undefined ? { recurrentStateBytes: stateBytes } : {}),
  };
}

/** Reads a granitemoehybrid config's layers, FFN and Mamba-2 shapes; throws HfConfigError naming the field. */
export function readGraniteHybrid(c: ConfigReader): MambaHybridRead {
  const notes: string[] = [];
  // a count beyond any model is refused by the importer (MAX_LAYERS); layer_types must match it entry for entry
  const layers = c.int("num_hidden_layers");
  const act = c.optStr("hidden_act") ?? "silu";
  if (act !== "silu") throw new HfConfigError(c.path("hidden_act"), `${JSON.stringify(act)}: Granite's MLPs are SwiGLU (silu) only`);
  const k = kinds(c, layers);
  const shared = c.optInt("shared_intermediate_size", 0) ?? 0;
  const experts = c.optInt("num_local_experts", 0) ?? 0;
  let moe: MoeSpec | null = null;
  let denseFfn = shared;
  if (experts > 0) {
    const top = c.int("num_experts_per_tok");
    if (top > experts) throw new HfConfigError(c.path("num_experts_per_tok"), `must be between 1 and num_local_experts (${experts}), got ${top}`);
    moe = {
      numExperts: experts,
      expertsPerToken: top,
      sharedExperts: shared > 0 ? 1 : 0,
      expertFfnSize: c.int("intermediate_size"),
      sharedExpertFfnSize: shared,
      moeLayers: layers,
    };
    denseFfn = 0;
    if (shared > 0) notes.push(`the shared MLP (shared_intermediate_size ${shared}) counted as one shared expert beside the routed ones`);
  } else if (shared === 0) {
    throw new HfConfigError(c.path("shared_intermediate_size"), "missing or 0, and there are no experts: the layers would have no FFN");
  }
  const linearAttention = k.linear > 0 ? mamba2(c, c.int("hidden_size")) : null;
  if (linearAttention && linearAttention.recurrentStateBytes === undefined) {
    notes.push("mamba_ssm_cache_dtype absent: the Mamba-2 state is held at the model dtype (16-bit)");
  }
  notes.push(`${k.linear} Mamba-2 and ${k.full} attention layers`);
  return {
    layers,
    layerKinds: { full: k.full, sliding: 0, linear: k.linear },
    linearAttention,
    moe,
    denseFfn,
    ffnFreeLayers: 0,
    gated: true,
    noPositionEmbedding: c.optStr("position_embedding_type") === "nope",
    notes,
  };
}
