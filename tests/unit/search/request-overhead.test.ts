import { describe, expect, it } from "vitest";
import { decodePlanUrl, encodePlanUrl } from "../../../lib/plan/url-state";
import { planInputSchema, type PlanInputRaw } from "../../../lib/plan/schema";
import { explainCandidate, runPlan } from "../../../lib/search";
import { engineSettingDefaults } from "../../../lib/model/engine-settings";
import { getGpu } from "../../../lib/catalog";
import { parse, SMALL_PLAN } from "./helpers";

/** SMALL_PLAN on SGLang alone (its calibrated t_0 is the largest of the three engines') with a tight first-token target. */
const TIGHT: PlanInputRaw = {
  ...SMALL_PLAN,
  slo: { ttftP95Ms: 150, tpotP95Ms: 50 },
  budget: { ...SMALL_PLAN.budget, engines: ["sglang"] },
};

const withOverhead = (raw: PlanInputRaw, ms: number | undefined): PlanInputRaw => ({
  ...raw,
  budget: { ...raw.budget, ...(ms !== undefined ? { requestOverheadMs: ms } : {}) },
});

describe("the plan's serving-stack latency (budget.requestOverheadMs)", () => {
  it("is refused when negative, with the field named", () => {
    const r = planInputSchema.safeParse(withOverhead(SMALL_PLAN, -5));
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(["budget", "requestOverheadMs"]);
    expect(r.error!.issues[0]!.message).toBe("requestOverheadMs must be at least 0");
  });

  it("absent, each engine's calibrated t_0 decides: SGLang's alone misses a 150 ms p95 first token", () => {
    const t0 = engineSettingDefaults("sglang", getGpu("h100-sxm")!).requestOverheadMs;
    expect(t0).toBeGreaterThan(150); // the premise of this test: the calibrated value alone is over the target
    const r = runPlan(parse(TIGHT), { relax: false });
    expect(r.feasible).toBe(false);
  });

  it("a stack stated at 10 ms lets SGLang meet it, and every option's first token carries the 10 ms", () => {
    const r = runPlan(parse(withOverhead(TIGHT, 10)), { relax: false });
    expect(r.feasible).toBe(true);
    for (const o of r.options) {
      expect(o.ttftP95Ms).toBeLessThanOrEqual(150);
      const d = (o.derivations ?? []).find((x) => x.key === "requestOverhead");
      expect(d?.substituted).toBe("10 ms = 10 ms");
    }
  });

  it("moves the same candidate's first token by what it states", () => {
    const r = runPlan(parse(withOverhead(TIGHT, 10)), { relax: false });
    const id = r.best!.id;
    const at10 = explainCandidate(parse(withOverhead(TIGHT, 10)), id)!;
    const at110 = explainCandidate(parse(withOverhead(TIGHT, 110)), id)!;
    // the service time of the first token grows by 100 ms; queueing at the sized load can only add to that
    expect(at110.ttftP50Ms - at10.ttftP50Ms).toBeGreaterThanOrEqual(100 - 0.5);
    expect(at110.ttftP50Ms - at10.ttftP50Ms).toBeLessThan(130);
  });

  it("when nothing meets the target, says up to what serving-stack latency an option of about the same price would", () => {
    const r = runPlan(parse(TIGHT));
    const a = r.relax.find((x) => x.kind === "request-overhead");
    expect(a).toBeDefined();
    const t0 = engineSettingDefaults("sglang", getGpu("h100-sxm")!).requestOverheadMs;
    expect(a!.needed!).toBeGreaterThanOrEqual(0);
    expect(a!.needed!).toBeLessThan(t0);
    expect(a!.words).toMatch(new RegExp(`if yours adds at most ${a!.needed} ms, .+ meets every target at \\$`));
    // the advice holds: at that latency the plan finds an option, at the same price as the advice names
    const at = runPlan(parse(withOverhead(TIGHT, a!.needed!)), { relax: false });
    expect(at.feasible).toBe(true);
    expect(at.best!.costUsdPerMonth).toBeCloseTo(a!.costUsdPerMonth!, 6);
    // a plan that states its latency gets no such advice
    const stated = runPlan(parse(withOverhead(TIGHT, 160)));
    expect(stated.relax.some((x) => x.kind === "request-overhead")).toBe(false);
  });

  it("says in the plan's assumptions which serving-stack latency every first token includes", () => {
    const t0 = engineSettingDefaults("sglang", getGpu("h100-sxm")!).requestOverheadMs;
    const calibrated = runPlan(parse(TIGHT), { relax: false }).assumptions;
    expect(calibrated.some((a) => a.includes(`calibrated serving-stack latency (SGLang ${t0} ms)`))).toBe(true);
    const stated = runPlan(parse(withOverhead(TIGHT, 10)), { relax: false }).assumptions;
    expect(stated).toContain("Every first token includes your serving stack's 10 ms outside the GPU, on every engine.");
  });

  it("travels in the plan's address as overhead=", () => {
    const raw = withOverhead(SMALL_PLAN, 25);
    const q = encodePlanUrl(parse(raw));
    expect(q).toContain("overhead=25");
    expect(parse(decodePlanUrl(q).input).budget.requestOverheadMs).toBe(25);
    // a plan that states none keeps an address without it
    expect(encodePlanUrl(parse(SMALL_PLAN))).not.toContain("overhead");
  });
});
