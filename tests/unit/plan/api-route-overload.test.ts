/**
 * POST /api/plan under overload: one planner worker and no queue (set before the pool is created), so a second plan
 * that arrives while the first is computing is refused with 503 + Retry-After instead of piling onto the server.
 */
import { afterAll, describe, expect, it } from "vitest";
import { SMALL_PLAN } from "../search/helpers";

const KEY = Symbol.for("atlas.planPool");
const g = globalThis as unknown as Record<symbol, { close(): Promise<void> } | undefined>;
await g[KEY]?.close();
delete g[KEY];
process.env.ATLAS_PLAN_WORKERS = "1";
process.env.ATLAS_PLAN_QUEUE_MAX = "0";
const { POST } = await import("../../../app/api/plan/route");
const { planPool } = await import("../../../app/_server/plan-pool");

afterAll(async () => {
  await g[KEY]?.close();
  delete g[KEY];
  delete process.env.ATLAS_PLAN_WORKERS;
  delete process.env.ATLAS_PLAN_QUEUE_MAX;
});

const post = (body: unknown) =>
  POST(new Request("http://localhost/api/plan", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }));

describe("POST /api/plan when the planner is busy", () => {
  it("answers the first plan and refuses the one that finds the worker busy and no queue room", async () => {
    const [first, second] = await Promise.all([post(SMALL_PLAN), post(SMALL_PLAN)]);
    expect(first.status).toBe(200);
    expect((await first.json()).feasible).toBe(true);
    expect(second.status).toBe(503);
    expect(second.headers.get("retry-after")).toBe("5");
    expect((await second.json()).errors).toEqual([{ field: "(plan)", message: "the planner is busy (0 plans waiting); try again in a few seconds" }]);
    expect(planPool().stats()).toMatchObject({ workers: 1, running: 0, inline: false });
    // Once the worker is free again, plans are answered.
    expect((await post(SMALL_PLAN)).status).toBe(200);
  });
});
