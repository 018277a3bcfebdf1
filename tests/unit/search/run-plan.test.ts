import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_PLAN_INPUT, type PlanInputRaw } from "../../../lib/plan/schema";
import { explainCandidate, runPlan } from "../../../lib/search";
import { LLAMA } from "../catalog/hf-fixtures";
import { parse, SMALL_PLAN } from "./helpers";

function plan(over: (p: PlanInputRaw) => PlanInputRaw = (p) => p) {
  return runPlan(parse(over(structuredClone(SMALL_PLAN))), { relax: false });
}

describe("runPlan on a small search", () => {
  const r = plan();

  it("finds feasible options, ranked cheapest first, each meeting every target", () => {
    expect(r.feasible).toBe(true);
    expect(r.best).toEqual(r.options[0]);
    for (let i = 1; i < r.options.length; i++) {
      expect(r.options[i]!.costUsdPerMonth).toBeGreaterThanOrEqual(r.options[i - 1]!.costUsdPerMonth);
    }
    for (const o of r.options) {
      expect(o.feasible).toBe(true);
      expect(o.violations).toEqual([]);
      expect(o.ttftP95Ms).toBeLessThanOrEqual(1000);
      expect(o.tpotP95Ms).toBeLessThanOrEqual(50);
      expect(o.replicas).toBe(o.replicasForTraffic + 1);
      // capacity covers peak × 1.2 headroom
      expect(o.replicasForTraffic * o.requestsPerSecondPerReplica).toBeGreaterThanOrEqual(10 * 1.2 - 1e-9);
    }
  });

  it("counts every candidate exactly once: rejected for one reason or feasible", () => {
    const rejected = r.rejections.reduce((n, x) => n + x.count, 0);
    expect(rejected + r.stats.feasible).toBe(r.stats.candidates);
    // 2 GPUs · 16 layouts (Llama 8B: 32 heads, 8 KV heads, tp ≤ 8, pp ≤ 8) · 2 precisions · 1 KV · 1 engine · 16 concurrencies
    expect(r.stats.candidates).toBe(2 * 16 * 2 * 1 * 1 * 16);
    for (const x of r.rejections) expect(x.message).toMatch(/^[\d,]+ /);
  });

  it("no feasible option on the cost–latency chart is cheaper than the best", () => {
    const pts = [...r.pareto.costLatency.front, ...r.pareto.costLatency.others];
    for (const p of pts) if (p.feasible) expect(p.x).toBeGreaterThanOrEqual(r.best!.costUsdPerMonth - 1e-6);
    expect(r.pareto.costLatency.front.map((p) => p.id)).toContain(r.best!.id);
  });

  it("says which queueing model it used, and shows derivations for the options", () => {
    expect(r.queueing.model).toMatch(/Erlang C/);
    const keys = r.best!.derivations!.map((d) => d.key);
    for (const k of ["ttft", "tpot", "plan.replicas", "plan.waitP95", "plan.ttftP95", "plan.costPerMonth", "plan.probabilityOfWait"]) {
      expect(keys).toContain(k);
    }
    const cost = r.best!.derivations!.find((d) => d.key === "plan.costPerMonth")!;
    expect(cost.value).toBeCloseTo(r.best!.costUsdPerMonth, 6);
  });

  it("explains any candidate by id with the same figures", () => {
    const c = explainCandidate(parse(SMALL_PLAN), r.best!.id)!;
    expect(c.costUsdPerMonth).toBeCloseTo(r.best!.costUsdPerMonth, 9);
    expect(c.ttftP95Ms).toBeCloseTo(r.best!.ttftP95Ms, 9);
    expect(explainCandidate(parse(SMALL_PLAN), "nope")).toBeNull();
  });

  it("is deterministic", () => {
    expect(plan().options.map((o) => o.id)).toEqual(r.options.map((o) => o.id));
  });
});

describe("constraints", () => {
  it("a pricing term with no published price rejects the GPU with that reason", () => {
    const r = plan((p) => ({ ...p, budget: { ...p.budget, gpus: ["l4"], pricingTerm: "3yr" } }));
    expect(r.feasible).toBe(false);
    const noPrice = r.rejections.find((x) => x.reason === "no-price");
    expect(noPrice?.count).toBe(r.stats.candidates);
    expect(noPrice?.message).toMatch(/no 3yr price/);
  });

  it("an impossible target ends in near misses and what to relax", () => {
    const r = runPlan(
      parse({ ...SMALL_PLAN, slo: { ttftP95Ms: 1000, tpotP95Ms: 2 } }),
      { relax: false },
    );
    expect(r.feasible).toBe(false);
    expect(r.options).toHaveLength(0);
    expect(r.nearMisses.length).toBeGreaterThan(0);
    expect(r.relax.length).toBeGreaterThan(0);
    expect(r.relax[0]!.words).toMatch(/TPOT p95/);
    expect(r.summary).toMatch(/No option meets every target/);
  });

  it("a tight budget suggests raising it to what the cheapest option costs", () => {
    const free = plan();
    const r = plan((p) => ({ ...p, budget: { ...p.budget, maxUsdPerMonth: free.best!.costUsdPerMonth / 2 } }));
    expect(r.feasible).toBe(false);
    const budget = r.relax.find((a) => a.kind === "budget-month");
    expect(budget?.needed).toBeCloseTo(free.best!.costUsdPerMonth, 6);
  });

  it("widening a restricted GPU or precision list is offered when it helps", () => {
    // Llama 3.1 8B at BF16 on L4s cannot stream at 8 ms/token; other GPUs or FP4 weights can.
    const r = runPlan(parse({ ...SMALL_PLAN, slo: { ttftP95Ms: 1000, tpotP95Ms: 8 }, budget: { ...SMALL_PLAN.budget, gpus: ["l4"], precisions: ["bf16"] } }));
    expect(r.feasible).toBe(false);
    const kinds = r.relax.map((a) => a.kind);
    expect(kinds).toContain("gpus");
    expect(kinds).toContain("precisions");
    expect(r.relax.find((a) => a.kind === "gpus")!.words).toMatch(/^Allow /);
  });

  it("reads a pasted config.json", () => {
    const r = runPlan(parse({ ...SMALL_PLAN, workload: { hfConfigJson: LLAMA, inputTokens: 1000, outputTokens: 200 } }), { relax: false });
    expect(r.model.name).toMatch(/config/i);
    expect(r.feasible).toBe(true);
  });
});

describe("properties", () => {
  it("a tighter SLO never yields a cheaper best option", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 150, max: 3000 }),
        fc.double({ min: 0.2, max: 1, noNaN: true }),
        fc.integer({ min: 8, max: 80 }),
        (ttft, k, tpot) => {
          const loose = plan((p) => ({ ...p, slo: { ttftP95Ms: ttft, tpotP95Ms: tpot } }));
          const tight = plan((p) => ({ ...p, slo: { ttftP95Ms: Math.max(1, Math.round(ttft * k)), tpotP95Ms: tpot * k } }));
          if (tight.best) {
            expect(loose.best).not.toBeNull();
            expect(tight.best.costUsdPerMonth).toBeGreaterThanOrEqual(loose.best!.costUsdPerMonth - 1e-6);
          }
        },
      ),
      { seed: 3, numRuns: 12 },
    );
  });

  it("more traffic never makes the best option cheaper", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 200, noNaN: true }), fc.double({ min: 1, max: 4, noNaN: true }), (rps, g) => {
        const a = plan((p) => ({ ...p, traffic: { mode: "peak", peakRequestsPerSecond: rps } }));
        const b = plan((p) => ({ ...p, traffic: { mode: "peak", peakRequestsPerSecond: rps * g } }));
        if (a.best && b.best) expect(b.best.costUsdPerMonth).toBeGreaterThanOrEqual(a.best.costUsdPerMonth - 1e-6);
      }),
      { seed: 9, numRuns: 12 },
    );
  });
});

describe("the default search", () => {
  it("covers at least 100,000 candidates and finds a chat deployment", () => {
    const r = runPlan(parse(DEFAULT_PLAN_INPUT));
    expect(r.stats.candidates).toBeGreaterThanOrEqual(100_000);
    expect(r.feasible).toBe(true);
    expect(r.best!.costUsdPerUserPerMonth).toBeCloseTo(r.best!.costUsdPerMonth / 50_000, 9);
    expect(r.growth).toHaveLength(13);
  });
});
