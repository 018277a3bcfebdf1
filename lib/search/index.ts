export { runPlan, QUEUEING_MODEL, type RunPlanOptions } from "./run-plan";
export { SearchStopped } from "./search";
export { erlangB, erlangC, mgcWait, waitQuantile } from "./queueing";
export { paretoIndices } from "./pareto";
export { CONCURRENCY_GRID, enumerateLayouts, layoutLabel } from "./enumerate";
export { PRECISION_QUALITY, KV_QUALITY, ENGINE_NAMES, deploymentLabel } from "./labels";
export type * from "./types";
export { explainCandidate } from "./explain-candidate";
