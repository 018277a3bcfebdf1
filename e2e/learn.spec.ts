/**
 * Learning journey: the hub's counters show the core's figures for the default scenario (checked against hand
 * arithmetic, not against the code), changing the scenario changes an Atlas card's meters, and stage 5's worked
 * example opens the planner with its inputs filled in.
 */
import { expect, test, type Locator } from "@playwright/test";

const PREFIX: Readonly<Record<string, number>> = { "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15 };

/** "141 GFLOP" → 1.41e11, "72.7 GB" → 7.27e10, "3.35 TB/s" → 3.35e12 (as lib/format writes them). */
function si(text: string | null, unit: string): number {
  const m = new RegExp(`([\\d.,]+)\\s*([kMGTP]?)${unit.replace("/", "\\/")}`).exec(text ?? "");
  if (!m) throw new Error(`no ${unit} figure in "${text}"`);
  return Number(m[1]!.replace(/,/g, "")) * PREFIX[m[2]!]!;
}

async function settledText(l: Locator): Promise<string> {
  await expect(l).toHaveAttribute("data-settled", "true");
  return (await l.locator("[aria-hidden=true]").textContent()) ?? "";
}

test.describe("learning journey", () => {
  test.use({ reducedMotion: "reduce" });

  test("the hub shows one token's cost for the default scenario (Llama 3.1 70B, FP8, 2× H100 SXM)", async ({ page }) => {
    await page.goto("/learn");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Why a token costs what it costs");
    await expect(page.getByTestId("scenario-bar").getByLabel("Model", { exact: true })).toHaveValue("llama-3.1-70b");

    // FLOPs per token = 2 × 70,553,706,496 parameters = 141.1 GFLOP
    const flops = si(await settledText(page.getByTestId("counter-flops")), "FLOP");
    expect(flops / 141.1e9).toBeGreaterThan(0.99);
    expect(flops / 141.1e9).toBeLessThan(1.01);

    // Weights: 68.45e9 linear weights × 1 B (FP8) + 2.1e9 embedding/head/norm weights × 2 B (16-bit) ≈ 72.7 GB
    const weights = si(await settledText(page.getByTestId("counter-weights")), "B");
    expect(weights / 72.67e9).toBeGreaterThan(0.99);
    expect(weights / 72.67e9).toBeLessThan(1.01);

    // Bytes per token, one user: the FP8 linears (68.45 GB) + the 16-bit LM head (2.1 GB)
    // + KV at the mean context (1,000 + 500/2 = 1,250 tokens × 2·80·8·128·2 B = 0.41 GB) ≈ 71 GB
    const bytes = si(await settledText(page.getByTestId("counter-bytes")), "B");
    expect(bytes / 70.96e9).toBeGreaterThan(0.97);
    expect(bytes / 70.96e9).toBeLessThan(1.03);

    // "Weights stream every token · X per layer · Y per GPU": (72.67 − 4.2) GB / 80 layers ≈ 0.856 GB; 3.35 TB/s
    const stream = page.getByTestId("weights-stream");
    await expect(stream).toContainText("Weights stream every token");
    const text = await stream.textContent();
    expect(si(/([\d.,]+\s*[kMG]?B) per layer/.exec(text ?? "")?.[1] ?? "", "B") / 0.856e9).toBeCloseTo(1, 1);
    expect(text).toContain("3.35 TB/s");

    // VRAM bar: 36.3 GB of weights per GPU (half of 72.7 GB), and the scenario fits
    await expect(page.getByTestId("vram-bar")).toContainText("36.3 GB");
    await expect(page.getByTestId("fits")).toContainText("Fits.");

    // A counter expands to its formula
    await page.getByTestId("counter-flops").click();
    await expect(page.locator('[data-key="flops.decodePerToken"]')).toContainText("2 · active parameters");

    // The token path is drawn with the model's sizes
    await expect(page.getByTestId("token-path")).toContainText("Transformer block × 80");
  });

  test("changing the scenario changes a card's meters, and the URL keeps it", async ({ page }) => {
    await page.goto("/learn/atlas/attention/qkv");
    const kv = page.getByTestId("meter-kv");
    // 2 (K, V) · 80 layers · 8 KV heads · 128 dims · 2 B (BF16 cache) = 327,680 B
    await expect(kv).toContainText("328 kB");
    await page.getByLabel("KV-cache precision").selectOption("fp8");
    // the same at 1 B per element: 163,840 B
    await expect(kv).toContainText("164 kB");
    await expect(page).toHaveURL(/kv=fp8/);

    const params = page.getByTestId("meter-params");
    // Llama 3.1 70B: 80 · (8192·8192 + 2·8192·1024) = 6.71 B
    await expect(params).toContainText("6.71 B");
    await page.getByTestId("scenario-bar").getByLabel("Model", { exact: true }).selectOption("llama-3.1-8b");
    // Llama 3.1 8B: 32 · (4096·4096 + 2·4096·1024) = 805,306,368
    await expect(params).toContainText("805 M");
    await expect(page).toHaveURL(/model=llama-3\.1-8b/);

    // The scenario travels with the next-lesson link, and the calculator link carries it as estimate fields
    await expect(page.getByTestId("calculate-link")).toHaveAttribute("href", /\/calculate\?model=llama-3\.1-8b&.*kv=fp8&tp=2/);
    await page.getByRole("link", { name: /RoPE →/ }).click();
    await expect(page).toHaveURL(/\/learn\/atlas\/attention\/rope\?.*model=llama-3\.1-8b/);
    await expect(page.getByTestId("scenario-bar").getByLabel("Model", { exact: true })).toHaveValue("llama-3.1-8b");
  });

  test("the 'try it' knob turns the scenario; an MoE card counts touched experts", async ({ page }) => {
    await page.goto("/learn/atlas/ffn/moe");
    await page.getByTestId("try-it").click();
    await expect(page).toHaveURL(/model=qwen3-30b-a3b/);
    // Qwen3-30B-A3B routes each token to 8 of 128 experts: at one user, 8 are touched per layer
    await expect(page.getByTestId("card-moe")).toContainText("Distinct experts touched per layer per step: 8");
    await page.getByLabel("Concurrent users").selectOption("64");
    // 128 · (1 − (1 − 8/128)^64) ≈ 125.9
    await expect(page.getByTestId("card-moe")).toContainText("Distinct experts touched per layer per step: 126");
  });

  test("a Mamba-2 hybrid's cards say where it departs from the plain transformer; a plain model's do not", async ({ page }) => {
    await page.goto("/learn/atlas/stack/kv-cache?model=nemotron-3-nano-30b-a3b");
    // 6 attention layers carry the KV cache; 23 Mamba-2 layers hold 49.1 MB of state per request
    await expect(page.getByTestId("caveat-kv")).toContainText("only 6 of its 29 layers are attention layers with a KV cache");
    await expect(page.getByTestId("caveat-kv")).toContainText("The other 23 are Mamba-2 layers");
    await expect(page.getByTestId("caveat-kv")).toContainText("49.1 MB");
    await page.goto("/learn/atlas/ffn/swiglu?model=nemotron-3-nano-30b-a3b");
    await expect(page.getByTestId("caveat-gate")).toContainText("FFN has no gate");
    await page.goto("/learn/atlas/attention/rope?model=nemotron-3-nano-30b-a3b");
    await expect(page.getByTestId("caveat-rope")).toContainText("use no positional embedding");
    await page.goto("/learn/atlas/ffn/swiglu?model=llama-3.1-8b");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("caveat-gate")).toHaveCount(0);
  });

  test("a Spine stage draws its chart from the core", async ({ page }) => {
    await page.goto("/learn/concurrency");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("80 GB GPU");
    await expect(page.getByTestId("chart-capacity").locator(".recharts-line").first()).toBeVisible();
    // 2 · 80 · 8 · 128 · 2 B = 327,680 B of KV per token
    await expect(page.getByTestId("kv-per-token")).toContainText("328 kB");
  });

  test("stage 5's worked example opens the planner with its inputs filled", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto("/learn/slo-and-budget");
    const open = page.getByTestId("open-planner");
    await expect(open).toHaveAttribute("href", /^\/plan\?/);
    await open.click();
    await expect(page).toHaveURL(/\/plan\?.*model=llama-3\.1-70b/);
    await expect(page).toHaveURL(/ttft95=800/);
    await expect(page.getByLabel("Catalog model")).toHaveValue("llama-3.1-70b");
    // the scenario's request shape: 1,000 prompt tokens (p95 2,000), 500 output tokens (p95 1,000)
    await expect(page.getByLabel(/Prompt, mean/)).toHaveValue("1000");
    await expect(page.getByLabel(/Prompt, p95/)).toHaveValue("2000");
    await expect(page.getByLabel(/Output, mean/)).toHaveValue("500");
  });
});

test("without reduced motion the counters count up and settle on the same figures", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await page.goto("/learn");
  const c = page.getByTestId("counter-flops");
  await expect(c).toHaveAttribute("data-settled", "true");
  // 2 × 70,553,706,496 = 141.1 GFLOP, as with reduced motion
  expect(si(await c.locator("[aria-hidden=true]").textContent(), "FLOP") / 141.1e9).toBeCloseTo(1, 2);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 800 }, reducedMotion: "reduce" });

  test("the scenario folds into one line and opens on request; no page-wide sideways scroll", async ({ page }) => {
    await page.goto("/learn");
    await expect(page.getByTestId("scenario-summary")).toContainText("Llama 3.1 70B");
    const model = page.getByTestId("scenario-bar").getByLabel("Model", { exact: true });
    await expect(model).toBeHidden();
    await page.getByRole("button", { name: "Change" }).click();
    await expect(model).toBeVisible();
    await model.selectOption("qwen3-8b");
    await expect(page.getByTestId("scenario-summary")).toContainText("Qwen3 8B");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});

test("speculative decoding: a model without an MTP module says so; DeepSeek-R1's drafts are priced with its published acceptance", async ({ page }) => {
  await page.goto("/learn/levers/compute");
  await expect(page.getByTestId("speculation-none")).toContainText("ships no multi-token-prediction module");
  await page.goto("/learn/levers/compute?model=deepseek-r1&gpu=b200&gpus=8&weights=fp4&engine=trtllm");
  const table = page.getByTestId("speculation-table");
  // 1 + 0.875 · (1 + 0.62 + 0.62²) = 2.75 tokens kept per pass at 3 drafts
  await expect(table).toContainText("2.75");
  await expect(table).toContainText("1.88");
  await expect(table).not.toContainText("does not fit");
});
