/**
 * Speculative decoding in the planner: a per-user speed target no plain DeepSeek-R1 deployment meets is met once MTP
 * drafts are allowed; the tick travels in the URL and the option says how many drafts it uses.
 */
import { expect, test } from "@playwright/test";
import { PlanPage } from "./pages/plan-page";

test("allowing MTP drafts turns an infeasible DeepSeek-R1 target into a plan that drafts", async ({ page }) => {
  test.setTimeout(120_000); // a cold server and a 2-core machine
  const plan = new PlanPage(page);
  const query = "model=deepseek-r1&isl=1000&isl95=1000&osl=1000&osl95=1000&rps=1&ttft95=3000&tpot95=4&gpus=b200&engines=trtllm&precisions=fp4&kv=fp8&step=4";
  await plan.goto(query);
  await plan.submit();
  await expect(page.getByRole("heading", { name: "Nothing meets every target" })).toBeVisible();
  await expect(plan.relaxAdvice().filter({ hasText: "Allow speculative decoding (MTP" })).toHaveCount(1);
  await plan.goto(query);
  await page.getByLabel(/MTP drafts/).check();
  await plan.submit();
  await expect(page).toHaveURL(/spec=mtp/);
  await expect(plan.cards().first()).toContainText(/MTP [13] drafts/);
  await expect(plan.rows().first()).toContainText(/TensorRT-LLM \+ MTP [13]/);
});
