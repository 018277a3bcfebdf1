/**
 * POST /api/plan — body: a plan input (lib/plan/schema.ts). 200: the PlanResult the page shows.
 * 400: { errors: [{ field, message }] } naming each bad field; 413: body over 256 KiB; never 500.
 * POST /api/plan?explain=<candidate id> — the same body; 200: { candidate } in full with derivations, 404 if unknown.
 */
import { explainPlanCandidate, parsePlanBody, PLAN_BODY_LIMIT_BYTES, runPlanRequest } from "@/lib/run-plan";

export const dynamic = "force-dynamic";

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });

export async function POST(req: Request): Promise<Response> {
  try {
    const declared = Number(req.headers.get("content-length") ?? "0");
    if (declared > PLAN_BODY_LIMIT_BYTES) {
      return json({ errors: [{ field: "(body)", message: `the request body is over ${PLAN_BODY_LIMIT_BYTES / 1024} KiB` }] }, 413);
    }
    const body = parsePlanBody(await req.text());
    if (!body.ok) return json({ errors: body.errors }, body.status);
    const explain = new URL(req.url).searchParams.get("explain");
    if (explain !== null) {
      const r = explainPlanCandidate(body.value, explain);
      return r.ok ? json({ candidate: r.candidate }, 200) : json({ errors: r.errors }, r.status);
    }
    const r = runPlanRequest(body.value);
    return r.ok ? json(r.result, 200) : json({ errors: r.errors }, r.status);
  } catch (e) {
    return json({ errors: [{ field: "(request)", message: e instanceof Error ? e.message : "the request could not be read" }] }, 400);
  }
}
