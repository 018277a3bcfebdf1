import type { GpuSpec, ModelArch } from "../../../lib/catalog/types";
import type { EstimateFigures, PredictEnv, ScoredRow } from "../../../lib/validation/score";
import type { Regime } from "../../../lib/validation/regimes";
import type { MeasuredRow } from "../../../lib/validation/types";

/** A measured row with defaults; tests override what they exercise. */
export function measured(over: Partial<MeasuredRow> = {}): MeasuredRow {
  return {
    id: "r1",
    hfModel: "org/dense",
    model: "dense-x",
    gpu: "hopper-x",
    engine: "vllm",
    engineVersion: null,
    weights: "bf16",
    isl: 1024,
    osl: 1024,
    concurrency: 16,
    batchSize: null,
    tp: 1,
    pp: 1,
    dp: 1,
    moeTp: null,
    moeEp: null,
    ttftMs: 100,
    tpotMs: 20,
    measured: null,
    source: "test",
    ...over,
  };
}

/** Only the fields the validation reads from a model / GPU. */
export const denseModel = { id: "dense-x", moe: null, attention: { numHeads: 64 } } as unknown as ModelArch;
export const moeModel = { id: "moe-x", moe: { numExperts: 8 }, attention: { numHeads: 128 } } as unknown as ModelArch;
export const hopperGpu = { id: "hopper-x", generation: "hopper", nvlinkDomain: 8 } as unknown as GpuSpec;
export const blackwellGpu = { id: "blackwell-x", generation: "blackwell", nvlinkDomain: 72 } as unknown as GpuSpec;

export function figures(over: Partial<EstimateFigures> = {}): EstimateFigures {
  return {
    ttftMs: 100,
    tpotMs: 20,
    prefillMs: 40,
    fits: true,
    problems: [],
    outputTokensPerSecond: 800,
    outputTokensPerSecondPerGpu: 800,
    tokensPerSecondPerUser: 50,
    maxConcurrency: 64,
    gpusPerReplica: 1,
    ...over,
  };
}

/** A fake catalog + estimator: the estimate is whatever `f` returns for the request. */
export function env(f: (args: Parameters<PredictEnv["estimate"]>[0]) => EstimateFigures): PredictEnv {
  const models = [denseModel, moeModel];
  const gpus = [hopperGpu, blackwellGpu];
  return {
    getModel: (id) => models.find((m) => m.id === id),
    getGpu: (id) => gpus.find((g) => g.id === id),
    estimate: f,
  };
}

const REGIME: Regime = { arch: "dense", batch: "b9-64", context: "ctx-le2k", generation: "hopper", engine: "vllm" };

/** A scored row with given errors in a given regime (measured 20 ms TPOT, 100 ms TTFT). */
export function scored(tpotErr: number | null, ttftErr: number | null, regime: Partial<Regime> = {}): ScoredRow {
  return {
    row: measured(),
    regime: { ...REGIME, ...regime },
    predictedTpotMs: tpotErr === null ? null : 20 * (1 + tpotErr),
    predictedTtftMs: ttftErr === null ? null : 100 * (1 + ttftErr),
    tpotErr,
    ttftErr,
    problem: tpotErr === null ? "estimator: does not fit" : null,
    remapped: null,
  };
}
