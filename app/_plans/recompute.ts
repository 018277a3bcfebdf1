import { isPoolOverload } from "../_server/worker-pool";
import type { SavedPlan } from "@/db/queries";
import type { PlanEngine, PlanHeadline } from "./engine-types";
import type { FieldError } from "./http";

/** What today's catalog and model say about a saved plan's input, next to what was saved. */
export type Recomputed =
  | { readonly status: "same"; readonly saved: PlanHeadline; readonly today: PlanHeadline }
  | { readonly status: "changed"; readonly saved: PlanHeadline; readonly today: PlanHeadline; readonly what: readonly string[] }
  | { readonly status: "input-invalid"; readonly saved: PlanHeadline; readonly issues: readonly FieldError[] }
  | { readonly status: "failed"; readonly saved: PlanHeadline; /** the planner was busy: ask again later */ readonly retry?: true };

/** Relative change in monthly cost below which two answers count as the same (rounding noise). */
const COST_TOLERANCE = 0.005;

export function compareHeadlines(saved: PlanHeadline, today: PlanHeadline): string[] {
  const what: string[] = [];
  if (saved.feasible !== today.feasible) what.push("feasibility");
  if (saved.deployment !== today.deployment) what.push("deployment");
  const a = saved.costUsdPerMonth;
  const b = today.costUsdPerMonth;
  if ((a === null) !== (b === null) || (a !== null && b !== null && Math.abs(b - a) > COST_TOLERANCE * Math.max(Math.abs(a), 1))) {
    what.push("cost");
  }
  return what;
}

// The catalog and model are code: within one server process today's answer for a slug
// never changes, so it is computed once per process and kept (bounded).
const cache = new Map<string, Recomputed>();
const CACHE_MAX = 1000;

function remember(slug: string, r: Recomputed): void {
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(slug, r);
}

/** At save time today's answer is the saved one: no need to run the search again on the first view. */
export function primeRecompute(slug: string, headline: PlanHeadline): void {
  remember(slug, { status: "same", saved: headline, today: headline });
}

export async function recomputeToday(plan: SavedPlan, engine: PlanEngine): Promise<Recomputed> {
  const hit = cache.get(plan.slug);
  if (hit) return hit;
  const saved = engine.headline(plan.result);
  let out: Recomputed;
  const parsed = engine.parseInput(plan.input);
  if (!parsed.ok) out = { status: "input-invalid", saved, issues: parsed.errors };
  else {
    try {
      const today = engine.headline(await engine.compute(parsed.input));
      const what = compareHeadlines(saved, today);
      out = what.length === 0 ? { status: "same", saved, today } : { status: "changed", saved, today, what };
    } catch (e) {
      // A busy planner is not the plan's fault: show the snapshot now, and try again on the next view.
      if (isPoolOverload(e)) return { status: "failed", saved, retry: true };
      console.error(`[atlas] recomputing plan ${plan.slug} failed:`, e);
      out = { status: "failed", saved };
    }
  }
  remember(plan.slug, out);
  return out;
}

/** Tests: forget every remembered answer (a test may change "today's" catalog within one process). */
export function clearRecomputeCache(): void {
  cache.clear();
}
