/**
 * POST /api/plan keeps its answers per plan input (app/_server/plan-cache.ts): the planner's job count shows whether
 * a request ran a search or reused one.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "../../../app/api/plan/route";
import { clearPlanAnswers, PLAN_CACHE_MAX } from "../../../app/_server/plan-cache";
import { planPool } from "../../../app/_server/plan-pool";
import { SMALL_PLAN } from "../search/helpers";

const post = (body: unknown) =>
  POST(new Request("http://localhost/api/plan", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }));
const jobs = () => planPool().stats().accepted;
const withRps = (rps: number) => ({ ...SMALL_PLAN, traffic: { mode: "peak", peakRequestsPerSecond: rps } });

beforeEach(() => clearPlanAnswers());

describe("POST /api/plan answers kept per input", () => {
  it("identical requests arriving together run one search and get the same answer", async () => {
    const before = jobs();
    const [a, b] = await Promise.all([post(SMALL_PLAN), post(SMALL_PLAN)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await a.text()).toBe(await b.text());
    expect(jobs() - before).toBe(1);
  });

  it("the same plan spelled differently (key order, a default stated) reuses the answer; another plan searches", async () => {
    const first = await (await post(SMALL_PLAN)).text();
    const before = jobs();
    const { workload, slo, traffic, budget } = SMALL_PLAN;
    const respelled = { budget, traffic: { ...traffic }, slo: { ...slo, preset: "custom" }, workload: { systemPromptTokens: 0, ...workload } };
    const again = await post(respelled);
    expect(await again.text()).toBe(first);
    expect(jobs() - before).toBe(0);
    const other = await post(withRps(12));
    expect(other.status).toBe(200);
    expect(jobs() - before).toBe(1);
    expect(JSON.parse(await other.text()).traffic.peakRequestsPerSecond).toBe(12);
  });

  it("bad input is answered on the request's thread (no job) and never kept", async () => {
    const before = jobs();
    const res = await post({ ...SMALL_PLAN, traffic: { mode: "peak" } });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].field).toBe("traffic.peakRequestsPerSecond");
    expect(jobs() - before).toBe(0);
  });

  it(`keeps the last ${PLAN_CACHE_MAX} plans: the oldest is searched again once more have come`, async () => {
    await post(withRps(1));
    for (let i = 0; i < PLAN_CACHE_MAX; i++) await post(withRps(2 + i));
    const before = jobs();
    await post(withRps(2 + PLAN_CACHE_MAX - 1)); // still kept
    expect(jobs() - before).toBe(0);
    await post(withRps(1)); // pushed out
    expect(jobs() - before).toBe(1);
  });
});
