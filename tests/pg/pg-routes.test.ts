import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCsv, exportJson } from "../../app/_plans/export";
import { listPlans, savePlan, type PlanRouteDeps } from "../../app/_plans/save";
import { createPgStore } from "../../db/store-pg";
import type { PlanStore } from "../../db/store";
import { fakeEngine } from "../unit/plans-api/fake-engine";

const url = process.env.DATABASE_URL ?? "";
const hasPg = /^postgres(ql)?:\/\//.test(url);

describe.skipIf(!hasPg)("plan routes on PostgreSQL", () => {
  let store: PlanStore;
  let deps: PlanRouteDeps;
  beforeAll(async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;");
    await c.end();
    store = await createPgStore({ url, poolSize: 20 });
    deps = { engine: fakeEngine as never, store: async () => store };
  });
  afterAll(async () => store?.close());

  const post = (body: unknown) =>
    new Request("http://x/api/plans", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  it("50 parallel saves through the route all persist", async () => {
    const res = await Promise.all(
      Array.from({ length: 50 }, (_, i) => savePlan(post({ title: `pg ${i}`, input: { model: "m", peakRps: i + 1 } }), deps)),
    );
    expect(res.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(await store.countPlans()).toBe(50);
  });

  it("round-trips a save through JSON and CSV export, with the same bytes", async () => {
    const r = await savePlan(post({ title: "pg <b>bold</b> — ✓", notes: "n", input: { model: "m", peakRps: 3 } }), deps);
    const { slug } = (await r.json()) as { slug: string };
    const doc = (await (await exportJson(new Request("http://x"), slug, deps)).json()) as Record<string, unknown>;
    expect(doc.title).toBe("pg <b>bold</b> — ✓");
    // 3 rps × 1000 = 3000; × 1500 = 4500
    expect(await (await exportCsv(slug, deps)).text()).toBe(
      "rank,option,gpu,count,costUsdPerMonth\r\n1,2× h100-sxm,h100-sxm,2,3000\r\n2,4× a100-80gb,a100-80gb,4,4500\r\n",
    );
    const list = (await (await listPlans(new Request("http://x/api/plans?limit=1"), deps)).json()) as { plans: { slug: string }[] };
    expect(list.plans[0]!.slug).toBe(slug);
  });
});
