/**
 * POST /api/plan drops a search nobody waits for any more (app/_server/plan-cache.ts, app/_server/worker-pool.ts): a
 * request's signal aborts when its client disconnects (Next.js aborts `req.signal` when the response closes), and a
 * search still queued when every client that asked for it has gone never runs. One planner thread, held by a slow
 * plan, so the requests below queue behind it.
 */
import { afterAll, describe, expect, it } from "vitest";
import { planInputSchema } from "@/lib/plan/schema";
import { slowPlan, SMALL_PLAN } from "../search/helpers";

const KEY = Symbol.for("atlas.planPool");
const g = globalThis as unknown as Record<symbol, { close(): Promise<void> } | undefined>;
await g[KEY]?.close();
delete g[KEY];
process.env.ATLAS_PLAN_WORKERS = "1";
process.env.ATLAS_PLAN_QUEUE_MAX = "8";
const { POST } = await import("../../../app/api/plan/route");
const { planPool } = await import("../../../app/_server/plan-pool");
const { clearPlanAnswers } = await import("../../../app/_server/plan-cache");

afterAll(async () => {
  await g[KEY]?.close();
  delete g[KEY];
  delete process.env.ATLAS_PLAN_WORKERS;
  delete process.env.ATLAS_PLAN_QUEUE_MAX;
});

const post = (body: unknown, signal?: AbortSignal) =>
  POST(new Request("http://localhost/api/plan", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" }, signal }));
const withRps = (rps: number) => ({ ...SMALL_PLAN, traffic: { mode: "peak", peakRequestsPerSecond: rps } });

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 2_000 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
}

describe("POST /api/plan when clients leave", () => {
  it("drops a queued search whose only client left, and keeps one another client still waits for", async () => {
    clearPlanAnswers();
    // DeepSeek-R1 with MTP drafts: seconds of search, holding the one thread while the requests below queue.
    const hold = planPool().run({
      kind: "plan",
      input: planInputSchema.parse(slowPlan()),
    });
    await until(() => planPool().stats().running === 1);
    const before = planPool().stats();

    const alone = new AbortController();
    const leaving = new AbortController();
    const staying = new AbortController();
    const b = post(withRps(13), alone.signal);
    const c1 = post(withRps(14), leaving.signal);
    const c2 = post(withRps(14), staying.signal); // the same plan: shares c1's search
    await until(() => planPool().stats().queued === 2);

    alone.abort();
    leaving.abort();
    const bRes = await b;
    expect(bRes.status).toBe(499);
    expect((await bRes.json()).errors).toEqual([{ field: "(plan)", message: "the job was cancelled before it started: everyone waiting for it had gone" }]);
    expect(planPool().stats()).toMatchObject({ running: 1, queued: 1, cancelled: before.cancelled + 1 });

    // c2 still waits, so the search both asked for runs once the thread is free, and both get its answer.
    const [c1Res, c2Res] = await Promise.all([c1, c2]);
    expect([c1Res.status, c2Res.status]).toEqual([200, 200]);
    expect(JSON.parse(await c2Res.text()).traffic.peakRequestsPerSecond).toBe(14);
    await hold;
    expect(planPool().stats()).toMatchObject({ accepted: before.accepted + 2, cancelled: before.cancelled + 1 });

    // The dropped plan was not kept as a failure: asked again, it is searched and answered.
    const again = await post(withRps(13));
    expect(again.status).toBe(200);
    expect(planPool().stats().accepted).toBe(before.accepted + 3);
  });

  it("stops a running search its client left as soon as another plan waits, and serves that plan on the same thread", async () => {
    clearPlanAnswers();
    const input = slowPlan(5.5);
    const before = planPool().stats();
    const leaving = new AbortController();
    const slow = post(input, leaving.signal);
    await until(() => planPool().stats().running === 1);
    leaving.abort();
    await new Promise((r) => setTimeout(r, 200));
    // Nobody else waits: the search goes on (its answer is kept for whoever asks again).
    expect(planPool().stats()).toMatchObject({ running: 1, stopped: before.stopped });

    const other = await post(withRps(15));
    expect(other.status).toBe(200);
    const slowRes = await slow;
    expect(slowRes.status).toBe(499);
    expect((await slowRes.json()).errors[0].message).toBe("the job was stopped: everyone waiting for it had gone, and another job was waiting for its thread");
    expect(planPool().stats()).toMatchObject({ running: 0, queued: 0, workers: 1, stopped: before.stopped + 1, accepted: before.accepted + 2 });
  });

  it("a client who asks again for a search everyone had left gets its answer, not the cancellation", async () => {
    clearPlanAnswers();
    const input = slowPlan(5.6);
    const before = planPool().stats();
    const leaving = new AbortController();
    const slow = post(input, leaving.signal);
    await until(() => planPool().stats().running === 1);
    leaving.abort();
    // Another plan queues (so the abandoned search is stopped), and then the first client comes back.
    const other = post(withRps(16));
    await until(() => planPool().stats().stopped === before.stopped + 1);
    const back = post(input);
    const [o, b] = await Promise.all([other, back]);
    expect(o.status).toBe(200);
    expect(b.status).toBe(200);
    expect(JSON.parse(await b.text()).traffic.peakRequestsPerSecond).toBe(5.6);
    // The abandoned search was stopped for the other plan, then searched again for the client who came back.
    expect(planPool().stats()).toMatchObject({ stopped: before.stopped + 1, accepted: before.accepted + 3 });
    await slow; // its client had gone; whatever it was answered, nobody reads it
  });

  it("a search its client left and came back for before any other plan arrived is not stopped", async () => {
    clearPlanAnswers();
    const input = slowPlan(5.7);
    const before = planPool().stats();
    const leaving = new AbortController();
    void post(input, leaving.signal);
    await until(() => planPool().stats().running === 1);
    leaving.abort();
    const back = post(input); // the same plan again: it joins the running search
    await new Promise((r) => setTimeout(r, 50));
    const other = post(withRps(17)); // now waits behind it without stopping it
    const [b, o] = await Promise.all([back, other]);
    expect([b.status, o.status]).toEqual([200, 200]);
    expect(JSON.parse(await b.text()).traffic.peakRequestsPerSecond).toBe(5.7);
    expect(planPool().stats()).toMatchObject({ stopped: before.stopped, cancelled: before.cancelled, accepted: before.accepted + 2 });
  });
});
