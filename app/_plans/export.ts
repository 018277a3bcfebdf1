import { getPlanBySlug, isSlug, PlanNotFoundError, type SavedPlan } from "@/db/queries";
import type { PlanRecord } from "@/db/store";
import { toCsv } from "@/lib/plan/csv";
import { PERMALINK_FORMAT_VERSION } from "@/lib/plan/permalink";
import type { PlanRouteDeps } from "./save";
import { errorResponse } from "./http";

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

/**
 * The whole plan as one JSON document: inputs, result snapshot and the versions that made
 * it. Built around the stored JSON texts, so the export carries exactly the bytes that were
 * saved and a ~0.5 MB result is never parsed and re-serialised just to be sent.
 */
export function planExportJson(p: PlanRecord, today: { schemaVersion: string | number; catalogVersion: string }): string {
  const head = {
    kind: EXPORT_KIND,
    exportVersion: EXPORT_VERSION,
    slug: p.slug,
    title: p.title,
    notes: p.notes,
    createdAt: new Date(p.createdAtMs).toISOString(),
    duplicatedFrom: p.sourceSlug,
    versions: {
      planSchema: p.schemaVersion,
      catalog: p.catalogVersion,
      permalinkFormat: PERMALINK_FORMAT_VERSION,
      todayPlanSchema: String(today.schemaVersion),
      todayCatalog: today.catalogVersion,
    },
  };
  const links = { page: `/p/${p.slug}`, print: `/p/${p.slug}/print`, csv: `/api/plans/${p.slug}/csv` };
  return `${JSON.stringify(head).slice(0, -1)},"input":${p.inputJson},"result":${p.resultJson},"links":${JSON.stringify(links)}}`;
}

/** GET /api/plans/[slug] (?download=1 → attachment). */
export async function exportJson(req: Request, slug: string, deps: PlanRouteDeps): Promise<Response> {
  const rec = isSlug(slug) ? await (await deps.store()).getPlan(slug) : null;
  if (!rec) return errorResponse(404, `no saved plan with slug "${slug.slice(0, 40)}"`);
  const download = new URL(req.url).searchParams.get("download") === "1";
  const headers: Record<string, string> = {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    ...(download ? { "content-disposition": `attachment; filename="atlas-plan-${rec.slug}.json"` } : {}),
  };
  return new Response(planExportJson(rec, deps.engine), { status: 200, headers });
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
