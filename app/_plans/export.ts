import { getPlanBySlug, PlanNotFoundError, type SavedPlan } from "@/db/queries";
import { toCsv } from "@/lib/plan/csv";
import { PERMALINK_FORMAT_VERSION } from "@/lib/plan/permalink";
import type { PlanRouteDeps } from "./save";
import { errorResponse, json } from "./http";

/** Kind tag of the JSON export, and its own version (bump when its shape changes). */
export const EXPORT_KIND = "atlas-plan";
export const EXPORT_VERSION = 1;

async function load(slug: string, deps: PlanRouteDeps): Promise<SavedPlan | Response> {
  try {
    return await getPlanBySlug(await deps.store(), { slug });
  } catch (e) {
    if (e instanceof PlanNotFoundError) return errorResponse(404, `no saved plan with slug "${slug.slice(0, 40)}"`);
    throw e;
  }
}

/** The whole plan as one JSON document: inputs, result snapshot and the versions that made it. */
export function planExport(p: SavedPlan, today: { schemaVersion: string | number; catalogVersion: string }) {
  return {
    kind: EXPORT_KIND,
    exportVersion: EXPORT_VERSION,
    slug: p.slug,
    title: p.title,
    notes: p.notes,
    createdAt: p.createdAt.toISOString(),
    duplicatedFrom: p.sourceSlug,
    versions: {
      planSchema: p.schemaVersion,
      catalog: p.catalogVersion,
      permalinkFormat: PERMALINK_FORMAT_VERSION,
      todayPlanSchema: String(today.schemaVersion),
      todayCatalog: today.catalogVersion,
    },
    input: p.input,
    result: p.result,
    links: { page: `/p/${p.slug}`, print: `/p/${p.slug}/print`, csv: `/api/plans/${p.slug}/csv` },
  };
}

/** GET /api/plans/[slug] (?download=1 → attachment). */
export async function exportJson(req: Request, slug: string, deps: PlanRouteDeps): Promise<Response> {
  const p = await load(slug, deps);
  if (p instanceof Response) return p;
  const download = new URL(req.url).searchParams.get("download") === "1";
  const headers: Record<string, string> = download
    ? { "content-disposition": `attachment; filename="atlas-plan-${p.slug}.json"` }
    : {};
  return json(planExport(p, deps.engine), 200, headers);
}

/** GET /api/plans/[slug]/csv: the options table of the saved snapshot. */
export async function exportCsv(slug: string, deps: PlanRouteDeps): Promise<Response> {
  const p = await load(slug, deps);
  if (p instanceof Response) return p;
  const { columns, rows } = deps.engine.optionsTable(p.result);
  const body = toCsv(
    ["rank", "option", ...columns.map((c) => c.label)],
    rows.map((r, i) => [i + 1, r.label, ...columns.map((c) => r.cells[c.key])]),
  );
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="atlas-plan-${p.slug}-options.csv"`,
      "cache-control": "no-store",
    },
  });
}
