import type { EngineId, GpuSpec } from "../catalog/types";
import { CALIBRATION } from "./calibration.generated";
import { documentedFactorsOf } from "./engine-documented";
import { generationClass, type EngineFactors, type EngineProfile, type GenerationClass } from "./engine-types";

export type { EngineFactors, EngineProfile, GenerationClass } from "./engine-types";
export { generationClass } from "./engine-types";
export { DOCUMENTED_FACTORS, isDocumented, type DocumentedFactor } from "./engine-documented";

/**
 * Physical priors, used where calibration has no rows: the middle of the ranges engines are known to reach
 * (decode bandwidth 60–85 %, prefill matmul 40–70 %, CUDA-graphed steps of a few hundred µs, NVLink collectives of
 * ~10 µs per call).
 */
export const PRIOR_FACTORS: EngineFactors = {
  bwEff: 0.75,
  flopEff: 0.6,
  stepOverheadS: 0.0015,
  layerOverheadS: 0.00002,
  expertOverheadS: 0.000001,
  moeLayerOverheadS: 0.00001,
  seqOverheadS: 0.00000008,
  commEff: 0.7,
  commLatencyS: 0.00001,
  kvMemFraction: 0.9,
  kvMemOfFree: 0,
  kvOutputShare: 1,
  prefillChunkTokens: 8192,
  maxBatchPerRank: Infinity,
  burstFactor: 0.1,
  ttftOverheadS: 0.03,
  dpBalanceSteps: 10,
  prefillFirst: 0,
  overlapSteps: 0,
  mxfp4Fp8Activations: 0,
};

/** The factors an engine starts from before calibration: the physical priors, overridden by what it documents. */
export function baseFactors(engine: EngineId, generation: GenerationClass = "hopper"): EngineFactors {
  return { ...PRIOR_FACTORS, ...documentedFactorsOf(engine, generation) };
}

const KV_FP8_DEFAULT: Readonly<Record<EngineId, boolean>> = { trtllm: true, vllm: false, sglang: false };

export const ENGINE_IDS_MODEL: readonly EngineId[] = ["vllm", "sglang", "trtllm"];
const CLASSES: readonly GenerationClass[] = ["hopper", "blackwell"];

function build(engine: EngineId, generation: GenerationClass): EngineProfile {
  const key = `${engine}:${generation}`;
  const fitted = CALIBRATION.factors[key];
  return {
    engine,
    generation,
    factors: { ...baseFactors(engine, generation), ...(fitted ?? {}), ...documentedFactorsOf(engine, generation) },
    kvFp8ByDefault: KV_FP8_DEFAULT[engine],
    origin: fitted ? "fitted" : "default",
  };
}

/** Every engine × generation-class profile, built once from the priors and the committed calibration. */
export const ENGINE_PROFILES: readonly EngineProfile[] = ENGINE_IDS_MODEL.flatMap((e) => CLASSES.map((g) => build(e, g)));

const BY_KEY = new Map<string, EngineProfile>(ENGINE_PROFILES.map((p) => [`${p.engine}:${p.generation}`, p]));

/** Profile by "engine" (Hopper class) or "engine:generation". Undefined for an unknown id. */
export function getEngineProfile(id: string, generation: GenerationClass = "hopper"): EngineProfile | undefined {
  if (id.includes(":")) return BY_KEY.get(id);
  return BY_KEY.get(`${id}:${generation}`);
}

const BY_ENGINE: Readonly<Record<string, Readonly<Record<GenerationClass, EngineProfile>>>> = Object.fromEntries(
  ENGINE_IDS_MODEL.map((e) => [e, { hopper: BY_KEY.get(`${e}:hopper`)!, blackwell: BY_KEY.get(`${e}:blackwell`)! }]),
);

const GIB = 2 ** 30;

/**
 * vLLM's scheduler defaults depend on the GPU (vllm/engine/arg_utils.py, get_batch_defaults, OpenAI server): with 70 GiB
 * of memory or more and a name without "a100" it schedules max_num_batched_tokens = 8192 and max_num_seqs = 1024,
 * otherwise 2048 and 256 ("setting large max_num_batched_tokens for A100 reduces throughput", vLLM PR #17885).
 */
export function vllmBatchDefaults(gpu: GpuSpec): { prefillChunkTokens: number; maxBatchPerRank: number } {
  const large = gpu.memory >= 70 * GIB && !/a100/i.test(`${gpu.id} ${gpu.name}`);
  return large ? { prefillChunkTokens: 8192, maxBatchPerRank: 1024 } : { prefillChunkTokens: 2048, maxBatchPerRank: 256 };
}

const VLLM_BY_GPU = new WeakMap<GpuSpec, EngineProfile>();

/** The profile an estimate uses: the engine's, for the GPU's generation class (and, for vLLM, the GPU's batch defaults). */
export function profileFor(engine: EngineId, gpu: GpuSpec): EngineProfile {
  const byGen = BY_ENGINE[engine];
  if (!byGen) throw new Error(`no engine profile for ${engine}`);
  const base = byGen[generationClass(gpu.generation)];
  if (engine !== "vllm") return base;
  let p = VLLM_BY_GPU.get(gpu);
  if (!p) {
    p = withFactors(base, vllmBatchDefaults(gpu));
    VLLM_BY_GPU.set(gpu, p);
  }
  return p;
}

/** A profile with factors overridden (calibration and tests use this). */
export function withFactors(base: EngineProfile, f: Partial<EngineFactors>): EngineProfile {
  return { ...base, factors: { ...base.factors, ...f } };
}

/** Engine settings a user may state in place of the engine's defaults; absent (undefined or null): the engine's own. */
export interface StatedEngineSettings {
  readonly memFraction?: number | null;
  readonly prefillChunkTokens?: number | null;
  readonly maxBatch?: number | null;
  readonly requestOverheadMs?: number | null;
}

/**
 * The profile with the settings a request or a plan states in place of the engine's defaults (memFraction →
 * kvMemFraction, prefillChunkTokens, maxBatch → maxBatchPerRank, requestOverheadMs → t_0); the same object when it
 * states none. The one mapping estimateConfig and the planner's fast path share.
 */
export function withStatedSettings(base: EngineProfile, s: StatedEngineSettings): EngineProfile {
  const f: Partial<EngineFactors> = {
    ...(s.memFraction != null ? { kvMemFraction: s.memFraction } : {}),
    ...(s.prefillChunkTokens != null ? { prefillChunkTokens: s.prefillChunkTokens } : {}),
    ...(s.maxBatch != null ? { maxBatchPerRank: s.maxBatch } : {}),
    ...(s.requestOverheadMs != null ? { ttftOverheadS: s.requestOverheadMs / 1e3 } : {}),
  };
  return Object.keys(f).length === 0 ? base : withFactors(base, f);
}
