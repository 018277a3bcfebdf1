import { beforeAll, describe, expect, it } from "vitest";
import { planEngine } from "../../../app/_plans/engine";
import { deploymentLabel, headlineOf, optionsTableOf, priceSourcesOf, summaryOf } from "../../../app/_plans/plan-result";
import { DEFAULT_PLAN_INPUT, planInputSchema } from "../../../lib/plan/schema";
import type { PlanResult } from "../../../lib/search/types";

describe("deploymentLabel", () => {
  it("names GPUs, replicas, parallelism, precisions and engine", () => {
    expect(
      deploymentLabel({ totalGpus: 8, gpuName: "H100 SXM", replicas: 4, gpusPerReplica: 2, tp: 2, pp: 1, dp: 1, moeEp: 1, weights: "fp8", kv: "fp8", engine: "vllm" }),
    ).toBe("8× H100 SXM — 4 replicas × 2 GPUs (TP2) · fp8 weights, fp8 KV · vLLM");
    expect(deploymentLabel({ totalGpus: 1, gpuName: "L4", replicas: 1, gpusPerReplica: 1, weights: "int4", kv: "fp8", engine: "sglang" })).toBe(
      "1× L4 — 1 replica × 1 GPU · int4 weights, fp8 KV · SGLang",
    );
    expect(
      deploymentLabel({ totalGpus: 8, gpuName: "B200", replicas: 2, gpusPerReplica: 4, tp: 4, moeEp: 4, weights: "fp4", kv: "fp8", engine: "vllm", mtpDraftTokens: 3 }),
    ).toBe("8× B200 — 2 replicas × 4 GPUs (TP4 EP4) · fp4 weights, fp8 KV · vLLM + MTP 3");
  });
});

describe("readers tolerate snapshots of any shape", () => {
  it("an empty or foreign object gives an empty headline and table, never a throw", () => {
    for (const r of [{}, null, "x", 3, { best: null, options: "nope" }, { best: 5, options: [null, 3], nearMisses: {} }]) {
      expect(headlineOf(r)).toEqual({ feasible: false, deployment: null, costUsdPerMonth: null, ttftP95Ms: null, tpotP95Ms: null });
      expect(() => optionsTableOf(r)).not.toThrow();
      expect(priceSourcesOf(r)).toEqual([]);
    }
  });
});

describe("with the real planner (default plan)", () => {
  let result: PlanResult;
  beforeAll(async () => {
    const parsed = planEngine.parseInput(DEFAULT_PLAN_INPUT);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    result = await planEngine.compute(parsed.input);
  });

  it("the headline is the best option's figures", () => {
    const h = headlineOf(result);
    expect(h.feasible).toBe(result.feasible);
    if (result.best) {
      expect(h.costUsdPerMonth).toBe(result.best.costUsdPerMonth);
      expect(h.ttftP95Ms).toBe(result.best.ttftP95Ms);
      expect(h.deployment).toContain(result.best.gpuName);
      expect(summaryOf(result)).toMatchObject({ model: result.model.name, costUsdPerMonth: result.best.costUsdPerMonth });
    }
  });

  it("one table row per ranked option, costs rounded to cents", () => {
    const t = optionsTableOf(result);
    expect(t.rows).toHaveLength(result.options.length || result.nearMisses.length);
    const first = result.options[0];
    if (first) {
      expect(t.rows[0]!.cells.costUsdPerMonth).toBe(Math.round(first.costUsdPerMonth * 100) / 100);
      expect(t.rows[0]!.cells.gpu).toBe(first.gpuId);
      expect(t.rows[0]!.cells.priceDateSeen).toBe(first.price.dateSeen);
      expect(t.rows[0]!.cells.mtpDraftTokens).toBe(0); // the default plan does not allow drafts
    }
    expect(t.columns.filter((c) => c.page).length).toBeGreaterThan(4);
  });

  it("price sources are listed once each, with a date and a source", () => {
    const p = priceSourcesOf(result);
    expect(p.length).toBeGreaterThan(0);
    for (const s of p) {
      expect(s.dateSeen.length).toBeGreaterThan(0); // a date, or "undated (…)" with the reason
      expect(s.source.length).toBeGreaterThan(0);
    }
    expect(new Set(p.map((s) => `${s.gpuName}|${s.provider}|${s.instance}|${s.term}|${s.perGpuHour}`)).size).toBe(p.length);
  });

  it("a plan input survives the permalink round trip through the engine", () => {
    const input = planInputSchema.parse(DEFAULT_PLAN_INPUT);
    expect(planEngine.decodeLink(planEngine.encodeLink(input)).input).toEqual(input);
  });
});
