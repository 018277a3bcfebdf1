/**
 * Finance journey: set a monthly budget ceiling, then compare the cost per user of the top options.
 */
import { expect, test } from "@playwright/test";
import { money, PlanPage } from "./pages/plan-page";

const LINK = "model=llama-3.1-8b&dau=200000&rpd=20&peak=3&ttft95=1500&tpot95=60&step=4";

test("a budget ceiling, then cost per user between the top options", async ({ page }) => {
  test.setTimeout(120_000); // a cold server and a 2-core machine
  const plan = new PlanPage(page);
  await plan.goto(LINK);
  await plan.expectStep(4);
  await plan.submit();
  const before = await plan.rowCosts();
  expect(before.length).toBeGreaterThan(2);
  // A ceiling between two distinct costs (shown to 3 significant digits): everything dearer must go.
  const cut = before.findIndex((r, i) => i > 0 && r.month > before[i - 1]!.month * 1.05);
  expect(cut).toBeGreaterThan(0);
  const ceiling = Math.round((before[cut - 1]!.month + before[cut]!.month) / 2);

  await plan.setBudget(ceiling);
  await plan.submit();
  const after = await plan.rowCosts();
  expect(after.length).toBeGreaterThan(0);
  expect(after.length).toBe(cut);
  for (const r of after) expect(r.month).toBeLessThanOrEqual(ceiling);
  await expect(page.getByTestId("rejections")).toContainText("over the monthly budget");

  // Cost per user: monthly cost ÷ 200,000 users; ranked cheapest first.
  // (both shown to 2–3 significant digits: within 5 %)
  for (const r of after) expect(Math.abs(r.perUser / (r.month / 200_000) - 1)).toBeLessThan(0.05);
  for (let i = 1; i < after.length; i++) expect(after[i]!.perUser).toBeGreaterThanOrEqual(after[i - 1]!.perUser);

  // Select the second option from the table: its card shows the same cost per user.
  if (after.length > 1) {
    await plan.rows().nth(1).getByRole("button").click();
    const selectedCard = plan.cards().nth(1);
    await expect(selectedCard.getByText("Selected")).toBeVisible();
    expect(money(await selectedCard.getByTestId("cost-user").textContent())).toBe(after[1]!.perUser);
  }
  expect(page.url()).toContain(`budget=${ceiling}`);
});
