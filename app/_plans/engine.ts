/**
 * The plan routes' seam to the planner: the shared plan schema (lib/plan/schema.ts),
 * the search (lib/search runPlan) and readers of its PlanResult (./plan-result.ts).
 */
import { CATALOG_VERSION } from "@/lib/catalog";
import { decodePlanPermalink, encodePlanPermalink } from "@/lib/plan/permalink";
import { parsePlanInput, PLAN_SCHEMA_VERSION, type PlanInput } from "@/lib/plan/schema";
import { runPlan } from "@/lib/search";
import type { PlanResult } from "@/lib/search/types";
import type { PlanEngine } from "./engine-types";
import { headlineOf, optionsTableOf, summaryOf } from "./plan-result";

export const planEngine: PlanEngine<PlanInput, PlanResult> = {
  schemaVersion: PLAN_SCHEMA_VERSION,
  catalogVersion: CATALOG_VERSION,
  parseInput: (raw) => parsePlanInput(raw),
  decodeLink: (token) => decodePlanPermalink(token),
  encodeLink: (input) => encodePlanPermalink(input),
  compute: (input) => runPlan(input),
  summarize: (_input, result) => summaryOf(result),
  headline: headlineOf,
  optionsTable: optionsTableOf,
};
