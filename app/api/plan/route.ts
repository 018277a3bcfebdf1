/**
 * POST /api/plan — body: a plan input (lib/plan/schema.ts). 200: the PlanResult the page shows.
 * 400: { errors: [{ field, message }] } naming each bad field; 413: body over 256 KiB; never 500.
 * POST /api/plan?explain=<candidate id> — the same body; 200: { candidate } in full with derivations, 404 if unknown.
 * 503 + Retry-After when the planner's queue is full or a plan overran its time limit (app/_server/plan-pool.ts).
 * The search runs on a worker thread, so a long plan does not stall other requests; the last answers are kept per
 * input (app/_server/plan-cache.ts), so a shared plan opened many times is searched once. When its client disconnects
 * and no other client waits for the same plan, a search still queued is dropped unstarted, and a running one yields
 * its thread as soon as another plan waits (499 to nobody).
 */
import { overloadResponse } from "@/app/_server/plan-pool";
import { isPoolCancelled, isPoolWorkerError } from "@/app/_server/worker-pool";
import { parsePlanInput } from "@/lib/plan/schema";
import { explainPlanCandidate, parsePlanBody, PLAN_BODY_LIMIT_BYTES } from "@/lib/run-plan";
import { planAnswer } from "@/app/_server/plan-cache";

export const dynamic = "force-dynamic";

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };
const json = (body: unknown, status: number) => new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });

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
      // One candidate's estimate (~1–2 ms): answered here, not queued behind other plans' searches.
      const r = explainPlanCandidate(body.value, explain);
      return r.ok ? json({ candidate: r.candidate }, 200) : json({ errors: r.errors }, r.status);
    }
    // Validated here too: bad input is answered at once, and the valid input keys the answers kept per plan.
    const parsed = parsePlanInput(body.value);
    if (!parsed.ok) return json({ errors: parsed.errors }, 400);
    const answer = await planAnswer(parsed.input, body.value, req.signal);
    return new Response(answer.body, { status: answer.status, headers: JSON_HEADERS });
  } catch (e) {
    const overloaded = overloadResponse(e);
    if (overloaded) return overloaded;
    // Nobody reads this answer: the client has gone (499, as proxies log a request its client closed).
    if (isPoolCancelled(e)) return json({ errors: [{ field: "(plan)", message: e.message }] }, 499);
    if (isPoolWorkerError(e)) return json({ errors: [{ field: "(plan)", message: e.message }] }, 422);
    return json({ errors: [{ field: "(request)", message: e instanceof Error ? e.message : "the request could not be read" }] }, 400);
  }
}
