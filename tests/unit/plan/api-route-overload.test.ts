/**
 * POST /api/plan under overload: one planner worker and no queue (set before the pool is created), so a second plan
 * that arrives while the first is computing is refused with 503 + Retry-After instead of piling onto the server.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planInputSchema } from "@/lib/plan/schema";
import { slowPlan, SMALL_PLAN } from "../search/helpers";

const KEY = Symbol.for("atlas.planPool");
const g = globalThis as unknown as Record<symbol, { close(): Promise<void> } | undefined>;
await g[KEY]?.close();
delete g[KEY];
process.env.ATLAS_PLAN_WORKERS = "1";
process.env.ATLAS_PLAN_QUEUE_MAX = "0";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-overload-"));
process.env.DATABASE_PATH = path.join(dir, "overload.db");
delete process.env.DATABASE_URL;
const { POST } = await import("../../../app/api/plan/route");
const { POST: SAVE } = await import("../../../app/api/plans/route");
const { planPool, warmPlanPool } = await import("../../../app/_server/plan-pool");
const { GET: HEALTH } = await import("../../../app/api/health/route");

afterAll(async () => {
  await g[KEY]?.close();
  delete g[KEY];
  delete process.env.ATLAS_PLAN_WORKERS;
  delete process.env.ATLAS_PLAN_QUEUE_MAX;
  fs.rmSync(dir, { recursive: true, force: true });
});

const post = (body: unknown) =>
  POST(new Request("http://localhost/api/plan", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }));

describe("warmPlanPool", () => {
  it("starts the planner's one worker thread, answers the default plan on it and leaves it idle", async () => {
    expect(planPool().stats()).toMatchObject({ workers: 0, running: 0, inline: false });
    await warmPlanPool();
    expect(planPool().stats()).toEqual({ workers: 1, running: 0, queued: 0, inline: false, accepted: 1, cancelled: 0, stopped: 0 });
    expect((await HEALTH().json()).planner).toEqual({ threads: 1, started: 1, running: 0, queued: 0, cancelled: 0, stopped: 0, inline: false });
  });
});

describe("POST /api/plan when the planner is busy", () => {
  it("answers the first plan and refuses the one that finds the worker busy and no queue room", async () => {
    // Two different plans (one plan asked twice would share one search: app/_server/plan-cache.ts).
    const other = { ...SMALL_PLAN, traffic: { mode: "peak", peakRequestsPerSecond: 11 } };
    const [first, second] = await Promise.all([post(SMALL_PLAN), post(other)]);
    expect(first.status).toBe(200);
    expect((await first.json()).feasible).toBe(true);
    expect(second.status).toBe(503);
    expect(second.headers.get("retry-after")).toBe("5");
    expect((await second.json()).errors).toEqual([{ field: "(plan)", message: "the planner is busy (0 plans waiting); try again in a few seconds" }]);
    expect(planPool().stats()).toMatchObject({ workers: 1, running: 0, inline: false });
    // Once the worker is free again, the refused plan is answered.
    expect((await post(other)).status).toBe(200);
  });

  it("a save that needs the search while the planner is busy gets 503 + Retry-After, and nothing is saved", async () => {
    // DeepSeek-R1 with MTP drafts: seconds of search, long enough to hold the one worker.
    const slow = planPool().run({
      kind: "plan",
      input: planInputSchema.parse(slowPlan()),
    });
    const res = await SAVE(
      new Request("http://localhost/api/plans", {
        method: "POST",
        body: JSON.stringify({ title: "busy", input: SMALL_PLAN }),
        headers: { "content-type": "application/json" },
      }),
    );
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect((await res.json()).errors[0].message).toMatch(/^the planner is busy/);
    expect((await HEALTH().json()).planner).toMatchObject({ started: 1, running: 1, queued: 0 });
    await slow;
    const list = await (await import("../../../app/api/plans/route")).GET(new Request("http://localhost/api/plans"));
    expect((await list.json()).plans).toEqual([]);
  });
});
