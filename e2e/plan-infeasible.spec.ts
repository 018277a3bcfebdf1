/**
 * Infeasible journey: targets nothing can meet end in nearest misses and what to relax, never an empty page; and the
 * budget step's engine settings (serving-stack latency, batch limit) that change what is feasible.
 */
import { expect, test } from "@playwright/test";
import { PlanPage } from "./pages/plan-page";

test("impossible targets end in what-to-relax advice", async ({ page }) => {
  test.setTimeout(120_000); // a cold server and a 2-core machine
  const plan = new PlanPage(page);
  await plan.goto("model=llama-3.1-405b&rps=50&ttft95=80&tpot95=4&budget=5000&gpus=h100-sxm,a100-80gb&step=4");
  await plan.submit();
  await expect(page.getByRole("heading", { name: "Nothing meets every target" })).toBeVisible();
  await expect(plan.summary()).toContainText("No option meets every target");
  const advice = plan.relaxAdvice();
  await expect(advice.first()).toBeVisible();
  await expect(advice.first()).toContainText(/Loosen|Raise|Allow|Drop|State your serving stack|No single change/);
  // The nearest misses are shown with what they miss.
  await expect(plan.rows().first()).toBeVisible();
  await expect(plan.cards().first()).toContainText(/over the/);
});

test("a stated serving-stack latency replaces the engines' calibrated one", async ({ page }) => {
  test.setTimeout(120_000);
  const plan = new PlanPage(page);
  // SGLang alone, a 150 ms p95 first token: its calibrated serving-stack latency alone is over that
  await plan.goto("model=llama-3.1-8b&rps=10&ttft95=150&tpot95=50&engines=sglang&gpus=h100-sxm&step=4");
  await plan.submit();
  await expect(page.getByRole("heading", { name: "Nothing meets every target" })).toBeVisible();
  // a stack measured at 10 ms: the same search finds options, and the address keeps the value
  await plan.setNumber("Serving-stack latency", 10);
  await plan.submit();
  await expect(plan.summary()).not.toContainText("No option meets every target");
  await expect(plan.rows().first()).toBeVisible();
  await expect(page).toHaveURL(/overhead=10/);
});

test("a stated batch limit caps every option's batch and is said in the assumptions", async ({ page }) => {
  test.setTimeout(120_000);
  const plan = new PlanPage(page);
  await plan.goto("model=llama-3.1-8b&rps=40&ttft95=5000&tpot95=200&engines=vllm&gpus=h100-sxm&step=4");
  await plan.submit();
  await expect(plan.rows().first()).toBeVisible();
  await expect(page.getByText(/engine's default batch limit per attention-DP rank \(vLLM 1,024\)/)).toBeVisible();
  await plan.setNumber("Batch limit", 16);
  await plan.submit();
  await expect(page.getByText("Every engine runs at most 16 requests at once per attention-DP rank", { exact: false })).toBeVisible();
  await expect(page).toHaveURL(/batch=16/);
  await expect(plan.rows().first()).toBeVisible();
});

test("a busy planner (503) is asked again after its Retry-After, with the wait shown; no field is marked", async ({ page }) => {
  test.setTimeout(120_000);
  const plan = new PlanPage(page);
  await plan.goto("model=llama-3.1-8b&rps=2&ttft95=1000&tpot95=50&gpus=h100-sxm&step=4");
  // The server's answer when every planner thread is busy and the queue is full (app/_server/plan-pool.ts), once.
  const busy = { errors: [{ field: "(plan)", message: "the planner is busy (32 plans waiting); try again in a few seconds" }] };
  await page.route("**/api/plan", (route) => route.fulfill({ status: 503, contentType: "application/json", headers: { "retry-after": "2" }, body: JSON.stringify(busy) }), { times: 1 });
  await page.getByRole("button", { name: "Find deployments" }).click();
  const notice = page.getByTestId("searching-retry");
  await expect(notice).toContainText("The planner answered 503: the planner is busy (32 plans waiting); try again in a few seconds. Asking again");
  await expect(notice).toContainText("(attempt 2 of 3)");
  await expect(notice).toContainText(/in [12] s/);
  await expect(page.locator("[aria-invalid=true]")).toHaveCount(0);
  // The second attempt reaches the real planner: results, no click needed, no error left.
  await expect(plan.rows().first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator("p[role=alert]")).toHaveCount(0);
  await expect(notice).toHaveCount(0);
});

test("a planner busy at every attempt is reported after three, inputs kept; Stop ends the waiting between attempts", async ({ page }) => {
  test.setTimeout(120_000);
  const plan = new PlanPage(page);
  await plan.goto("model=llama-3.1-8b&rps=2&ttft95=1000&tpot95=50&gpus=h100-sxm&step=4");
  const busy = { errors: [{ field: "(plan)", message: "the plan did not finish within 120 s and was stopped" }] };
  let asked = 0;
  let retryAfter = "1";
  await page.route("**/api/plan", (route) => {
    asked++;
    return route.fulfill({ status: 503, contentType: "application/json", headers: { "retry-after": retryAfter }, body: JSON.stringify(busy) });
  });
  await page.getByRole("button", { name: "Find deployments" }).click();
  const alert = page.locator("p[role=alert]");
  await expect(alert).toHaveText("The planner could not answer now (HTTP 503): the plan did not finish within 120 s and was stopped. Tried 3 times; your inputs are kept.", { timeout: 15_000 });
  expect(asked).toBe(3);
  await expect(page.getByTestId("searching")).toHaveCount(0);
  await expect(page.locator("[aria-invalid=true]")).toHaveCount(0);
  await expect(page).toHaveURL(/rps=2/);

  // Again, with a longer Retry-After, and Stop while the page waits to ask again: no further request is sent.
  retryAfter = "6";
  await page.getByRole("button", { name: "Find deployments" }).click();
  await expect(page.getByTestId("searching-retry")).toBeVisible();
  await page.getByTestId("searching").getByRole("button", { name: "Stop" }).click();
  await expect(alert).toHaveText("Search stopped. Your inputs are kept.");
  const after = asked;
  await page.waitForTimeout(7_000);
  expect(asked).toBe(after);
  expect(after).toBe(4);
});

test("a slow search shows the seconds it has taken and can be stopped; the inputs stay and a new search runs", async ({ page }) => {
  test.setTimeout(120_000);
  const plan = new PlanPage(page);
  await plan.goto("model=llama-3.1-8b&rps=3&ttft95=1000&tpot95=50&gpus=h100-sxm&step=4");
  // Hold the planner's answer back for 4 s, as a large search would take.
  await page.route("**/api/plan", async (route) => {
    await new Promise((r) => setTimeout(r, 4000));
    await route.continue().catch(() => undefined);
  }, { times: 1 });
  await page.getByRole("button", { name: "Find deployments" }).click();
  await expect(page.getByTestId("searching-seconds")).toHaveText(/^[12] s$/, { timeout: 3_000 });
  await page.getByTestId("searching").getByRole("button", { name: "Stop" }).click();
  await expect(page.getByTestId("searching")).toHaveCount(0);
  await expect(page.locator("p[role=alert]")).toHaveText("Search stopped. Your inputs are kept.");
  await expect(plan.rows()).toHaveCount(0);
  await page.waitForTimeout(4500); // the held answer arrives after the stop and must not be shown
  await expect(plan.rows()).toHaveCount(0);
  await expect(page).toHaveURL(/rps=3/);
  await plan.submit();
  await expect(plan.rows().first()).toBeVisible();
});

test("Stop reaches the server: the abandoned search yields the planner's thread to the next plan", async ({ page, request }) => {
  test.setTimeout(120_000);
  const plan = new PlanPage(page);
  const health = async () => (await (await request.get("/api/health")).json()).planner as { running: number; queued: number; stopped: number };
  // The start-up warm-up (instrumentation.ts) done and nothing else searching.
  await expect.poll(async () => { const h = await health(); return h.running + h.queued; }, { timeout: 60_000 }).toBe(0);
  // DeepSeek-R1 with MTP drafts on every GPU: seconds of search on one planner thread.
  await plan.goto("model=deepseek-r1&isl=1000&isl95=3000&osl=1000&osl95=1500&rps=5.25&ttft95=3000&tpot95=20&spec=mtp&step=4");
  const before = await health();
  await page.getByRole("button", { name: "Find deployments" }).click();
  await expect(page.getByTestId("searching")).toBeVisible();
  await expect.poll(async () => (await health()).running, { timeout: 10_000 }).toBe(1);
  await page.getByTestId("searching").getByRole("button", { name: "Stop" }).click();
  await expect(page.locator("p[role=alert]")).toHaveText("Search stopped. Your inputs are kept.");
  // Another plan arrives: the search nobody waits for stops, and the new plan is answered.
  const small = await request.post("/api/plan", {
    data: { workload: { model: "llama-3.1-8b", inputTokens: 1000, outputTokens: 300 }, slo: { ttftP95Ms: 1000, tpotP95Ms: 50 }, traffic: { mode: "peak", peakRequestsPerSecond: 2.25 }, budget: { gpus: ["h100-sxm"] } },
  });
  expect(small.status()).toBe(200);
  expect((await small.json()).feasible).toBe(true);
  const after = await health();
  expect(after.stopped).toBe(before.stopped + 1);
  expect(after.running).toBe(0);
});
