/**
 * A busy planner, end to end on a real production server: a second `next start` with one planner thread and no queue
 * (ATLAS_PLAN_WORKERS=1, ATLAS_PLAN_QUEUE_MAX=0), so one slow plan makes every other search wait. The plan API answers
 * 503 with Retry-After, saving answers 503 and saves nothing, and a shared link shows the busy page and opens itself
 * again — never a server error. (Unit tests cover the same routes in one module graph; only the built server has the
 * separate route and page chunks that once made these answers a 500 and a 400.)
 */
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { planToken, SAMPLE_PLAN_INPUT } from "../tests/fixtures/sample-plan-input";

const PORT = Number(process.env.E2E_BUSY_PORT ?? 3107);
const BASE = `http://127.0.0.1:${PORT}`;
let server: ChildProcess | null = null;
let dir = "";

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-busy-"));
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(PORT)], {
    env: { ...process.env, DATABASE_PATH: path.join(dir, "busy.db"), DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1", ATLAS_PLAN_WORKERS: "1", ATLAS_PLAN_QUEUE_MAX: "0" },
    stdio: "ignore",
    detached: true,
  });
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      const h = (await (await fetch(`${BASE}/api/health`)).json()) as { planner: { started: number; running: number; queued: number } };
      if (h.planner.started === 1 && h.planner.running === 0 && h.planner.queued === 0) break; // warmed up and idle
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error("the second server did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts a DeepSeek-R1 plan with MTP drafts (seconds of search) and waits until it holds the one thread. */
async function holdPlanner(request: APIRequestContext, rps: number): Promise<{ held: Promise<APIResponse> }> {
  const held = request.post(`${BASE}/api/plan`, {
    data: {
      workload: { model: "deepseek-r1", inputTokens: 1000, outputTokens: 1000, inputTokensP95: 3000, outputTokensP95: 1500 },
      slo: { ttftP95Ms: 3000, tpotP95Ms: 20 },
      traffic: { mode: "peak", peakRequestsPerSecond: rps },
      budget: { speculative: ["mtp"] },
    },
    timeout: 110_000,
  });
  await expect
    .poll(async () => ((await (await request.get(`${BASE}/api/health`)).json()) as { planner: { running: number } }).planner.running, { timeout: 10_000 })
    .toBe(1);
  return { held };
}

test("while the planner is busy: the API answers 503 with Retry-After and saving saves nothing", async ({ request }) => {
  const { held } = await holdPlanner(request, 5.1);
  const plan = await request.post(`${BASE}/api/plan`, { data: { ...SAMPLE_PLAN_INPUT, traffic: { mode: "peak", peakRequestsPerSecond: 3.3 } } });
  expect(plan.status()).toBe(503);
  expect(plan.headers()["retry-after"]).toBe("5");
  expect(await plan.json()).toEqual({ errors: [{ field: "(plan)", message: "the planner is busy (0 plans waiting); try again in a few seconds" }] });
  const save = await request.post(`${BASE}/api/plans`, { data: { title: "busy", input: { ...SAMPLE_PLAN_INPUT, traffic: { mode: "peak", peakRequestsPerSecond: 3.4 } } } });
  expect(save.status()).toBe(503);
  expect(save.headers()["retry-after"]).toBe("5");
  expect((await (await request.get(`${BASE}/api/plans`)).json()).plans).toEqual([]);
  expect((await held).status()).toBe(200);
});

test("while the planner is busy: a shared link shows the busy page, then opens itself again", async ({ page, request }) => {
  const { held } = await holdPlanner(request, 5.2);
  const token = planToken({ ...SAMPLE_PLAN_INPUT, traffic: { mode: "peak", peakRequestsPerSecond: 3.5 } });
  const res = await page.goto(`${BASE}/l/${token}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId("planner-busy")).toContainText("The planner could not compute this plan just now");
  await expect(page.getByTestId("planner-busy")).toContainText("the planner is busy");
  await expect(page.getByTestId("auto-retry")).toContainText(/Trying again by itself in [1-5] s/);
  await page.waitForURL(/\?attempt=2$/, { timeout: 15_000 });
  await held;
  // Once the thread is free the link computes (the page's own retries may still be counting down; one more at most).
  await expect(page.getByTestId("headline-cost")).toBeVisible({ timeout: 30_000 });
});
