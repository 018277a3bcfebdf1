/**
 * Infeasible journey: targets nothing can meet end in nearest misses and what to relax, never an empty page.
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
  await expect(advice.first()).toContainText(/Loosen|Raise|Allow|Drop|No single change/);
  // The nearest misses are shown with what they miss.
  await expect(plan.rows().first()).toBeVisible();
  await expect(plan.cards().first()).toContainText(/over the/);
});
