export type { MeasuredRow, PublicRow, PublicMetric, MeasurementsProvenance } from "./types";
export { relativeError, median, mdape, shareWithin, summarize, BAND, type ErrorSummary } from "./stats";
export {
  batchBucket,
  contextBucket,
  groupId,
  groupLabel,
  FALLBACK_CHAIN,
  type Regime,
  type RegimeGroup,
  type RegimeDim,
} from "./regimes";
export { scoreRow, scoreRows, rowInput, harnessRunOf, distinctMeasuredRuns, type PredictEnv, type ScoredRow, type EstimateFigures } from "./score";
export {
  CONFIDENCE_RULES,
  levelOf,
  buildConfidenceTable,
  lookupConfidence,
  toBadgeTable,
  judgementSummary,
  type JudgementSummary,
  type BadgeTable,
  type BadgeRegime,
  type ConfidenceTable,
  type ConfidenceAnswer,
  type RegimeStats,
} from "./confidence";
export { knownFailureModes, throughputOvershoot, unpredictedReasons, type FailureMode } from "./failure-modes";
export {
  comparePublicRow,
  summarizePublic,
  summarizePublicByGpu,
  predictedMetric,
  UNSTATED_BATCH_CAP,
  METRIC_LABELS,
  type PublicComparison,
  type PublicGpuSummary,
} from "./public-compare";
export { LIVE_ENV, liveValidation, livePublic, confidenceTable, badgeTable, confidenceFor, confidenceForInput } from "./live";
export { publishedByRegime, THROUGHPUT_METRICS, type PublishedRegime, type PublishedRegimes } from "./published-regimes";
export {
  confidenceFromTable,
  confidenceFromTableForInput,
  regimeOf,
  type ConfidenceQuery,
  type ConfidenceInput,
} from "./lookup";
export { repeatability, setupKey, type Repeatability, type RepeatRow } from "./repeatability";
