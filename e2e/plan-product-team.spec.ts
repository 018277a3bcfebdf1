/**
 * Product team journey: a chat launch for 50,000 daily users with p95 TTFT 500 ms, through the four wizard steps
 * (with per-step validation and the keyboard), to a recommended deployment with its derivations, the Pareto chart
 * and the state in the URL.
 */
import { expect, test } from "@playwright/test";
import { millis, money, PlanPage } from "./pages/plan-page";

test("chat launch: 50,000 daily users, TTFT p95 500 ms", async ({ page }) => {
  test.setTimeout(120_000); // a cold server and a 2-core machine
  const plan = new PlanPage(page);
  await plan.goto();
  await plan.expectStep(1);
  await plan.chooseModel("llama-3.1-70b");

  // Per-step validation: a bad number stops "Next" with a message on the field.
  await plan.setNumber(/Prompt, mean/, 0);
  await plan.next();
  await expect(page.getByRole("alert").filter({ hasText: "inputTokens must be at least 1" })).toBeVisible();
  await plan.expectStep(1);
  await plan.setNumber(/Prompt, mean/, 1000);
  await plan.next();

  await plan.expectStep(2);
  await plan.choosePreset("Chat assistant");
  await expect(page.getByTestId("preset-explanation")).toContainText("first word");
  await plan.setSlo({ ttftP95Ms: 500 });
  await plan.next();

  await plan.expectStep(3);
  await plan.fillTraffic({ dailyUsers: 50_000, requestsPerUser: 10, peakFactor: 3 });
  // 50,000 · 10 · 3 ÷ 86,400 = 17.4 req/s
  await expect(page.getByTestId("peak-preview")).toContainText("17.4");
  // Keyboard: Enter in a field moves on.
  await page.getByLabel(/Requests per user per day/).press("Enter");

  await plan.expectStep(4);
  await plan.back();
  await plan.expectStep(3);
  await plan.next();
  await plan.submit();

  await expect(plan.summary()).toContainText("Cheapest option meeting every target");
  const first = plan.cards().first();
  const ttft95 = millis(await first.getByTestId("ttft-p95").textContent());
  expect(ttft95).toBeLessThanOrEqual(500);
  const perUser = money(await first.getByTestId("cost-user").textContent());
  const perMonth = money(await first.getByTestId("cost-month").textContent());
  // cost per user = monthly cost ÷ 50,000 users (both shown to 2–3 significant digits)
  expect(Math.abs(perUser / (perMonth / 50_000) - 1)).toBeLessThan(0.05);

  const d = await plan.explainFirstCard("plan.ttftP95");
  expect(d).toContain("TTFT(C, p95 lengths) + W₉₅");

  await expect(page.getByTestId("pareto-chart").locator(".recharts-scatter-symbol").first()).toBeVisible();
  await expect(page.getByTestId("rejections")).toContainText(/did not fit in memory/);
  await expect(page.getByTestId("search-stats")).toContainText(/searched [\d.,]+k? candidates/);

  // The state is in the URL: reopening it shows the same answer.
  expect(page.url()).toContain("ttft95=500");
  expect(page.url()).toContain("dau=50000");
  const summary = await plan.summary().textContent();
  await page.goto(page.url());
  await expect(plan.summary()).toHaveText(summary!, { timeout: 20_000 });
});
