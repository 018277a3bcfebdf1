import { describe, expect, it } from "vitest";
import { choiceRelaxations } from "../../../lib/search/relax";
import { runPlan } from "../../../lib/search/run-plan";
import { everyConcurrency, runSearch, type Resume } from "../../../lib/search/search";
import { buildSpec } from "../../../lib/search/spec";
import { parse, SMALL_PLAN } from "./helpers";

describe("what to relax, reusing the plan's own search", () => {
  // The cheapest option with 20 % headroom and N+1, and without the spare: a budget between the two is missed as
  // stated and met by dropping the spare (or, depending on the option, the headroom).
  const stated = runPlan(parse(SMALL_PLAN)).best!;
  const noSpare = runPlan(parse({ ...SMALL_PLAN, budget: { ...SMALL_PLAN.budget, redundancy: "none" } })).best!;
  const budget = (stated.costUsdPerMonth + noSpare.costUsdPerMonth) / 2;
  const input = parse({ ...SMALL_PLAN, budget: { ...SMALL_PLAN.budget, maxUsdPerMonth: budget } });

  it("the budget sits between the two answers, so the plan as stated is infeasible", () => {
    expect(noSpare.costUsdPerMonth).toBeLessThan(stated.costUsdPerMonth);
    expect(runPlan(input).feasible).toBe(false);
  });

  it("gives the same advice, word for word, as rerunning the whole search for each trial", () => {
    const rerun = choiceRelaxations(input);
    const resized = choiceRelaxations(input, runSearch(buildSpec(input)).records);
    expect(rerun.map((a) => a.kind)).toContain("redundancy");
    expect(resized).toEqual(rerun);
  });

  it("names the option without the spare at its own monthly cost", () => {
    const advice = choiceRelaxations(input, runSearch(buildSpec(input)).records).find((a) => a.kind === "redundancy")!;
    expect(advice.costUsdPerMonth).toBeCloseTo(noSpare.costUsdPerMonth, 6);
    expect(advice.costUsdPerMonth).toBeLessThanOrEqual(budget);
    expect(advice.words).toMatch(/^Drop the N\+1 spare replica: .* meets every target at \$[\d,]+\/month\.$/);
  });

  it("a widened list searches only the values it adds, with the same advice as a whole rerun", () => {
    // SMALL_PLAN allows L4 and H100, FP8/BF16 weights, a BF16 cache and vLLM. At half its cheapest cost only another
    // GPU helps; at 90 % also a smaller KV cache.
    const kinds: string[] = [];
    for (const share of [0.5, 0.9]) {
      const tight = parse({ ...SMALL_PLAN, budget: { ...SMALL_PLAN.budget, maxUsdPerMonth: stated.costUsdPerMonth * share } });
      const records = runSearch(buildSpec(tight)).records;
      expect(records.some((r) => r.violations === 0)).toBe(false);
      const rerun = choiceRelaxations(tight);
      expect(choiceRelaxations(tight, records)).toEqual(rerun);
      kinds.push(...rerun.map((a) => a.kind));
    }
    expect(kinds).toContain("gpus");
    expect(kinds).toContain("precisions");
  });
});

describe("a what-to-relax trial search keeps only what can be the cheapest feasible option", () => {
  it("finds the same cheapest option as a full search, estimating fewer shapes", () => {
    for (const share of [0.5, 0.9, 1.5]) {
      const spec = buildSpec(parse({ ...SMALL_PLAN, budget: { ...SMALL_PLAN.budget, gpus: [], maxUsdPerMonth: 4703 * share } }));
      const full = runSearch(spec);
      const lean = runSearch(spec, { cheapestFeasibleOnly: true });
      const cheapest = (rs: readonly { violations: number; costMonth: number }[]) =>
        rs.reduce<(typeof rs)[number] | null>((b, r) => (r.violations === 0 && (b === null || r.costMonth < b.costMonth) ? r : b), null);
      expect(cheapest(lean.records)).toEqual(cheapest(full.records));
      expect(lean.records.every((r) => r.violations === 0)).toBe(true);
      expect(lean.estimated).toBeLessThan(full.estimated);
    }
  });
});

describe("the near misses' every-concurrency records, finished from the plan's own search", () => {
  it("are the records of a search that infers nothing, in the same order", () => {
    const p95 = { ...SMALL_PLAN.workload, inputTokensP95: 3000, outputTokensP95: 600 };
    const cases = [
      { slo: { tpotP95Ms: 1 }, workload: SMALL_PLAN.workload },
      { slo: { ttftP95Ms: 300, tpotP95Ms: 30 }, workload: SMALL_PLAN.workload },
      { slo: { ttftP95Ms: 1000, tpotP95Ms: 50 }, workload: p95 },
    ];
    for (const { slo, workload } of cases) {
      const spec = buildSpec(parse({ ...SMALL_PLAN, workload, slo, budget: { ...SMALL_PLAN.budget, gpus: [] } }));
      const resume: Resume[] = [];
      const early = runSearch(spec, { resume });
      const whole = runSearch(spec, { inferMonotone: false });
      expect(early.inferred).toBeGreaterThan(0);
      expect(resume.length).toBeGreaterThan(0);
      expect(everyConcurrency(spec, early.records, resume)).toEqual(whole.records);
    }
  });
});
