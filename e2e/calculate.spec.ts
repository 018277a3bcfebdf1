/**
 * Calculator journey: open /calculate, change the model and the GPU count and see the figures change, push the model
 * past the memory and see the reason, share the URL, open a derivation, survive a damaged link.
 */
import { expect, test, type Page } from "@playwright/test";
import { QWEN3_5_MOE } from "../tests/unit/catalog/hf-fixtures";

class CalculatePage {
  constructor(readonly page: Page) {}
  async open(query = "") {
    await this.page.goto(`/calculate${query}`);
    // Interact only once React owns the form (2 slow cores: hydration can take a moment).
    await expect(this.page.getByTestId("scenario")).toHaveAttribute("data-hydrated", "true", { timeout: 20_000 });
  }
  async text(id: string) {
    return (await this.page.getByTestId(id).locator("dd").first().innerText()).trim();
  }
  async chooseModel(label: string) {
    await this.page.getByLabel("Model", { exact: true }).selectOption({ label });
  }
  async chooseGpuCount(n: number) {
    await this.page.getByLabel("GPUs per replica").selectOption(String(n));
  }
}

test("change the model and the GPU count, see the figures change; push past memory and see why", async ({ page }) => {
  const calc = new CalculatePage(page);
  await calc.open();
  await expect(page.getByTestId("verdict")).toContainText("Runs");
  // The estimate carries its confidence badge, earned from measured errors and linking to its /validate regime.
  const badge = page.getByTestId("verdict").getByTestId("confidence");
  await expect(badge).toHaveAttribute("data-level", /^(high|medium|low)$/);
  await expect(badge).toHaveAttribute("href", /^\/validate#regime_/);
  const tpot70 = await calc.text("m-tpot");
  const weights70 = await calc.text("m-mem-weights");
  expect(tpot70).toMatch(/\d+(\.\d+)? ms/);

  // A smaller model: less weight per GPU, faster tokens.
  await calc.chooseModel("Llama 3.1 8B");
  await expect.poll(() => calc.text("m-mem-weights")).not.toBe(weights70);
  await expect.poll(() => calc.text("m-tpot")).not.toBe(tpot70);
  await expect(page).toHaveURL(/model=llama-3\.1-8b/);

  // More GPUs: the same model spread thinner; the URL follows.
  const weights8at2 = await calc.text("m-mem-weights");
  const perGpu8at2 = await calc.text("m-per-gpu");
  await calc.chooseGpuCount(4);
  await expect.poll(() => calc.text("m-mem-weights")).not.toBe(weights8at2);
  await expect.poll(() => calc.text("m-per-gpu")).not.toBe(perGpu8at2);
  await expect(page).toHaveURL(/tp=4/);
  await expect(page.getByLabel("TP", { exact: true })).toHaveValue("4");

  // Past the memory: 405B on one 80 GB GPU cannot hold its weights.
  await calc.chooseModel("Llama 3.1 405B");
  await calc.chooseGpuCount(1);
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toContainText("Cannot run as configured");
  await expect(page.getByTestId("problems")).toContainText("Does not fit");
  await expect(page.getByTestId("problems")).toContainText("Use more GPUs");
  await expect(page.getByTestId("vram-bar")).toContainText("over by");
  // The reason also appears where it happens: under the GPU count.
  await expect(page.getByTestId("scenario").getByRole("alert").filter({ hasText: "Does not fit" })).toBeVisible();

  // The whole state is in the URL: a fresh load shows the same scenario.
  await page.waitForURL(/model=llama-3\.1-405b/);
  const url = page.url();
  const fresh = await page.context().browser()!.newContext();
  const p2 = await fresh.newPage();
  await p2.goto(url);
  await expect(p2.getByTestId("verdict")).toContainText("Cannot run as configured");
  await expect(p2.getByLabel("Model", { exact: true })).toHaveValue("llama-3.1-405b");
  await fresh.close();
});

test("a figure opens to its formula with the values put in", async ({ page }) => {
  const calc = new CalculatePage(page);
  await calc.open("?model=llama-3.1-70b&gpu=h100-sxm&tp=2&weights=fp8&kv=bf16");
  const kv = page.getByTestId("results").locator('[data-key="kv.bytesPerToken"]').first();
  await kv.locator("summary").click();
  // 2 · 80 layers · 8 KV heads · 128 head dim · 2 bytes = 327,680 B
  await expect(kv).toContainText("2 · 80 · 8 · 128");
  await expect(kv).toContainText("328 kB");
  // the engine's prefill of one prompt, shown apart from TTFT (which adds the request path), opens to its own formula
  const ms = (t: string) => Number(t.replace(/[^0-9.]/g, "")) * (/\d s$/.test(t) ? 1000 : 1);
  const prefillMs = ms(await calc.text("m-prefill"));
  expect(prefillMs).toBeGreaterThan(0);
  expect(prefillMs).toBeLessThan(ms(await calc.text("m-ttft")));
  const prefill = page.getByTestId("results").locator('[data-key="prefill"]').first();
  await prefill.locator("summary").click();
  await expect(prefill).toContainText(/tokens, 1 iteration\)/);
});

test("a hybrid model shows the linear-attention state a sequence holds, with its formula; a dense one does not", async ({ page }) => {
  const calc = new CalculatePage(page);
  await calc.open("?model=qwen3.5-35b-a3b&gpu=h200-sxm&tp=1&weights=fp8&kv=bf16");
  const state = page.getByTestId("m-linear-state");
  // 30 Gated DeltaNet layers · (32 · 128 · 128 fp32 state + 3 · 8,192 conv channels at 2 B) = 64.4 MB
  await expect(state).toContainText("64.4 MB");
  const dv = page.getByTestId("results").locator('[data-key="kv.linearStatePerSequence"]').first();
  await dv.locator("summary").click();
  await expect(dv).toContainText("30 · (32 · 128 · 128 · 4 B");
  await calc.open("?model=llama-3.1-70b&gpu=h100-sxm&tp=2&weights=fp8&kv=bf16");
  await expect(page.getByTestId("results")).toBeVisible();
  await expect(page.getByTestId("m-linear-state")).toHaveCount(0);
  // a Mamba-2 hybrid: 23 layers · (64 · 64 · 128 fp32 state + 3 · 6,144 conv channels at 2 B) = 49.1 MB, named as such
  await calc.open("?model=nemotron-3-nano-30b-a3b&gpu=h100-sxm&tp=1&weights=bf16&kv=bf16");
  const mamba = page.getByTestId("m-linear-state");
  await expect(mamba).toContainText("Mamba-2 state per sequence");
  await expect(mamba).toContainText("49.1 MB");
  await expect(page.getByTestId("verdict")).toContainText("Runs");
  // no measured run of a Mamba-2 model: the badge is low
  await expect(page.getByTestId("verdict").getByTestId("confidence")).toHaveAttribute("data-level", "low");
});

test("an impossible layout is explained under the field; a damaged link falls back with a message", async ({ page }) => {
  const calc = new CalculatePage(page);
  await calc.open("?model=llama-3.1-70b&tp=3&gpu=nope&concurrency=-2");
  const warnings = page.getByTestId("url-warnings");
  await expect(warnings).toContainText('Unknown GPU "nope"');
  await expect(warnings).toContainText("concurrency=-2");
  // TP=3 does not divide Llama 70B's 64 heads: said under TP.
  await expect(page.getByTestId("scenario").getByRole("alert").filter({ hasText: "does not divide" }).first()).toBeVisible();

  // A bad value typed in is named, and the page keeps the last good figures.
  await page.getByLabel("Concurrency").fill("0");
  await expect(page.getByTestId("invalid")).toContainText("concurrency must be at least 1");
  await expect(page.getByTestId("results")).toBeVisible();
});

test("a benchmark's length spread and TRT-LLM batch waiting: the note says which request is estimated, the wait lengthens TTFT", async ({ page }) => {
  const calc = new CalculatePage(page);
  await calc.open("?model=llama-3.1-70b&gpu=h100-sxm&tp=4&weights=fp8&engine=trtllm&concurrency=16");
  const ms = (t: string) => Number(t.replace(/[^0-9.]/g, "")) * (/\d s$/.test(t) ? 1000 : 1);
  const before = ms(await calc.text("m-ttft"));
  await page.getByLabel("Batch wait (iterations)").fill("20");
  await expect.poll(async () => ms(await calc.text("m-ttft"))).toBeGreaterThan(before);
  await page.getByLabel("Length spread r").fill("0.8");
  await expect(page.getByTestId("scenario")).toContainText("figures are for the mean request, 921.6 tokens in and 230.4 out");
  await expect(page).toHaveURL(/spread=0\.8/);
  await expect(page).toHaveURL(/batchWait=20/);
  // batch waiting is TensorRT-LLM's: on another engine the field says so
  await page.getByLabel("Engine").selectOption("vllm");
  await expect(page.getByTestId("invalid")).toContainText("batchWaitIters is TensorRT-LLM's batch_wait_timeout_iters");
});

test("the engine's memory fraction: DeepSeek-R1 FP8 on 4×B200 under SGLang queues at the default and runs all 16 at 0.95", async ({ page }) => {
  const calc = new CalculatePage(page);
  await calc.open("?model=deepseek-r1&gpu=b200&tp=4&weights=fp8&kv=fp8&engine=sglang&isl=8192&osl=1024&concurrency=16");
  // the empty field shows the engine's own default and name for it
  const mem = page.getByLabel("Memory fraction");
  await expect(mem).toHaveAttribute("placeholder", "0.9");
  await expect(page.getByTestId("scenario")).toContainText("mem_fraction_static");
  await expect(page.getByLabel("Prefill chunk (tokens)")).toHaveAttribute("placeholder", "16384");
  const ms = (t: string) => Number(t.replace(/[^0-9.]/g, "")) * (/\d s$/.test(t) ? 1000 : 1);
  const before = ms(await calc.text("m-ttft"));
  await mem.fill("0.95");
  await expect.poll(async () => ms(await calc.text("m-ttft"))).toBeLessThan(before / 2);
  await expect(page).toHaveURL(/mem=0\.95/);
  await mem.fill("1.5");
  await expect(page.getByTestId("invalid")).toBeVisible();
  await expect(page.getByTestId("scenario")).toContainText("memFraction must be at most 1");
});

test("SGLang's recv interval and the benchmark's prompt count move the first token when lengths vary", async ({ page }) => {
  const calc = new CalculatePage(page);
  await calc.open("?model=deepseek-r1&gpu=b200&tp=8&weights=fp4&engine=sglang&isl=1024&osl=1024&concurrency=32&spread=0.8");
  const ms = (t: string) => Number(t.replace(/[^0-9.]/g, "")) * (/\d s$/.test(t) ? 1000 : 1);
  const before = ms(await calc.text("m-ttft"));
  await page.getByLabel("Recv interval (iterations)").fill("30");
  await expect.poll(async () => ms(await calc.text("m-ttft"))).toBeGreaterThan(before);
  await expect(page).toHaveURL(/recv=30/);
  await page.getByLabel("Benchmark prompts").fill("320");
  await expect(page).toHaveURL(/prompts=320/);
  await page.getByLabel("Benchmark prompts").fill("8");
  await expect(page.getByTestId("scenario")).toContainText("numPrompts (8) must be at least the concurrency (32)");
  await page.getByLabel("Benchmark prompts").fill("320");
  await page.getByLabel("Arrivals").selectOption("together");
  await expect(page).toHaveURL(/arrivals=together/);
  await expect(page.getByTestId("results")).toContainText("The recv interval does not move the estimate");
  await page.getByLabel("Engine").selectOption("vllm");
  await expect(page.getByTestId("invalid")).toContainText("schedulerRecvInterval is SGLang's --scheduler-recv-interval");
});

test("MTP draft tokens speed decoding up by the published acceptance; a length above k + 1 names the field; a model without MTP says so", async ({ page }) => {
  const calc = new CalculatePage(page);
  await calc.open("?model=deepseek-r1&gpu=b200&tp=8&weights=fp4&engine=trtllm&isl=1024&osl=1024&concurrency=4");
  const ms = (t: string) => Number(t.replace(/[^0-9.]/g, "")) * (/\d s$/.test(t) ? 1000 : 1);
  const before = ms(await calc.text("m-tpot"));
  await page.getByLabel("MTP draft tokens").fill("3");
  await expect.poll(async () => ms(await calc.text("m-tpot"))).toBeLessThan(before * 0.8);
  await expect(page).toHaveURL(/mtp=3/);
  await expect(page.getByTestId("results")).toContainText("MTP, 3 drafts per step");
  await expect(page.getByLabel("MTP acceptance length")).toHaveAttribute("placeholder", "2.75 (published)");
  await expect(page.getByTestId("results")).toContainText("2.75 tokens kept per verify pass (from DeepSeek-R1's published acceptance rates");
  await page.getByLabel("MTP acceptance length").fill("5");
  await expect(page.getByTestId("invalid")).toContainText("mtpAcceptanceLength (5) cannot exceed mtpDraftTokens + 1 (4)");
  await page.getByLabel("MTP acceptance length").fill("2");
  await expect(page).toHaveURL(/accept=2/);
  await calc.open("?model=llama-3.1-8b&gpu=h100-sxm&tp=1&weights=fp8&engine=vllm&mtp=2");
  await expect(page.getByTestId("scenario")).toContainText("ships no multi-token-prediction module");
});

test("paste the config.json of a family Atlas has no rules for: it is read by its fields, and a field it cannot read is named", async ({ page }) => {
  const calc = new CalculatePage(page);
  await calc.open();
  // Kimi K2's config: DeepSeek-V3's fields (MLA, 384 routed + 1 shared expert) under its own model_type
  const kimi = {
    model_type: "kimi_k2",
    hidden_act: "silu",
    hidden_size: 7168,
    intermediate_size: 18432,
    moe_intermediate_size: 2048,
    num_hidden_layers: 61,
    num_attention_heads: 64,
    num_key_value_heads: 64,
    q_lora_rank: 1536,
    kv_lora_rank: 512,
    qk_nope_head_dim: 128,
    qk_rope_head_dim: 64,
    v_head_dim: 128,
    n_routed_experts: 384,
    n_shared_experts: 1,
    num_experts_per_tok: 8,
    first_k_dense_replace: 1,
    max_position_embeddings: 131072,
    vocab_size: 163840,
    tie_word_embeddings: false,
  };
  await page.getByLabel("Paste config.json").check();
  // a trillion parameters at FP8: 8 × B200 hold them (8 × H100 do not)
  await page.getByLabel("GPU", { exact: true }).selectOption("b200");
  await calc.chooseGpuCount(8);
  const box = page.getByLabel("Hugging Face config.json");
  await box.fill(JSON.stringify(kimi));
  await expect(page.getByTestId("verdict")).toContainText("Runs");
  await expect.poll(() => calc.text("m-tpot")).toMatch(/\d+(\.\d+)? ms/);
  // a state-space field this family might carry is not guessed at: the error names it
  await box.fill(JSON.stringify({ ...kimi, mamba_d_state: 128 }));
  await expect(page.getByTestId("scenario").getByRole("alert")).toContainText(
    "mamba_d_state: a state-space or hybrid layer field the importer does not read",
  );
});

test("paste a Qwen3.5 config (a hybrid under text_config): it runs, shows its linear-attention state, and a bad state type is named", async ({ page }) => {
  const calc = new CalculatePage(page);
  await calc.open();
  await page.getByLabel("Paste config.json").check();
  await page.getByLabel("GPU", { exact: true }).selectOption("h200-sxm");
  const box = page.getByLabel("Hugging Face config.json");
  await box.fill(JSON.stringify(QWEN3_5_MOE));
  await expect(page.getByTestId("verdict")).toContainText("Runs");
  // 30 Gated DeltaNet layers · (32 · 128 · 128 fp32 state + 3 · 8,192 conv channels at 2 B)
  await expect(page.getByTestId("m-linear-state")).toContainText("64.4 MB");
  await box.fill(JSON.stringify({ ...QWEN3_5_MOE, text_config: { ...QWEN3_5_MOE.text_config, mamba_ssm_dtype: "int3" } }));
  await expect(page.getByTestId("scenario").getByRole("alert")).toContainText('text_config.mamba_ssm_dtype: unknown type "int3"');
});

test("a request rate in place of concurrency: the steady state's in-flight count, and a rate too high is named", async ({ page }) => {
  const calc = new CalculatePage(page);
  await calc.open("?model=llama-3.1-8b&gpu=h100-sxm&engine=trtllm&isl=467&osl=256");
  await expect(page.getByTestId("m-in-flight")).toHaveCount(0);
  await page.getByLabel("Request rate (req/s)").fill("8");
  await expect(page.getByTestId("m-in-flight")).toBeVisible();
  await expect(page.getByTestId("m-in-flight")).toContainText("steady state at 8 req/s");
  // the replica completes what is offered: 8 req/s × 256 output tokens
  await expect(page.getByTestId("m-throughput")).toContainText("2,050 tok/s");
  await expect(page).toHaveURL(/rate=8/);
  await page.getByLabel("Request rate (req/s)").fill("500");
  await expect(page.getByTestId("problems")).toContainText("At 500 requests/s one replica saturates");
  await expect(page.getByTestId("m-in-flight")).toContainText("saturated at 500 req/s");
});
