import { planInputSchema, type PlanInputRaw } from "../../../lib/plan/schema";
import { buildSpec, type SearchSpec } from "../../../lib/search/spec";

/** A small, fast plan: one model, few GPUs, one engine. */
export const SMALL_PLAN: PlanInputRaw = {
  workload: { model: "llama-3.1-8b", inputTokens: 1000, outputTokens: 200 },
  slo: { ttftP95Ms: 1000, tpotP95Ms: 50 },
  traffic: { mode: "peak", peakRequestsPerSecond: 10 },
  budget: { gpus: ["l4", "h100-sxm"], engines: ["vllm"], precisions: ["bf16", "fp8"], kvPrecisions: ["bf16"] },
};

/** A slow plan: DeepSeek-R1 with MTP drafts on every GPU, seconds of search (to hold a planner thread in tests). */
export function slowPlan(peakRequestsPerSecond = 5): PlanInputRaw {
  return {
    workload: { model: "deepseek-r1", inputTokens: 1000, outputTokens: 1000 },
    slo: { ttftP95Ms: 3000, tpotP95Ms: 20 },
    traffic: { mode: "peak", peakRequestsPerSecond },
    budget: { speculative: ["mtp"] },
  };
}

export function parse(raw: PlanInputRaw) {
  return planInputSchema.parse(raw);
}

export function specWith(over: Partial<SearchSpec>): SearchSpec {
  const base = buildSpec(parse(SMALL_PLAN));
  return { ...base, ...over };
}
