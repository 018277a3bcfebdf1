import { getStore } from "@/db/queries";
import { planEngine } from "../../_plans/engine";
import { guard } from "../../_plans/http";
import { listPlans, savePlan } from "../../_plans/save";

export const dynamic = "force-dynamic";

const deps = { engine: planEngine, store: getStore };

/** Save a plan: { title, notes?, input, sourceSlug? } → 201 { slug, url, createdAt }. */
export function POST(req: Request): Promise<Response> {
  return guard("saving the plan", () => savePlan(req, deps));
}

/** Recent plans, newest first: ?limit=1..200 (default 50). */
export function GET(req: Request): Promise<Response> {
  return guard("listing plans", () => listPlans(req, deps));
}
