import { expect, test, type Locator } from "@playwright/test";
import { HELD_OUT } from "../lib/model/calibration.generated";

async function shownCount(l: Locator): Promise<number> {
  return Number((await l.textContent())?.replace(/[^0-9]/g, "") ?? "NaN");
}

test.describe("validation journey: how well do the predictions hold?", () => {
  // the page hydrates ~1,500 measured rows and redraws ~1,400 SVG points on a toggle; 2-core CI machines are slow
  test.describe.configure({ timeout: 90_000 });

  test("the page plots predicted vs measured and lists every shipped row", async ({ page }) => {
    await page.goto("/validate");
    await expect(page.getByRole("heading", { name: "How well the predictions hold" })).toBeVisible();
    await expect(page.getByTestId("summary-rows")).toHaveText(/^\d{1,3}(,\d{3})*$/);
    const scatter = page.getByTestId("validate-scatter");
    await expect(scatter.locator(".recharts-scatter-symbol").first()).toBeVisible();
    const rows = page.getByTestId("validate-table").locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    expect(await shownCount(page.getByTestId("row-count"))).toBe(await shownCount(page.getByTestId("summary-rows")));
  });

  test("third-party field runs: the closed-loop table, each engine's stack latency, and the bursts behind a summary", async ({ page }) => {
    await page.goto("/validate");
    const field = page.getByTestId("field-runs");
    await expect(field.getByRole("heading", { name: "Third-party field runs (data no fit saw)" })).toBeVisible();
    await expect(page.getByTestId("field-words")).toContainText("serving benchmarks from 10 pages of GPUStack");
    await expect(page.getByTestId("field-stack")).toContainText("SGLang: the runs' first tokens exceed the estimate's GPU time");
    await expect(field.locator("table").first()).toContainText("Qwen3 8B bf16 on NVIDIA H100");
    // the bursts open on a click
    const burst = field.locator("details");
    await burst.locator("summary").click();
    await expect(burst.locator("tbody tr").first()).toBeVisible();
    await expect(field.getByRole("link", { name: /qwen3-8b\/h100-latency\.md/ }).first()).toHaveAttribute("href", /github\.com\/gpustack\/gpustack\/blob\/[0-9a-f]{40}\//);
  });

  test("a model no fit saw: the Qwen3.5 open-loop runs, one row per predicted run, with the runs that fell behind", async ({ page }) => {
    await page.goto("/validate");
    const section = page.getByTestId("field-open-loop");
    await expect(section.getByRole("heading", { name: "A model no fit saw, at an offered request rate" })).toBeVisible();
    await expect(page.getByTestId("field-open-loop-row")).toHaveCount(8);
    await expect(page.getByTestId("field-open-loop-words")).toContainText("Qwen3.5 35B-A3B is a hybrid");
    await expect(page.getByTestId("field-open-loop-words")).toContainText("SGLang at 8 req/s (6.72 completed)");
    await expect(page.getByTestId("field-open-loop-unmodelled")).toContainText("MTP speculative decoding");
  });

  test("runs measured faster than their GPUs allow are named as not predicted, with the reason", async ({ page }) => {
    await page.goto("/validate#summary");
    const unpredicted = page.getByTestId("unpredicted");
    // the three 15,000-token Qwen3-32B-NVFP4 runs on two GPUs (calib/consistency): two on GB200, one on B200
    await expect(unpredicted).toContainText("qwen3-32b fp4 on 2× gb200: measured faster than the hardware allows");
    await expect(unpredicted).toContainText("qwen3-32b fp4 on 2× b200: measured faster than the hardware allows");
    await expect(unpredicted).toContainText("prefix cache");
    await expect(unpredicted).toContainText("disaggregated prefill/decode");
  });

  test("filtering by engine narrows the table to that engine", async ({ page }) => {
    await page.goto("/validate");
    const count = page.getByTestId("row-count");
    await expect(count).toBeVisible();
    const before = await shownCount(count);
    await page.getByLabel("Engine", { exact: true }).selectOption("sglang");
    await expect.poll(() => shownCount(count)).toBeLessThan(before);
    const after = await shownCount(count);
    expect(after).toBeGreaterThan(0);
    const engines = await page
      .getByTestId("validate-table")
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-engine")));
    expect(engines.length).toBeGreaterThan(0);
    expect(new Set(engines)).toEqual(new Set(["sglang"]));
  });

  test("regimes are anchors the confidence badges can link to", async ({ page }) => {
    await page.goto("/validate#regime_dense");
    await expect(page.locator("tr#regime_dense")).toBeVisible();
    await expect(page.locator("tr#regime_all")).toHaveCount(1);
    await page.getByRole("button", { name: "TTFT" }).click();
    await expect(page.getByRole("button", { name: "TTFT" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("validate-table").locator("thead")).toContainText("Measured TTFT");
  });

  test("each regime shows its error on published figures, and its level cites them", async ({ page }) => {
    await page.goto("/validate#regime_dense");
    await expect(page.getByTestId("confidence-marginals").locator("thead")).toContainText("Published throughput");
    // dense regimes hold hundreds of published TensorRT-LLM throughput figures: an MdAPE and a count
    await expect(page.getByTestId("regime_dense-published")).toHaveText(/^\d+(\.\d)? % \(\d{1,3}(,\d{3})*\)$/);
    const title = await page.locator("tr#regime_dense td").nth(1).locator("[title]").getAttribute("title");
    expect(title).toMatch(/on published figures \(other harnesses and releases\): throughput MdAPE \d+(\.\d)? % over \d+ published figures/);
  });

  test("the held-out section lists every model it left out and states each target as met or not", async ({ page }) => {
    await page.goto("/validate#held-out");
    const section = page.getByTestId("held-out");
    await expect(section).toBeVisible();
    expect(HELD_OUT, "HELD_OUT is null: run npm run calibrate").not.toBeNull();
    const models = Object.keys(HELD_OUT?.byModel ?? {});
    expect(models.length).toBeGreaterThan(0);
    const byModel = section.getByTestId("held-out-by-model");
    await expect(byModel.locator("tbody tr")).toHaveCount(models.length);
    // the calibration's config names ("org--Name") are shown as Hugging Face ids ("org/Name")
    for (const m of models) {
      await expect(byModel.getByRole("cell", { name: m.replace("--", "/"), exact: true })).toBeVisible();
    }
    await expect(section.getByTestId("held-out-by-engine").locator("tbody tr")).toHaveCount(
      Object.keys(HELD_OUT?.byEngine ?? {}).length,
    );
    for (const id of ["tpot", "ttft", "share", "moe"]) {
      await expect(section.getByTestId(`held-out-target-${id}`)).toHaveText(/target [≤≥] [^:]+: (met|not met)$/);
    }
    await expect(section.getByTestId("held-out-verdict")).toHaveText(/held-out targets are met/);
    // per benchmark harness: each harness on its own line, then its engines
    const byHarness = section.getByTestId("held-out-by-harness");
    await expect(byHarness.locator("tbody tr")).toHaveCount(Object.keys(HELD_OUT?.byHarnessEngine ?? {}).length);
    await expect(byHarness.getByRole("cell", { name: "InferenceMAX, all engines", exact: true })).toBeVisible();
    await expect(byHarness.getByRole("cell", { name: "AIConfigurator · TensorRT-LLM", exact: true })).toBeVisible();
    // every MoE run over the 2× throughput target is named, with its measurement and the prediction
    const over = HELD_OUT?.moeSmallBatch.over ?? [];
    await expect(section.getByTestId("held-out-moe-over-run")).toHaveCount(over.length);
    for (const run of await section.getByTestId("held-out-moe-over-run").all()) {
      await expect(run).toHaveText(/^\d+\.\d+× .+ concurrency [1-8]: first token .+ measured, .+ predicted; TPOT .+ measured, .+ predicted\./);
    }
  });

  test("published figures per GPU: a GPU the calibration never measured is marked and still predicted", async ({ page }) => {
    await page.goto("/validate#published");
    const table = page.getByTestId("public-by-gpu");
    const pro = table.getByTestId("public-gpu-rtx-pro-6000");
    await expect(pro).toContainText("NVIDIA RTX PRO 6000 Blackwell Server Edition");
    await expect(pro).toContainText("never measured: Blackwell-class factors");
    // every one of its figures is predicted: "n/n"
    const cells = await pro.locator("td").allInnerTexts();
    const [done, all] = (cells[2] ?? "").split("/");
    expect(Number(done)).toBeGreaterThan(0);
    expect(done).toBe(all);
    await expect(table.getByTestId("public-gpu-b200")).toContainText("measured");
    await expect(table.getByTestId("public-gpu-b200")).not.toContainText("never");
    // the unseen-hardware section quotes the same figures for the GPUs no calibration run measured
    await expect(page.getByTestId("unmeasured-gpus")).toContainText("on the RTX PRO 6000 Blackwell Server Edition");
    await expect(page.getByTestId("unmeasured-gpus")).not.toContainText("B200 (HGX");
  });

  test("the factors taken from engine documentation are listed with their value and a source link", async ({ page }) => {
    await page.goto("/validate#held-out");
    const list = page.getByTestId("documented-factors");
    const dp = list.getByTestId("documented-trtllm-dpBalanceSteps");
    await expect(dp).toContainText("TensorRT-LLM dpBalanceSteps = 50");
    await expect(dp.getByRole("link", { name: "source" })).toHaveAttribute("href", /^https:\/\/nvidia\.github\.io\/TensorRT-LLM\//);
    await expect(list.getByTestId("documented-vllm-kvOutputShare")).toContainText("vLLM kvOutputShare = 0.5");
    await expect(list.getByTestId("documented-sglang-prefillChunkTokens-blackwell")).toContainText(
      "SGLang prefillChunkTokens = 16384 (Blackwell-class GPUs)",
    );
    await expect(list.getByTestId("documented-trtllm-kvMemOfFree")).toContainText("free_gpu_memory_fraction");
    const overlap = list.getByTestId("documented-trtllm-overlapSteps");
    await expect(overlap).toContainText("TensorRT-LLM overlapSteps = 1");
    await expect(overlap).toContainText("one extra decoding step");
    await expect(list.getByTestId("documented-sglang-overlapSteps")).toContainText("SGLang overlapSteps = 1");
    await expect(list.getByTestId("documented-vllm-overlapSteps")).toHaveCount(0);
    const w4a8 = list.getByTestId("documented-trtllm-mxfp4Fp8Activations-blackwell");
    await expect(w4a8).toContainText("TensorRT-LLM mxfp4Fp8Activations = 1 (Blackwell-class GPUs)");
    await expect(w4a8).toContainText("W4A8_MXFP4_MXFP8");
    await expect(list.getByTestId("documented-vllm-mxfp4Fp8Activations-blackwell")).toContainText(
      "vLLM mxfp4Fp8Activations = 0 (Blackwell-class GPUs)",
    );
  });

  test("the benchmark recipes the runs are predicted with are listed with their settings, run counts and sources", async ({ page }) => {
    await page.goto("/validate#summary");
    const list = page.getByTestId("benchmark-recipes");
    const lengths = list.getByTestId("recipe-inferencemax-random-lengths");
    await expect(lengths).toContainText("randomRangeRatio = 0.8 for 918 runs");
    await expect(lengths.getByRole("link", { name: "source" })).toHaveAttribute("href", /^https:\/\/github\.com\/SemiAnalysisAI\/InferenceX\//);
    const wait = list.getByTestId("recipe-inferencemax-llama70b-trtllm-1k1k-batch-wait");
    await expect(wait).toContainText("batchWaitIters = 20 for 45 runs");
    await expect(wait).toContainText("batch_wait_timeout_iters: 20");
    const tp4 = list.getByTestId("recipe-inferencemax-deepseek-sglang-b200-fp8-tp4-memory");
    await expect(tp4).toContainText("memFraction = 0.95, prefillChunkTokens = 8192 for 4 runs");
    await expect(list.getByTestId("recipe-inferencemax-deepseek-sglang-b200-fp8-kv")).toContainText("kv = fp8 for 102 runs");
    await expect(list.getByTestId("recipe-inferencemax-ten-prompts-per-slot")).toContainText("numPrompts = 10 × concurrency for 918 runs");
    await expect(list.getByTestId("recipe-inferencemax-deepseek-sglang-b200-recv-interval-10")).toContainText("schedulerRecvInterval = 10 for 41 runs");
    const recv30 = list.getByTestId("recipe-inferencemax-deepseek-sglang-b200-recv-interval-30");
    await expect(recv30).toContainText("schedulerRecvInterval = 30 for 61 runs");
    await expect(recv30).toContainText("--scheduler-recv-interval 30");
    const disagg = list.getByTestId("recipe-inferencemax-deepseek-gb200-disaggregated");
    await expect(disagg).toContainText("not predicted for 37 runs");
    await expect(disagg).toContainText("disagg: true");
    const mtp = list.getByTestId("recipe-inferencemax-deepseek-trtllm-b200-mtp");
    await expect(mtp).toContainText("for 39 runs");
    await expect(mtp).toContainText("mtpDraftTokens = 3");
  });

  test("an estimate on a GPU generation nobody measured links to the held-out figures for a new generation", async ({ page }) => {
    await page.goto("/calculate?model=llama-3.1-8b&gpu=a100-80gb");
    await expect(page.getByTestId("scenario")).toHaveAttribute("data-hydrated", "true", { timeout: 20_000 });
    const badge = page.getByTestId("verdict").getByTestId("confidence");
    await expect(badge).toHaveAttribute("data-level", "low");
    await expect(badge).toHaveAttribute("href", "/validate#unseen-hardware");
    await expect(badge).toHaveAttribute("title", /a GPU generation the fit never saw: median TPOT error \d/);
    await badge.click();
    await expect(page).toHaveURL(/\/validate#unseen-hardware$/);
    const section = page.getByTestId("unseen-hardware");
    await expect(section).toBeInViewport();
    await expect(section.getByTestId("unseen-overall")).toContainText(/All rows\s*[\d,]+\s*\d+(\.\d)? %/);
    await expect(section.getByTestId("unseen-dense")).toBeVisible();
  });

  test("next month's runs: each month predicted by a fit on the months before it, naming the models new to that fit", async ({ page }) => {
    await page.goto("/validate#summary");
    const section = page.getByTestId("forward-in-time");
    // DeepSeek-R1 and gpt-oss-120b were first measured in November 2025, after the Llama-3.1-70B runs of October
    await expect(section.getByTestId("forward-2025-11-new-models")).toHaveText("new to the fit: DeepSeek-R1, gpt-oss-120b");
    await expect(section.getByTestId("forward-2025-11")).toContainText(/November 2025/);
    await expect(section.getByTestId("forward-2026-03")).toContainText(/March 2026[\s\S]*\d+(\.\d)? %/);
    await expect(section.getByTestId("forward-overall")).toContainText(/All months\s*[\d,]+\s*\d+(\.\d)? %/);
    await expect(section).toContainText("record no date are in no fit and no month");
  });
});
