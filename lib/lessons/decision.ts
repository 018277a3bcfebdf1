import type { BindingResource } from "../model";
import type { ScenarioFigures } from "./figures";

/**
 * The lever decision tree of stage 4. It asks, in order, the questions whose answer decides the lever, using the
 * core's verdict for the scenario (fits, maxConcurrency, binding resource). The first "yes" is where to act.
 */
export type LeverGroup = "memory" | "compute" | "system";

export interface Lever {
  readonly title: string;
  readonly why: string;
  readonly group: LeverGroup;
}

export interface DecisionStep {
  readonly id: "fit" | "capacity" | "bandwidth" | "compute" | "communication" | "overhead";
  readonly question: string;
  /** This scenario's answer. */
  readonly yes: boolean;
  readonly levers: readonly Lever[];
}

export interface Decision {
  readonly binding: BindingResource | "does-not-fit";
  readonly steps: readonly DecisionStep[];
  /** The first step answered yes (null when none: the scenario is balanced at this load). */
  readonly at: DecisionStep | null;
}

const L = {
  quantW: { title: "Quantise the weights (FP8, FP4/INT4)", why: "fewer bytes to hold and to read every step", group: "memory" },
  quantKv: { title: "Quantise the KV cache (FP8)", why: "half the bytes per token of context, twice the users", group: "memory" },
  gqa: { title: "A model with fewer KV heads (GQA) or a latent cache (MLA)", why: "a smaller cache per token by design", group: "memory" },
  moreGpus: { title: "More GPUs per replica (TP or PP)", why: "more memory and more bandwidth for one copy of the model", group: "system" },
  paged: { title: "Paged attention and prefix caching", why: "no memory lost to fragmentation; shared prompts stored once", group: "system" },
  batch: { title: "Batch more users per step (continuous batching)", why: "one read of the weights serves the whole batch", group: "system" },
  spec: { title: "Speculative decoding", why: "checks several drafted tokens per read of the weights", group: "compute" },
  moe: { title: "A mixture-of-experts model", why: "each token reads and multiplies only its experts", group: "compute" },
  lowerPrec: { title: "Lower-precision math (FP8/FP4 tensor cores)", why: "twice the peak FLOP/s per step down", group: "compute" },
  fewerTp: { title: "Fewer tensor-parallel ranks, or expert parallelism", why: "fewer all-reduces per layer; keep collectives inside one NVLink domain", group: "system" },
  engine: { title: "A faster engine path (CUDA graphs, bigger batches)", why: "fixed per-step costs shrink or are shared by more tokens", group: "system" },
} satisfies Record<string, Lever>;

export function decide(f: ScenarioFigures): Decision {
  const r = f.result;
  const fits = r.fits;
  const overCapacity = f.scenario.concurrency > r.maxConcurrency;
  const steps: DecisionStep[] = [
    {
      id: "fit",
      question: "Does the model fail to fit — weights plus one request's KV cache larger than the GPUs' memory?",
      yes: !fits,
      levers: [L.quantW, L.moreGpus],
    },
    {
      id: "capacity",
      question: "Do you want more concurrent users than the KV cache can hold?",
      yes: fits && overCapacity,
      levers: [L.quantKv, L.gqa, L.paged, L.moreGpus],
    },
    {
      id: "bandwidth",
      question: "Is the decode step mostly reading bytes (memory-bandwidth bound)?",
      yes: fits && !overCapacity && r.binding === "memory-bandwidth",
      levers: [L.batch, L.quantW, L.spec, L.moe],
    },
    {
      id: "compute",
      question: "Is the decode step mostly doing math (compute bound)?",
      yes: fits && !overCapacity && r.binding === "compute",
      levers: [L.lowerPrec, L.moe, L.moreGpus],
    },
    {
      id: "communication",
      question: "Is the step mostly waiting for GPUs to talk (communication bound)?",
      yes: fits && !overCapacity && r.binding === "communication",
      levers: [L.fewerTp],
    },
    {
      id: "overhead",
      question: "Is the step mostly fixed overhead (launches, scheduling)?",
      yes: fits && !overCapacity && r.binding === "overhead",
      levers: [L.engine, L.batch],
    },
  ];
  const at = steps.find((s) => s.yes) ?? null;
  return { binding: fits ? r.binding : "does-not-fit", steps, at };
}
