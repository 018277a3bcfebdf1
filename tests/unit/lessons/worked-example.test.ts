import { describe, expect, it } from "vitest";
import { apiPriceRows, byParallelism, bySpeculation, byWeightPrecision, kvByModel, medianApiRatio, moeTable, verifyCost } from "../../../lib/lessons/compare";
import { DEFAULT_SCENARIO } from "../../../lib/lessons/scenario";
import { EXAMPLE_TARGETS, workedExampleHref } from "../../../lib/lessons/worked-example";
import { planInputSchema } from "../../../lib/plan/schema";
import { decodePlanUrl } from "../../../lib/plan/url-state";

describe("stage 5 worked example", () => {
  it("opens /plan with readable parameters that the planner decodes into a valid plan", () => {
    const href = workedExampleHref({ ...DEFAULT_SCENARIO, isl: 2000, osl: 400 });
    expect(href.startsWith("/plan?")).toBe(true);
    const { input, problems } = decodePlanUrl(href.slice("/plan?".length));
    expect(problems).toEqual([]);
    const parsed = planInputSchema.safeParse(input);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.workload).toMatchObject({ model: "llama-3.1-70b", inputTokens: 2000, inputTokensP95: 4000, outputTokens: 400, outputTokensP95: 800 });
    expect(parsed.data.slo).toMatchObject({ ttftP95Ms: EXAMPLE_TARGETS.ttftP95Ms, tpotP95Ms: EXAMPLE_TARGETS.tpotP95Ms });
    expect(parsed.data.traffic).toMatchObject({ dailyActiveUsers: EXAMPLE_TARGETS.dailyActiveUsers, requestsPerUserPerDay: EXAMPLE_TARGETS.requestsPerUserPerDay });
    expect(parsed.data.budget.maxUsdPerMonth).toBe(EXAMPLE_TARGETS.maxUsdPerMonth);
  });

  it("clamps a huge output length to the plan schema's limit", () => {
    const { input } = decodePlanUrl(workedExampleHref({ ...DEFAULT_SCENARIO, osl: 1_000_000 }).slice(6));
    expect(planInputSchema.safeParse(input).success).toBe(true);
  });
});

describe("comparison tables", () => {
  it("API prices: output ÷ input per row (gpt-4o: $10 ÷ $2.50 = 4), sorted high to low", () => {
    const rows = apiPriceRows();
    expect(rows.find((r) => r.model === "gpt-4o")?.ratio).toBe(4);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.ratio ?? 0).toBeLessThanOrEqual(rows[i - 1]!.ratio ?? 0);
    expect(medianApiRatio()).toBeGreaterThan(1);
  });

  it("weight precision: BF16 holds twice the weight bytes of FP8 per GPU", () => {
    const rows = byWeightPrecision(DEFAULT_SCENARIO);
    const bf = rows.find((r) => r.label === "BF16")!;
    const f8 = rows.find((r) => r.label === "FP8")!;
    expect(bf.weightsPerGpu / f8.weightsPerGpu).toBeGreaterThan(1.9);
    expect(bf.tpotMs).toBeGreaterThan(f8.tpotMs);
  });

  it("parallelism choices hide expert parallelism for dense models", () => {
    expect(byParallelism(DEFAULT_SCENARIO).map((r) => r.par)).toEqual(["tp", "pp"]);
    expect(byParallelism({ ...DEFAULT_SCENARIO, model: "qwen3-30b-a3b" }).map((r) => r.par)).toEqual(["tp", "pp", "tp-ep", "dp-ep"]);
  });

  it("KV per token by design: DeepSeek-V3's MLA latent (512 + 64) · 61 layers · 2 B = 70,272 B", () => {
    expect(kvByModel(DEFAULT_SCENARIO).find((r) => r.id === "deepseek-v3")?.kvBytesPerToken).toBe(70_272);
  });

  it("MoE: active ≪ total, and one token touches k experts", () => {
    for (const r of moeTable()) {
      expect(r.active).toBeLessThan(r.total);
      expect(r.touched[0]!.experts).toBeCloseTo(r.perToken, 9);
    }
  });

  it("MTP drafts on DeepSeek-R1: τ from the published rates, per-user speed up at one user, nothing for a model without MTP", () => {
    expect(bySpeculation(DEFAULT_SCENARIO)).toEqual([]); // Llama-3.1-70B ships no MTP module
    const ds = { ...DEFAULT_SCENARIO, model: "deepseek-r1", gpu: "b200", gpus: 8, weights: "fp4" as const, engine: "trtllm" as const };
    const rows = bySpeculation(ds);
    expect(rows.map((r) => r.draftTokens)).toEqual([0, 1, 2, 3, 4]);
    expect(rows[0]!.acceptanceLength).toBe(1);
    // 1 + 0.875 · (1 + 0.62 + 0.62²)
    expect(rows[3]!.acceptanceLength).toBeCloseTo(2.7538, 3);
    expect(rows.every((r) => r.fits)).toBe(true);
    expect(rows[3]!.perUser).toBeGreaterThan(1.5 * rows[0]!.perUser);
  });

  it("checking 4 drafted tokens costs barely more than one at one user", () => {
    const v = verifyCost(DEFAULT_SCENARIO);
    expect(v[0]!.relative).toBe(1);
    expect(v.find((r) => r.tokens === 4)!.relative).toBeLessThan(1.2);
  });
});
