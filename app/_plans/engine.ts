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
import { promiseMemo } from "../_server/promise-memo";
import type { PlanEngine } from "./engine-types";
import { headlineOf, optionsTableOf, summaryOf } from "./plan-result";

// runPlan is pure and the catalog is code: within one process the same input always gives
// the same result, so the last few are kept (as promises, so concurrent requests for one plan share one search).
// Saving the plan just computed, or many saves of one plan at once, then runs the search once instead of once each
// (it takes ~1 s of CPU, on a worker thread: app/_server/plan-pool.ts). A failed search is not kept.
const MEMO_MAX = 8;
const memo = promiseMemo<PlanResult>(MEMO_MAX);
const computeMemo = (input: PlanInput): Promise<PlanResult> => memo.get(canonicalJson(input), () => runPlanJob({ kind: "plan", input }));

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
