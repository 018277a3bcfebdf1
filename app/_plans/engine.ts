/**
 * The plan routes' seam to the planner: the shared plan schema (lib/plan/schema.ts),
 * the search (lib/search runPlan) and readers of its PlanResult (./plan-result.ts).
 */
import { CATALOG_VERSION } from "@/lib/catalog";
import { decodePlanPermalink, encodePlanPermalink } from "@/lib/plan/permalink";
import { canonicalJson } from "@/lib/plan/permalink-codec";
import { parsePlanInput, PLAN_SCHEMA_VERSION, type PlanInput } from "@/lib/plan/schema";
import type { PlanResult } from "@/lib/search/types";
import { runPlanJob } from "../_server/plan-pool";
import type { PlanEngine } from "./engine-types";
import { headlineOf, optionsTableOf, summaryOf } from "./plan-result";

// runPlan is pure and the catalog is code: within one process the same input always gives
// the same result, so the last few are kept (as promises, so concurrent requests for one plan share one search).
// Saving the plan just computed, or many saves of one plan at once, then runs the search once instead of once each
// (it takes ~1 s of CPU, on a worker thread: app/_server/plan-pool.ts). A failed search is not kept.
const MEMO_MAX = 8;
const memo = new Map<string, Promise<PlanResult>>();
function computeMemo(input: PlanInput): Promise<PlanResult> {
  const key = canonicalJson(input);
  const hit = memo.get(key);
  if (hit) return hit;
  const r = runPlanJob({ kind: "plan", input });
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
  memo.set(key, r);
  r.catch(() => {
    if (memo.get(key) === r) memo.delete(key);
  });
  return r;
}

export const planEngine: PlanEngine<PlanInput, PlanResult> = {
  schemaVersion: PLAN_SCHEMA_VERSION,
  catalogVersion: CATALOG_VERSION,
  parseInput: (raw) => parsePlanInput(raw),
  decodeLink: (token) => decodePlanPermalink(token),
  encodeLink: (input) => encodePlanPermalink(input),
  compute: computeMemo,
  summarize: (_input, result) => summaryOf(result),
  headline: headlineOf,
  optionsTable: optionsTableOf,
};
