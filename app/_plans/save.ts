import { createPlan, getPlanBySlug, listRecentPlans, PlanNotFoundError } from "@/db/queries";
import type { PlanStore } from "@/db/store";
import { savePlanRequestSchema } from "@/lib/plan/save-request";
import type { PlanEngine } from "./engine-types";
import { errorResponse, json, readJsonBody, zodFieldErrors, type FieldError } from "./http";
import { primeRecompute } from "./recompute";

export interface PlanRouteDeps {
  readonly engine: PlanEngine;
  readonly store: () => Promise<PlanStore>;
}

/**
 * POST /api/plans: validate title/notes and the plan input (all field errors at once),
 * run the plan, store inputs + versions + result snapshot, answer 201 with the slug once
 * the row is committed.
 */
export async function savePlan(req: Request, deps: PlanRouteDeps): Promise<Response> {
  const body = await readJsonBody(req);
  if (!body.ok) return body.response;
  if (body.value === null || typeof body.value !== "object" || Array.isArray(body.value)) {
    return errorResponse(400, "body must be a JSON object", [{ field: "(body)", message: "expected { title, notes, input }" }]);
  }
  const req0 = savePlanRequestSchema.safeParse(body.value);
  const errors: FieldError[] = req0.success ? [] : zodFieldErrors(req0.error.issues);
  const raw = (body.value as { input?: unknown }).input;
  const parsed = raw === undefined ? null : deps.engine.parseInput(raw);
  if (raw === undefined) errors.push({ field: "input", message: "input (the plan input) is required" });
  else if (parsed && !parsed.ok) errors.push(...parsed.errors.map((e) => ({ ...e, field: `input.${e.field}`.replace(/\.$/, "") })));
  if (!req0.success || !parsed || !parsed.ok || errors.length > 0) return errorResponse(400, "invalid plan", errors);

  const store = await deps.store();
  const { title, notes, sourceSlug } = req0.data;
  if (sourceSlug) {
    try {
      await getPlanBySlug(store, { slug: sourceSlug });
    } catch (e) {
      if (e instanceof PlanNotFoundError) {
        return errorResponse(400, "invalid plan", [{ field: "sourceSlug", message: "no saved plan has this slug" }]);
      }
      throw e;
    }
  }
  const result = await deps.engine.compute(parsed.input);
  const { slug, createdAt } = await createPlan(store, {
    title,
    notes,
    input: parsed.input,
    result,
    summary: deps.engine.summarize(parsed.input, result),
    schemaVersion: deps.engine.schemaVersion,
    catalogVersion: deps.engine.catalogVersion,
    sourceSlug: sourceSlug ?? null,
  });
  primeRecompute(slug, deps.engine.headline(result));
  const url = `/p/${slug}`;
  return json({ slug, url, createdAt: createdAt.toISOString() }, 201, { location: url });
}

/** GET /api/plans?limit=N: recent plans, newest first (no inputs or results). */
export async function listPlans(req: Request, deps: Pick<PlanRouteDeps, "store">): Promise<Response> {
  const raw = new URL(req.url).searchParams.get("limit");
  let limit = 50;
  if (raw !== null) {
    limit = Number(raw);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
      return errorResponse(400, "invalid query", [{ field: "limit", message: "limit must be a whole number from 1 to 200" }]);
    }
  }
  const plans = await listRecentPlans(await deps.store(), { limit });
  return json({
    plans: plans.map((p) => ({
      slug: p.slug,
      url: `/p/${p.slug}`,
      title: p.title,
      createdAt: p.createdAt.toISOString(),
      catalogVersion: p.catalogVersion,
      summary: p.summary,
    })),
  });
}
