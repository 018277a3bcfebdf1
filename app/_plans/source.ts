import "server-only";
import { getStore } from "@/db/queries";
import type { PlanStore } from "@/db/store";
import { parseFromParam } from "@/lib/plan/lineage";

/** The saved plan a copy came from, as the planner and /p/[slug] name it. */
export interface PlanSource {
  readonly slug: string;
  readonly title: string;
}

/**
 * `from` (a query value, or a stored sourceSlug) → the original plan's slug and title, or null when the value is
 * not a well-formed slug or no saved plan has it (a link from another Atlas, or a database that was reset). Reads
 * only the row (no result JSON is parsed). A store that cannot be reached also gives null, after a log line: lineage
 * is a nicety, and the planner must open without it.
 */
export async function findPlanSource(raw: unknown, store: () => Promise<PlanStore> = getStore): Promise<PlanSource | null> {
  const slug = parseFromParam(raw);
  if (!slug) return null;
  try {
    const row = await (await store()).getPlan(slug);
    return row ? { slug: row.slug, title: row.title } : null;
  } catch (e) {
    console.error(`atlas: could not look up the source plan ${slug}:`, e);
    return null;
  }
}
