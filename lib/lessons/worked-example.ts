import type { PlanInputRaw } from "../plan/schema";
import { encodePlanUrl } from "../plan/url-state";
import type { Scenario } from "./scenario";

/**
 * Stage 5's worked example: a chat product on the scenario's model and request shape, with targets a person would
 * write down (these are the example's assumptions, not results), opened in the planner with its inputs filled.
 */
export const EXAMPLE_TARGETS = {
  ttftP95Ms: 800,
  tpotP95Ms: 40,
  dailyActiveUsers: 20_000,
  requestsPerUserPerDay: 8,
  peakToAverage: 3,
  maxUsdPerMonth: 40_000,
} as const;

export function workedExamplePlan(s: Scenario): PlanInputRaw {
  return {
    workload: {
      model: s.model,
      inputTokens: Math.min(s.isl, 1_000_000),
      // the example assumes a long tail: p95 twice the mean
      inputTokensP95: Math.min(2 * s.isl, 1_000_000),
      outputTokens: Math.min(s.osl, 200_000),
      outputTokensP95: Math.min(2 * s.osl, 200_000),
    },
    slo: { preset: "custom", ttftP95Ms: EXAMPLE_TARGETS.ttftP95Ms, tpotP95Ms: EXAMPLE_TARGETS.tpotP95Ms },
    traffic: {
      mode: "users",
      dailyActiveUsers: EXAMPLE_TARGETS.dailyActiveUsers,
      requestsPerUserPerDay: EXAMPLE_TARGETS.requestsPerUserPerDay,
      peakToAverage: EXAMPLE_TARGETS.peakToAverage,
    },
    budget: { maxUsdPerMonth: EXAMPLE_TARGETS.maxUsdPerMonth },
  };
}

/** /plan link with the example's inputs as readable parameters. */
export function workedExampleHref(s: Scenario): string {
  return `/plan?${encodePlanUrl(workedExamplePlan(s))}`;
}
