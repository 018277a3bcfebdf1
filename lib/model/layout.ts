import type { GpuSpec, ModelArch } from "../catalog/types";

/**
 * How one replica is laid out over its GPUs.
 *  - tp: tensor parallel ranks of attention (and of dense FFN / shared experts).
 *  - pp: pipeline stages (layers split evenly).
 *  - dp: attention data-parallel ranks inside the replica: each holds a full copy of the attention (and dense)
 *    weights and its own sequences' KV; the routed experts are shared by all tp×dp GPUs of a stage.
 *  - moeTp × moeEp: how routed experts are split over the tp×dp GPUs of a stage (moeEp experts groups, each expert's
 *    FFN sliced moeTp ways). Default moeEp = 1, moeTp = tp×dp / moeEp (all GPUs of the stage hold a slice of every
 *    expert, like vLLM's default TP MoE).
 * GPUs per replica = tp × pp × dp.
 */
export interface Layout {
  readonly tp: number;
  readonly pp: number;
  readonly dp: number;
  readonly moeTp: number;
  readonly moeEp: number;
  /** GPUs per pipeline stage = tp × dp (the MoE group). */
  readonly stageGpus: number;
  readonly gpus: number;
  /** True when a collective spans GPUs outside one NVLink domain. */
  readonly crossesDomain: boolean;
}

export interface LayoutInput {
  readonly tp: number;
  readonly pp: number;
  readonly dp: number;
  readonly moeTp?: number | undefined;
  readonly moeEp?: number | undefined;
}

export function resolveLayout(model: ModelArch, gpu: GpuSpec, i: LayoutInput): Layout {
  const stageGpus = i.tp * i.dp;
  let moeEp = i.moeEp ?? 1;
  let moeTp = i.moeTp ?? Math.max(1, Math.floor(stageGpus / moeEp));
  if (!model.moe) {
    moeEp = 1;
    moeTp = stageGpus;
  }
  return {
    tp: i.tp,
    pp: i.pp,
    dp: i.dp,
    moeTp,
    moeEp,
    stageGpus,
    gpus: stageGpus * i.pp,
    crossesDomain: stageGpus > gpu.nvlinkDomain,
  };
}

/**
 * Why a layout cannot run, in plain words (empty when it can). Rules:
 *  - tp must divide the attention (query) heads;
 *  - GQA: tp must divide the KV heads, or be a multiple of them (each KV head is then replicated tp/n_kv times);
 *  - linear attention (Gated DeltaNet): tp must divide its key and value heads (engines split them, never replicate);
 *    Mamba-2: tp must divide its heads and its groups, unless there is one group (vLLM's MambaMixer2 replicates it);
 *  - MoE: moeTp × moeEp must equal tp × dp, and moeEp must divide the number of experts;
 *  - pp must not exceed the number of layers.
 * Crossing the NVLink domain is allowed (collectives then run over the inter-node network); it is a note, not a problem.
 */
export function layoutProblems(model: ModelArch, l: Layout): string[] {
  const out: string[] = [];
  const a = model.attention;
  if (a.numHeads % l.tp !== 0) {
    out.push(`TP=${l.tp} does not divide the ${a.numHeads} attention heads; choose a TP that divides ${a.numHeads}.`);
  }
  if (a.kind === "gqa" && a.numKvHeads % l.tp !== 0 && l.tp % a.numKvHeads !== 0) {
    out.push(
      `TP=${l.tp} neither divides the ${a.numKvHeads} KV heads nor is a multiple of them, so the KV heads cannot be split evenly.`,
    );
  }
  const la = model.linearAttention;
  if (la?.kind === "mamba2" && model.layerKinds.linear > 0) {
    if (la.numValueHeads % l.tp !== 0 || (la.numKeyHeads % l.tp !== 0 && la.numKeyHeads !== 1)) {
      const what =
        la.numValueHeads % l.tp !== 0
          ? `${la.numValueHeads} heads, which the TP ranks split between them`
          : `${la.numKeyHeads} groups, which the TP ranks split between them (only a single group is replicated)`;
      const valid = Array.from({ length: la.numValueHeads }, (_, i) => i + 1).filter(
        (t) => la.numValueHeads % t === 0 && (la.numKeyHeads % t === 0 || la.numKeyHeads === 1) && a.numHeads % t === 0,
      );
      out.push(`TP=${l.tp} does not divide the Mamba-2 layers' ${what}; TP can be ${valid.join(", ")}.`);
    }
  } else if (la && model.layerKinds.linear > 0 && (la.numKeyHeads % l.tp !== 0 || la.numValueHeads % l.tp !== 0)) {
    out.push(
      `TP=${l.tp} does not divide the linear-attention layers' ${la.numKeyHeads} key and ${la.numValueHeads} value heads, which the TP ranks split between them.`,
    );
  }
  if (model.moe) {
    if (l.moeTp * l.moeEp !== l.stageGpus) {
      out.push(
        `moeTp × moeEp = ${l.moeTp} × ${l.moeEp} = ${l.moeTp * l.moeEp} must equal tp × dp = ${l.stageGpus} (the GPUs of one pipeline stage).`,
      );
    }
    if (model.moe.numExperts % l.moeEp !== 0) {
      out.push(`moeEp=${l.moeEp} does not divide the ${model.moe.numExperts} experts.`);
    }
  }
  if (l.pp > model.layers) {
    out.push(`PP=${l.pp} is more pipeline stages than the model's ${model.layers} layers.`);
  }
  return out;
}
