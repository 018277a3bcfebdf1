import { formatWithUnit } from "../format";
import type { Derivation } from "../model";
import { derived, need, type ScenarioFigures } from "./figures";

/**
 * Figures the Spine stages quote that are plain ratios of the core's outputs (per-token shares, intensities,
 * ceilings). Each is a Derivation so the page can show its arithmetic.
 */
export interface StageFigures {
  /** Prefill time of the whole prompt, alone on the replica (core). */
  readonly prefillTime: Derivation;
  /** Prefill time per prompt token. */
  readonly prefillPerToken: Derivation;
  /** Decode time per output token (core TPOT). */
  readonly decodePerToken: Derivation;
  /** decodePerToken ÷ prefillPerToken: how much more GPU time an output token takes than an input token. */
  readonly timeRatio: Derivation;
  /** FLOPs per byte read in prefill and in a decode step, and the GPU's ridge point (peak FLOP/s ÷ bandwidth). */
  readonly prefillIntensity: Derivation;
  readonly decodeIntensity: Derivation;
  readonly ridge: Derivation;
  /** Share of the decode step's roofline time in which the math units would be busy: t_compute ÷ t_memory. */
  readonly mathBusy: Derivation;
  /** $/M output ÷ $/M input at the scenario (core cost split). */
  readonly costRatio: Derivation;
  /** Tokens/s each user would see if only the decode step's math counted, and if only its bytes counted. */
  readonly computeCeiling: Derivation;
  readonly bandwidthCeiling: Derivation;
}

export function stageFigures(f: ScenarioFigures): StageFigures {
  const pre = f.core.serving.prefill;
  const isl = f.scenario.isl;
  const tpot = need(f, "tpot");
  const prefillTime: Derivation = {
    key: "lesson.prefillTime",
    label: "Prefill of the whole prompt (alone)",
    value: pre.t,
    unit: "s",
    formula: "Σ_op max(FLOPs / achieved FLOP/s, bytes / achieved bandwidth) + communication + overhead, over ⌈ISL / chunk⌉ iterations",
    substituted: `${formatWithUnit(pre.flops, "FLOP")} and ${formatWithUnit(pre.bytes, "B")} per GPU over ${isl} prompt tokens → ${formatWithUnit(pre.t, "s")}`,
  };
  const perIn = pre.t / isl;
  const prefillPerToken = derived("lesson.prefillPerToken", "Prefill time per prompt token", perIn, "s", "prefill time ÷ ISL", `${formatWithUnit(pre.t, "s")} ÷ ${isl}`);
  const ratio = tpot.value / perIn;
  const timeRatio = derived(
    "lesson.timeRatio",
    "GPU time of an output token vs an input token",
    ratio,
    "×",
    "TPOT ÷ prefill time per prompt token",
    `${formatWithUnit(tpot.value, "s")} ÷ ${formatWithUnit(perIn, "s")}`,
  );
  const prefillIntensity = derived(
    "lesson.prefillIntensity",
    "Prefill: FLOPs per byte read",
    pre.flops / pre.bytes,
    "FLOP/B",
    "prefill FLOPs ÷ prefill bytes (per GPU)",
    `${formatWithUnit(pre.flops, "FLOP")} ÷ ${formatWithUnit(pre.bytes, "B")}`,
  );
  const st = f.step;
  const decodeIntensity = derived(
    "lesson.decodeIntensity",
    "Decode: FLOPs per byte read",
    st.flops / st.bytes,
    "FLOP/B",
    "decode-step FLOPs ÷ decode-step bytes (per GPU)",
    `${formatWithUnit(st.flops, "FLOP")} ÷ ${formatWithUnit(st.bytes, "B")}`,
  );
  const peak = f.core.setup.peakDense;
  const ridge = derived(
    "lesson.ridge",
    "Ridge point: FLOPs the GPU can do per byte it reads",
    peak / f.gpu.hbmBandwidth,
    "FLOP/B",
    "peak FLOP/s (at the weights' math precision) ÷ HBM bandwidth",
    `${formatWithUnit(peak, "FLOP/s")} ÷ ${formatWithUnit(f.gpu.hbmBandwidth, "B/s")}`,
  );
  const mathBusy = derived(
    "lesson.mathBusy",
    "Share of a decode step the math would need",
    st.tCompute / st.tMemory,
    "%",
    "t_compute ÷ t_memory (decode step)",
    `${formatWithUnit(st.tCompute, "s")} ÷ ${formatWithUnit(st.tMemory, "s")}`,
  );
  const cin = need(f, "cost.perMillionInput");
  const cout = need(f, "cost.perMillionOutput");
  const costRatio = derived(
    "lesson.costRatio",
    "Output price ÷ input price (self-hosted)",
    cin.value > 0 ? cout.value / cin.value : NaN,
    "×",
    "$/M output ÷ $/M input",
    `${formatWithUnit(cout.value, "USD")} ÷ ${formatWithUnit(cin.value, "USD")}`,
  );
  const computeCeiling = derived(
    "lesson.computeCeiling",
    "Tokens/s per user if only the math counted",
    1 / st.tCompute,
    "tok/s",
    "1 ÷ t_compute of a decode step (FLOPs ÷ achieved FLOP/s)",
    `1 ÷ ${formatWithUnit(st.tCompute, "s")}`,
  );
  const bandwidthCeiling = derived(
    "lesson.bandwidthCeiling",
    "Tokens/s per user if only reading bytes counted",
    1 / st.tMemory,
    "tok/s",
    "1 ÷ t_memory of a decode step (bytes ÷ achieved bandwidth)",
    `1 ÷ ${formatWithUnit(st.tMemory, "s")}`,
  );
  return {
    prefillTime,
    prefillPerToken,
    decodePerToken: tpot,
    timeRatio,
    prefillIntensity,
    decodeIntensity,
    ridge,
    mathBusy,
    costRatio,
    computeCeiling,
    bandwidthCeiling,
  };
}
