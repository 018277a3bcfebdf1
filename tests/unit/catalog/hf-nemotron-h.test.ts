import { describe, expect, it } from "vitest";
import { getGpu, getModel, importHfConfig } from "../../../lib/catalog";
import { allReduceTime } from "../../../lib/model/comm";
import { estimateConfig } from "../../../lib/model/estimate";
import { kvBytesForContext, kvBytesPerToken } from "../../../lib/model/kv";
import { paramsByComponent } from "../../../lib/model/params";
import { ACTIVATION_BYTES } from "../../../lib/model/precision";
import { decodeStep, kvBytesPerSeqPerGpu } from "../../../lib/model/step";
import { planInputSchema } from "../../../lib/plan/schema";
import { runPlan } from "../../../lib/search";
import { prepareShape } from "../../../lib/search/fast-estimate";
import { confidenceFor } from "../../../lib/validation";
import { input } from "../model/fixtures";
import * as F from "./hf-fixtures";

// Every expected figure below is worked out by hand from the layer shapes of vLLM's nemotron_h.py (MambaMixer2,
// NemotronHMoE, NemotronHAttention) and mamba_utils.py (mamba2_state_shape), written out term by term.
const d = 2688;

/** One Mamba-2 mixer at d: heads h of width p, g groups of state n, conv kernel 4, conv bias, no projection bias. */
function mamba2Layer(h: number, p: number, g: number, n: number): number {
  const V = h * p; // x (and the gate z)
  const K = g * n; // B and C
  const inProj = d * (V + V + K + K + h); // z, x, B, C, dt
  const conv1d = (V + K + K) * 4 + (V + K + K); // weights + bias
  const aLogDDtBias = h + h + h;
  const gatedNorm = V;
  const outProj = V * d;
  return inProj + conv1d + aLogDDtBias + gatedNorm + outProj;
}

describe("Nemotron 3 Nano config.json (nemotron_h: one sub-layer per block)", () => {
  const m = importHfConfig(F.NEMOTRON_3_NANO);

  it("reads 52 blocks as 29 mixer layers: 23 Mamba-2, 6 attention; 23 carry the MoE block, 6 no FFN", () => {
    expect(m.layers).toBe(29);
    expect(m.layerKinds).toEqual({ full: 6, sliding: 0, linear: 23 });
    expect(m.ffnFreeLayers).toBe(6);
    expect(m.attention).toEqual({ kind: "gqa", numHeads: 32, numKvHeads: 2, headDim: 128, bias: false });
    expect(m.linearAttention).toEqual({
      kind: "mamba2",
      convBias: true,
      projBias: false,
      numKeyHeads: 8,
      numValueHeads: 64,
      keyHeadDim: 128,
      valueHeadDim: 64,
      convKernel: 4,
      recurrentStateBytes: 4,
    });
    expect(m.moe).toEqual({ numExperts: 128, expertsPerToken: 6, sharedExperts: 1, expertFfnSize: 1856, sharedExpertFfnSize: 3712, moeLayers: 23 });
    // relu² up/down projections: not gated, and no dense MLP block in this pattern
    expect(m.ffn).toEqual({ intermediateSize: 0, gated: false });
    expect(m.tiedEmbeddings).toBe(false);
    // vLLM's NemotronHAttention applies no rotary embedding
    expect(m.noPositionEmbedding).toBe(true);
    expect(m.notes).toMatch(/52 blocks read as 29 layers: 23 Mamba-2 and 6 attention mixers, 23 carrying an MoE block, 0 an MLP and 6 no FFN/);
    expect(m.notes).not.toMatch(/not a family the importer knows/);
  });

  it("imports to the catalog's Nemotron 3 Nano 30B-A3B (the same architecture, field by field)", () => {
    const { id: _i, name: _n, sources: _s, notes: _o, ...imported } = m;
    const { id: _ci, name: _cn, sources: _cs, notes: _co, ...catalog } = getModel("nemotron-3-nano-30b-a3b")!;
    expect(imported).toEqual(catalog);
  });

  it("counts every block's own weights: 31.58 B total (NVIDIA states 31.6 B), 3.58 B active", () => {
    const p = paramsByComponent(m);
    const mamba = mamba2Layer(64, 64, 8, 128);
    expect(mamba).toBe(38_742_208);
    // the in_proj width is the one NVIDIA's checkpoints name (mamba_in_proj_out_features 10304)
    expect(2 * 4096 + 2 * 8 * 128 + 64).toBe(10_304);
    const attention = d * 32 * 128 + 2 * (d * 2 * 128) + 32 * 128 * d;
    expect(p.linearAttentionPerLayer).toBe(mamba);
    expect(p.attentionPerLayer).toBe(attention);
    const expert = 2 * d * 1856; // up + down, relu²
    const sharedExpert = 2 * d * 3712;
    const total =
      23 * mamba + 6 * attention +
      23 * 128 * expert + 23 * sharedExpert + 23 * d * 128 + // MoE blocks: experts, shared expert, router
      2 * 131_072 * d + // embedding + untied LM head
      52 * d + d; // one norm per block + the final norm
    expect(p.ffn).toBe(0);
    expect(p.denseLayers).toBe(0);
    expect(p.norms).toBe(53 * d);
    expect(p.total).toBe(total);
    expect(p.total).toBe(31_577_937_344);
    expect(p.active).toBe(total - 23 * 128 * expert + 23 * 6 * expert);
    expect(p.active / 1e9).toBeCloseTo(3.58, 2);
  });

  it("holds the Mamba-2 state per sequence (fp32 recurrent, 16-bit conv window) apart from the 6 attention layers' KV", () => {
    // per Mamba layer: 64 heads · 64 · 128 at 4 bytes + (4 − 1) · (4096 + 2 · 8 · 128) conv channels at 2 bytes
    const state = 64 * 64 * 128 * 4 + 3 * (4096 + 2 * 8 * 128) * 2;
    expect(state).toBe(2_134_016);
    const perToken = 6 * 2 * 2 * 128 * 2;
    expect(kvBytesPerToken(m, 2)).toBe(perToken);
    expect(kvBytesForContext(m, 2, 8000)).toBe(8000 * perToken + 23 * state);
    // fp8 KV halves the cache, not the state
    expect(kvBytesForContext(m, 1, 8000)).toBe(4000 * perToken + 23 * state);
  });

  it("splits the state over TP as vLLM's mamba2_state_shape does: heads tp ways, groups n_g/tp per rank", () => {
    const gpu = getGpu("h100-sxm")!;
    const at = (tp: number) => prepareShape(m, gpu, { tp, pp: 1, dp: 1, moeEp: 1, gpus: tp }, "bf16", "bf16", "vllm");
    const perToken = 6 * 2 * 2 * 128 * 2;
    // TP2: 32 heads · 64 · 128 · 4 B + 3 · (4096/2 + 2 · 4 groups · 128) · 2 B per layer
    const tp2 = 32 * 64 * 128 * 4 + 3 * (2048 + 2 * 4 * 128) * 2;
    expect(kvBytesPerSeqPerGpu(at(2), 1000)).toBeCloseTo((1000 * perToken) / 2 + 23 * tp2, 3);
    // TP8: 8 heads, 1 group per rank; the 2 KV heads are replicated beyond TP2
    const tp8 = 8 * 64 * 128 * 4 + 3 * (512 + 2 * 1 * 128) * 2;
    expect(kvBytesPerSeqPerGpu(at(8), 1000)).toBeCloseTo((1000 * perToken) / 2 + 23 * tp8, 3);
  });

  it("replicates a single group on every rank (n_groups 1)", () => {
    const one = importHfConfig(F.withFields(F.NEMOTRON_3_NANO, { n_groups: 1 }));
    const s = prepareShape(one, getGpu("h100-sxm")!, { tp: 4, pp: 1, dp: 1, moeEp: 1, gpus: 4 }, "bf16", "bf16", "vllm");
    const perToken = 6 * 2 * 2 * 128 * 2;
    const tp4 = 16 * 64 * 128 * 4 + 3 * (1024 + 2 * 1 * 128) * 2;
    expect(kvBytesPerSeqPerGpu(s, 1000)).toBeCloseTo((1000 * perToken) / 2 + 23 * tp4, 3);
    expect(estimateConfig({ model: one, gpu: getGpu("h100-sxm")!, input: input({ tp: 4, isl: 1000, osl: 200 }) }).problems).toEqual([]);
  });

  it("a decode step reads each sequence's state and writes it back, and all-reduces once per block under TP", () => {
    const s1 = prepareShape(m, getGpu("h100-sxm")!, { tp: 1, pp: 1, dp: 1, moeEp: 1, gpus: 1 }, "bf16", "bf16", "vllm");
    const perToken = 6 * 2 * 2 * 128 * 2;
    expect(decodeStep(s1, 16, 1000).bytesKv).toBe(16 * (1000 * perToken + 2 * 23 * 2_134_016));
    // TP2: the 29 mixers and the 23 MoE blocks each end in an all-reduce of the step's activations; the 6 FFN-free
    // layers add none
    const s2 = prepareShape(m, getGpu("h100-sxm")!, { tp: 2, pp: 1, dp: 1, moeEp: 1, gpus: 2 }, "bf16", "bf16", "vllm");
    const ar = allReduceTime(16 * d * ACTIVATION_BYTES, 2, s2.linkTp.bandwidth, s2.linkTp.latency);
    expect(decodeStep(s2, 16, 1000).tComm).toBeCloseTo(52 * ar, 12);
  });

  it("shows the Mamba-2 parameters and state with their formulas and the values put in", () => {
    const r = estimateConfig({ model: m, gpu: getGpu("h100-sxm")!, input: input({ tp: 1, isl: 1000, osl: 200, kv: "bf16" }), explain: true });
    const params = r.derivations!.find((x) => x.key === "params.attention")!;
    expect(params.label).toBe("Attention and Mamba-2 parameters");
    expect(params.formula).toContain("L_mamba · (d·(2V + 2K + n_h) + (2K + V)·conv + (2K + V) + 3·n_h + V + V·d), K = n_groups·d_state, V = n_h·d_head");
    expect(params.substituted).toMatch(/^6 · \(2688·32·128 \+ 2·2688·2·128 \+ 32·128·2688\) \+ 23 · 38\.7\s?M \(K = 8·128, V = 64·64, conv 4\)/);
    const state = r.derivations!.find((x) => x.key === "kv.linearStatePerSequence")!;
    expect(state.label).toBe("Mamba-2 state per sequence");
    expect(state.value).toBe(23 * 2_134_016);
    expect(state.substituted).toMatch(/^23 · \(64 · 64 · 128 · 4 B \+ 3 · \(2 · 8 · 128 \+ 64 · 64\) · 2 B\) = /);
  });

  it("refuses a TP that does not divide the Mamba-2 heads or groups, naming which", () => {
    const gpu = getGpu("h100-sxm")!;
    const tp16 = estimateConfig({ model: m, gpu, input: input({ tp: 16, isl: 1000, osl: 200 }) });
    expect(tp16.problems.join(" ")).toContain("TP=16 does not divide the Mamba-2 layers' 8 groups");
    // and says which TPs would do: those dividing the 64 heads, the 8 groups and the 32 attention heads
    expect(tp16.problems.join(" ")).toContain("TP can be 1, 2, 4, 8.");
    const odd = importHfConfig(F.withFields(F.NEMOTRON_3_NANO, { mamba_num_heads: 48, n_groups: 8 }));
    expect(estimateConfig({ model: odd, gpu, input: input({ tp: 32, isl: 1000, osl: 200 }) }).problems.join(" ")).toContain("48 heads");
    expect(estimateConfig({ model: m, gpu, input: input({ tp: 8, isl: 1000, osl: 200 }) }).problems).toEqual([]);
  });

  it("plans like any model, and its badge is low: no measured run of a Mamba-2 model", () => {
    const plan = planInputSchema.parse({
      workload: { hfConfigJson: F.NEMOTRON_3_NANO, inputTokens: 2000, outputTokens: 400 },
      slo: { ttftP95Ms: 2000, tpotP95Ms: 40 },
      traffic: { mode: "peak", peakRequestsPerSecond: 4 },
      budget: { gpus: ["h100-sxm", "l40s"], engines: ["vllm"] },
    });
    const r = runPlan(plan, { relax: false });
    expect(r.best).not.toBeNull();
    expect(r.options.every((o) => Number.isFinite(o.costUsdPerMonth) && o.costUsdPerMonth > 0)).toBe(true);
    const badge = confidenceFor({ model: "nemotron-3-nano-30b-a3b", gpu: "h100-sxm", engine: "vllm", input: { isl: 2000, osl: 400, concurrency: 8 } });
    expect(badge.level).toBe("low");
    expect(badge.reasons.join(" ")).toContain("Mamba-2 (state-space) layers: no calibration or third-party run of such a model");
    // a Gated DeltaNet hybrid is still held to its own measured runs
    expect(confidenceFor({ model: "qwen3.5-35b-a3b", gpu: "h200-sxm", engine: "vllm", input: { isl: 2000, osl: 400, concurrency: 8 } }).reasons.join(" ")).not.toContain("Mamba-2");
  });
});

describe("the layers_block_type list and the MLP blocks", () => {
  const names: Record<string, string> = { M: "mamba", E: "moe", "*": "attention", "-": "mlp" };
  const asList = (pattern: string) => ({
    ...F.withFields(F.NEMOTRON_3_NANO, { hybrid_override_pattern: undefined, num_hidden_layers: pattern.length }),
    layers_block_type: [...pattern].map((c) => names[c]),
  });

  it("reads the list form as the pattern", () => {
    const fromList = importHfConfig(asList(F.NEMOTRON_3_NANO.hybrid_override_pattern));
    const { notes: _a, ...a } = fromList;
    const { notes: _b, ...b } = importHfConfig(F.NEMOTRON_3_NANO);
    expect(a).toEqual(b);
  });

  it("a dense Nemotron-H (M-M-M*-…): MLP blocks are dense FFNs of intermediate_size, relu², 2 matrices", () => {
    // 4 × (M - M - M * -) = 16 mixers (12 Mamba, 4 attention), 12 MLP blocks, 4 mixers with no FFN
    const pattern = "M-M-M*-".repeat(4);
    const m = importHfConfig(F.withFields(F.NEMOTRON_3_NANO, { hybrid_override_pattern: pattern, num_hidden_layers: pattern.length, intermediate_size: 21504, n_routed_experts: undefined }));
    expect(m.layers).toBe(16);
    expect(m.layerKinds).toEqual({ full: 4, sliding: 0, linear: 12 });
    expect(m.moe).toBeNull();
    expect(m.ffnFreeLayers).toBe(4);
    const p = paramsByComponent(m);
    expect(p.denseLayers).toBe(12);
    expect(p.ffn).toBe(12 * 2 * d * 21504);
    expect(p.norms).toBe(28 * d + d);
  });
});

describe("Nemotron-H configs that cannot be read name the field", () => {
  const cfg = (patch: Record<string, unknown>) => F.withFields(F.NEMOTRON_3_NANO, patch);

  it("a block letter that is not M, *, E or -", () => {
    const e = F.errorOf(cfg({ hybrid_override_pattern: "MEMEX*" + "E".repeat(46) }));
    expect(e.field).toBe("hybrid_override_pattern");
    expect(e.message).toMatch(/unknown block "X" at position 4/);
  });

  it("a pattern whose length is not num_hidden_layers", () => {
    const e = F.errorOf(cfg({ num_hidden_layers: 50 }));
    expect(e.field).toBe("hybrid_override_pattern");
    expect(e.message).toMatch(/has 52 blocks but num_hidden_layers is 50/);
  });

  it("neither a pattern nor a block list", () => {
    const e = F.errorOf(cfg({ hybrid_override_pattern: undefined }));
    expect(e.field).toBe("hybrid_override_pattern");
    expect(e.message).toMatch(/missing \(nor is there a layers_block_type list\)/);
  });

  it("an unknown name in layers_block_type", () => {
    const e = F.errorOf({ ...cfg({ hybrid_override_pattern: undefined, num_hidden_layers: 2 }), layers_block_type: ["mamba", "rwkv"] });
    expect(e.field).toBe("layers_block_type[1]");
    expect(e.message).toMatch(/unknown block "rwkv"/);
  });

  it("latent MoE (Nemotron 3 Super), a pure state-space stack, more FFN blocks than mixers", () => {
    expect(F.errorOf(cfg({ moe_latent_size: 1024 })).field).toBe("moe_latent_size");
    const pure = F.errorOf(cfg({ hybrid_override_pattern: "ME".repeat(26) }));
    expect(pure.message).toMatch(/no attention \(\*\) block/);
    const ffnHeavy = F.errorOf(cfg({ hybrid_override_pattern: "M*" + "E".repeat(50) }));
    expect(ffnHeavy.message).toMatch(/50 FFN blocks \(E, -\) for 2 mixer blocks/);
  });

  it("groups that do not divide the heads, an unknown state dtype, per-block MLP widths that differ", () => {
    const g = F.errorOf(cfg({ n_groups: 6 }));
    expect(g.field).toBe("n_groups");
    expect(g.message).toMatch(/6 does not divide mamba_num_heads \(64\)/);
    const t = F.errorOf(cfg({ mamba_ssm_cache_dtype: "fp8" }));
    expect(t.field).toBe("mamba_ssm_cache_dtype");
    expect(t.message).toMatch(/unknown type "fp8"/);
    const w = F.errorOf(cfg({ hybrid_override_pattern: "M-M*-" + "M".repeat(47), intermediate_size: [1000, 2000] }));
    expect(w.field).toBe("intermediate_size");
    expect(w.message).toMatch(/per-block widths that differ/);
  });
});
