export * from "./units";
export type { Derivation } from "./derivation";
export type { EstimateResult, MemoryBreakdown, BindingResource } from "./estimate-types";
export { paramsByComponent, type ParamBreakdown } from "./params";
export {
  weightBytes,
  weightBytesPerGpu,
  linearPrecisions,
  type WeightBytes,
  type WeightsPerGpu,
  type LinearPrecisions,
} from "./weights";
export { WEIGHT_BITS, KV_BYTES, bytesPerWeight, computePath, isWeightOnly, peakFlopsFor } from "./precision";
export { kvBytesPerToken, kvBytesForContext, kvElementsPerTokenPerLayer, linearLayerName, linearStateBytesPerLayer } from "./kv";
export { expectedDistinctExperts, touchedExpertFraction } from "./moe";
export { resolveLayout, layoutProblems, type Layout } from "./layout";
export { allReduceTime, collectiveTime, linkFor, INTER_NODE_BANDWIDTH } from "./comm";
export { buildSetup, modelDerived, activationBytes, type Setup } from "./setup";
export { decodeStep, prefill, kvBytesPerSeqPerGpu, linearStatePerSeqPerGpu, type StepBreakdown } from "./step";
export { memoryPerGpu, type MemoryPerGpu } from "./memory";
export { serve, type Serving } from "./serving";
export { servingCost, type Cost } from "./cost";
export {
  ENGINE_PROFILES,
  getEngineProfile,
  profileFor,
  withFactors,
  PRIOR_FACTORS,
  DOCUMENTED_FACTORS,
  generationClass,
  type EngineFactors,
  type EngineProfile,
} from "./engines";
export { engineSettingDefaults, type EngineSettingDefaults } from "./engine-settings";
export { estimateConfig, estimateCore, type EstimateArgs, type EstimateCore } from "./estimate";
export { explainEstimate } from "./explain";
export { paramDerivations } from "./explain-params";
export { CALIBRATION } from "./calibration.generated";
