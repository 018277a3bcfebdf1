/**
 * The planner jobs a worker thread runs (./plan-worker.ts), and the same functions the server runs in-process when
 * no worker can be started (./plan-pool.ts). Each takes and returns plain data, so it crosses the thread boundary
 * by structured clone.
 */
import { runPlanRequest, type PlanOutcome } from "@/lib/run-plan";
import type { PlanInput } from "@/lib/plan/schema";
import { runPlan } from "@/lib/search";
import type { PlanResult } from "@/lib/search/types";

export type PlanJob =
  | { readonly kind: "request"; readonly raw: unknown }
  | { readonly kind: "plan"; readonly input: PlanInput };

export interface PlanJobResult {
  request: PlanOutcome;
  plan: PlanResult;
}

export function runJob(job: PlanJob): PlanJobResult[PlanJob["kind"]] {
  switch (job.kind) {
    case "request":
      return runPlanRequest(job.raw);
    case "plan":
      return runPlan(job.input);
  }
}
