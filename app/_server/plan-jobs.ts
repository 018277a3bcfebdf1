/**
 * The planner jobs a worker thread runs (./plan-worker.ts), and the same functions the server runs in-process when
 * no worker can be started (./plan-pool.ts). Each takes and returns plain data, so it crosses the thread boundary
 * by structured clone. A plan request's answer comes back as its response text: a string crosses the boundary far
 * faster than the ~0.3 MB object graph of a PlanResult, and the request thread then has nothing left to serialise.
 */
import { runPlanRequest } from "@/lib/run-plan";
import type { PlanInput } from "@/lib/plan/schema";
import { runPlan } from "@/lib/search";
import type { PlanResult } from "@/lib/search/types";

/** The response of one `POST /api/plan`: status and JSON text. */
export interface PlanAnswer {
  readonly status: number;
  readonly body: string;
}

export type PlanJob =
  | { readonly kind: "request"; readonly raw: unknown }
  | { readonly kind: "plan"; readonly input: PlanInput };

export interface PlanJobResult {
  request: PlanAnswer;
  plan: PlanResult;
}

/** `shouldStop`: asked during the search; true throws SearchStopped (lib/search/search.ts) out of the job. */
export function runJob(job: PlanJob, shouldStop?: () => boolean): PlanJobResult[PlanJob["kind"]] {
  switch (job.kind) {
    case "request": {
      const r = runPlanRequest(job.raw, { shouldStop });
      return r.ok ? { status: 200, body: JSON.stringify(r.result) } : { status: r.status, body: JSON.stringify({ errors: r.errors }) };
    }
    case "plan":
      return runPlan(job.input, { shouldStop });
  }
}
