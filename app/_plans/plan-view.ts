import "server-only";
import { FROM_PARAM } from "@/lib/plan/lineage";
import { PERMALINK_PARAM } from "@/lib/plan/permalink";
import type { OptionColumn, OptionRow, PlanHeadline } from "./engine-types";
import { planEngine } from "./engine";
import { loadPlanOr404 } from "./load";
import { recomputeToday, type Recomputed } from "./recompute";
import { findPlanSource, type PlanSource } from "./source";

/** Everything /p/[slug] shows, derived once from the saved row. */
export interface PlanView {
  readonly slug: string;
  readonly title: string;
  readonly notes: string;
  readonly createdAt: Date;
  readonly sourceSlug: string | null;
  /** The plan this one was copied from, with its title; null when it is not a copy or the original is not here. */
  readonly source: PlanSource | null;
  readonly schemaVersion: string;
  readonly catalogVersion: string;
  readonly input: unknown;
  readonly saved: PlanHeadline;
  readonly today: Recomputed;
  readonly columns: readonly OptionColumn[];
  readonly rows: readonly OptionRow[];
  readonly editHref: string;
}

// Saved plans never change and today's answer is fixed for the life of the process, so the
// view of a plan is built once (row read, ~0.5 MB of result JSON parsed, input re-validated,
// link encoded) and then served from memory: the permalink read path is a map lookup + render.
const views = new Map<string, PlanView>();
const VIEWS_MAX = 500;

export async function loadPlanView(slug: string): Promise<PlanView> {
  const hit = views.get(slug);
  if (hit) {
    views.delete(slug); // refresh its place in the LRU order
    views.set(slug, hit);
    return hit;
  }
  const plan = await loadPlanOr404(slug);
  const parsed = planEngine.parseInput(plan.input);
  const { columns, rows } = planEngine.optionsTable(plan.result);
  // Plans are immutable and never deleted, so the original's title can be cached with the copy's view.
  const source = plan.sourceSlug ? await findPlanSource(plan.sourceSlug) : null;
  const view: PlanView = {
    slug: plan.slug,
    title: plan.title,
    notes: plan.notes,
    createdAt: plan.createdAt,
    sourceSlug: plan.sourceSlug,
    source,
    schemaVersion: plan.schemaVersion,
    catalogVersion: plan.catalogVersion,
    input: plan.input,
    saved: planEngine.headline(plan.result),
    today: await recomputeToday(plan, planEngine),
    columns,
    rows,
    editHref: parsed.ok ? `/plan?${PERMALINK_PARAM}=${planEngine.encodeLink(parsed.input)}&${FROM_PARAM}=${plan.slug}` : "/plan",
  };
  // A view whose recompute met a busy planner is not kept: the next view asks again.
  if (view.today.status === "failed" && view.today.retry) return view;
  if (views.size >= VIEWS_MAX) views.delete(views.keys().next().value!);
  views.set(slug, view);
  return view;
}
