import { HfConfigError } from "./hf-config-error";
import { stateDtypeBytes } from "./hf-layers";
import type { ConfigReader } from "./hf-reader";
import type { LinearAttentionSpec, MoeSpec } from "./types";

/**
 * Nemotron-H (`model_type` "nemotron_h": Nemotron-H 8B/47B/56B, Nemotron Nano 2, Nemotron 3 Nano) stacks blocks that
 * each hold ONE sub-layer — a Mamba-2 mixer (M), an attention mixer (*), an MoE FFN (E) or a plain MLP (-) — named by
 * `hybrid_override_pattern` ("MEMEM*E…") or, in newer configs, the list `layers_block_type` ("mamba", "attention",
 * "moe", "mlp"). A ModelArch layer is one mixer with its FFN, so the mixers become the layers, the E and - blocks
 * their MoE and dense FFNs, and the mixers left over (more mixers than FFN blocks) layers with no FFN
 * (`ffnFreeLayers`). Sizes come from the fields vLLM's NemotronH model reads (vllm/model_executor/models/nemotron_h.py):
 * the mixer MambaMixer2(intermediate = mamba_num_heads · mamba_head_dim, n_groups, ssm_state_size, conv_kernel,
 * use_conv_bias, use_bias), the MLP up/down only (relu², never gated), the MoE's shared experts one MLP of
 * n_shared_experts · moe_shared_expert_intermediate_size.
 */

const PATTERN_CHARS: Record<string, Block> = { M: "mamba", "*": "attention", E: "moe", "-": "mlp" };
const BLOCK_NAMES = new Set<string>(["mamba", "attention", "moe", "mlp"]);
type Block = "mamba" | "attention" | "moe" | "mlp";

/** What a Mamba-2 hybrid's reader (this file, hf-granite-hybrid.ts) gives the importer. */
export interface MambaHybridRead {
  /** Mixer blocks: the ModelArch layers. */
  readonly layers: number;
  readonly layerKinds: { readonly full: number; readonly sliding: number; readonly linear: number };
  readonly linearAttention: LinearAttentionSpec | null;
  readonly moe: MoeSpec | null;
  readonly denseFfn: number;
  readonly ffnFreeLayers: number;
  /** The MLPs and experts are SwiGLU (3 matrices); false for Nemotron-H's relu² up/down (2). */
  readonly gated: boolean;
  /** The attention layers use no positional embedding (NoPE). */
  readonly noPositionEmbedding: boolean;
  readonly notes: readonly string[];
}

function blocks(c: ConfigReader, maxBlocks: number): { list: Block[]; key: string } {
  if (c.has("hybrid_override_pattern")) {
    const p = c.str("hybrid_override_pattern");
    if (p.length > maxBlocks) throw new HfConfigError(c.path("hybrid_override_pattern"), `${p.length} blocks is beyond any model (at most ${maxBlocks} are read)`);
    const list = [...p].map((ch, i) => {
      const b = PATTERN_CHARS[ch];
      if (!b) throw new HfConfigError(c.path("hybrid_override_pattern"), `unknown block ${JSON.stringify(ch)} at position ${i} (known: M Mamba-2, * attention, E MoE, - MLP)`);
      return b;
    });
    return { list, key: "hybrid_override_pattern" };
  }
  const arr = c.optArray("layers_block_type");
  if (!arr) throw new HfConfigError(c.path("hybrid_override_pattern"), "missing (nor is there a layers_block_type list): which blocks are Mamba, attention, MoE or MLP is not stated");
  if (arr.length > maxBlocks) throw new HfConfigError(c.path("layers_block_type"), `${arr.length} blocks is beyond any model (at most ${maxBlocks} are read)`);
  const list = arr.map((t, i) => {
    if (typeof t !== "string" || !BLOCK_NAMES.has(t)) {
      throw new HfConfigError(c.path(`layers_block_type[${i}]`), `unknown block ${JSON.stringify(t)} (known: ${[...BLOCK_NAMES].join(", ")})`);
    }
    return t as Block;
  });
  return { list, key: "layers_block_type" };
}

function mamba2(c: ConfigReader): LinearAttentionSpec {
  const heads = c.int("mamba_num_heads");
  const groups = c.int("n_groups");
  if (heads % groups !== 0) throw new HfConfigError(c.path("n_groups"), `${groups} does not divide mamba_num_heads (${heads})`);
  // vLLM honours mamba_ssm_cache_dtype for this family (NemotronHForCausalLMConfig.verify_and_update_config)
  const stateBytes = stateDtypeBytes(c, "mamba_ssm_cache_dtype");
  const projBias = (c.bool("mamba_proj_bias") ?? false) || (c.bool("use_bias") ?? false);
  return {
    kind: "mamba2",
    convBias: c.bool("use_conv_bias") ?? true,
    projBias,
    numKeyHeads: groups,
    numValueHeads: heads,
    keyHeadDim: c.int("ssm_state_size"),
    valueHeadDim: c.int("mamba_head_dim"),
    convKernel: c.int("conv_kernel"),
    ...(stateBytes !== undefined ? { recurrentStateBytes: stateBytes } : {}),
  };
}

/** The one width of a field that may be an integer or a list of per-block widths (heterogeneous checkpoints). */
function uniformWidth(c: ConfigReader, key: string): number {
  const raw = c.raw(key);
  if (!Array.isArray(raw)) return c.int(key);
  const widths = c.optIntArray(key, 1) ?? [];
  if (widths.length === 0 || widths.some((w) => w !== widths[0])) {
    throw new HfConfigError(c.path(key), "per-block widths that differ are not modelled (one width for every MLP block is)");
  }
  return widths[0]!;
}

function moeSpec(c: ConfigReader, moeLayers: number, notes: string[]): MoeSpec {
  const numExperts = c.int("n_routed_experts");
  const k = c.int("num_experts_per_tok");
  if (k > numExperts) throw new HfConfigError(c.path("num_experts_per_tok"), `must be between 1 and n_routed_experts (${numExperts}), got ${k}`);
  let shared = c.optInt("n_shared_experts", 0);
  const sharedWidth = c.optInt("moe_shared_expert_intermediate_size", 0) ?? 0;
  if (shared === undefined) {
    shared = sharedWidth > 0 ? 1 : 0;
    if (shared > 0) notes.push("n_shared_experts absent: one shared expert of moe_shared_expert_intermediate_size (the family default)");
  }
  if (shared > 0 && sharedWidth === 0) throw new HfConfigError(c.path("moe_shared_expert_intermediate_size"), `missing (n_shared_experts is ${shared})`);
  return {
    numExperts,
    expertsPerToken: k,
    sharedExperts: shared,
    expertFfnSize: c.int("moe_intermediate_size"),
    sharedExpertFfnSize: shared > 0 ? sharedWidth : 0,
    moeLayers,
  };
}

/** Reads a nemotron_h config's block structure; throws HfConfigError naming the field it cannot read. */
export function readNemotronH(c: ConfigReader, maxBlocks: number): MambaHybridRead {
  const notes: string[] = [];
  if (c.has("moe_latent_size")) {
    throw new HfConfigError(c.path("moe_latent_size"), "latent MoE (experts run in a projected latent space, Nemotron 3 Super) is not modelled");
  }
  if (c.has("block_configs")) throw new HfConfigError(c.path("block_configs"), "per-block configurations (heterogeneous checkpoints) are not modelled");
  const { list, key } = blocks(c, maxBlocks);
  if (c.has("num_hidden_layers") && c.int("num_hidden_layers") !== list.length) {
    throw new HfConfigError(c.path(key), `has ${list.length} blocks but num_hidden_layers is ${c.int("num_hidden_layers")}`);
  }
  const n = (b: Block) => list.filter((x) => x === b).length;
  const mambaLayers = n("mamba");
  const attentionLayers = n("attention");
  const mixers = mambaLayers + attentionLayers;
  const moeLayers = n("moe");
  const mlpLayers = n("mlp");
  if (mixers === 0) throw new HfConfigError(c.path(key), "has no Mamba (M) or attention (*) block");
  if (attentionLayers === 0) throw new HfConfigError(c.path(key), "has no attention (*) block: a pure state-space model is not modelled");
  if (moeLayers + mlpLayers > mixers) {
    throw new HfConfigError(c.path(key), `has ${moeLayers + mlpLayers} FFN blocks (E, -) for ${mixers} mixer blocks (M, *); each FFN is modelled with a mixer`);
  }
  notes.push(
    `${list.length} blocks read as ${mixers} layers: ${mambaLayers} Mamba-2 and ${attentionLayers} attention mixers, ${moeLayers} carrying an MoE block, ${mlpLayers} an MLP and ${mixers - moeLayers - mlpLayers} no FFN`,
  );
  const linearAttention = mambaLayers > 0 ? mamba2(c) : null;
  if (linearAttention && linearAttention.recurrentStateBytes === undefined) {
    notes.push("mamba_ssm_cache_dtype absent: the Mamba-2 state is held at the model dtype (16-bit)");
  }
  const moe = moeLayers > 0 ? moeSpec(c, moeLayers, notes) : null;
  return {
    layers: mixers,
    layerKinds: { full: attentionLayers, sliding: 0, linear: mambaLayers },
    linearAttention,
    moe,
    denseFfn: mlpLayers > 0 ? uniformWidth(c, "intermediate_size") : 0,
    ffnFreeLayers: mixers - moeLayers - mlpLayers,
    gated: false,
    // vLLM's NemotronHAttention applies no rotary embedding: the Mamba-2 layers carry the order
    noPositionEmbedding: true,
    notes,
  };
}
