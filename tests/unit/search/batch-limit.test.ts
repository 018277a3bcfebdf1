import { describe, expect, it } from "vitest";
import { decodePlanUrl, encodePlanUrl } from "../../../lib/plan/url-state";
import { planInputSchema, type PlanInputRaw } from "../../../lib/plan/schema";
import { explainCandidate, runPlan } from "../../../lib/search";
import { parse, SMALL_PLAN } from "./helpers";

/** SMALL_PLAN on one H100 shape family with a loose latency target, so the cheapest options run large batches. */
const LOOSE: PlanInputRaw = {
  ...SMALL_PLAN,
  slo: { ttftP95Ms: 5000, tpotP95Ms: 200 },
  traffic: { mode: "peak", peakRequestsPerSecond: 40 },
  budget: { ...SMALL_PLAN.budget, gpus: ["h100-sxm"] },
};

const withBatch = (raw: PlanInputRaw, n: number | undefined): PlanInputRaw => ({
  ...raw,
  budget: { ...raw.budget, ...(n !== undefined ? { maxBatch: n } : {}) },
});

describe("the plan's batch limit (budget.maxBatch)", () => {
  it("is refused when not a whole number of at least 1, with the field named", () => {
    for (const bad of [0, 2.5, -3]) {
      const r = planInputSchema.safeParse(withBatch(SMALL_PLAN, bad));
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual(["budget", "maxBatch"]);
      expect(r.error!.issues[0]!.message).toMatch(/^maxBatch must be/);
    }
  });

  it("caps every option's concurrency at the stated limit per rank, where the engine's default lets it run more", () => {
    const free = runPlan(parse(LOOSE), { relax: false });
    // the premise: without a stated limit the cheapest option batches more than 16 requests per rank
    expect(free.best!.concurrency / free.best!.dp).toBeGreaterThan(16);
    const capped = runPlan(parse(withBatch(LOOSE, 16)), { relax: false });
    expect(capped.feasible).toBe(true);
    for (const o of [...capped.options, ...capped.nearMisses]) {
      expect(o.maxConcurrency).toBeLessThanOrEqual(16 * o.dp);
      expect(o.concurrency).toBeLessThanOrEqual(16 * o.dp);
    }
    // fewer requests per replica cannot serve the same peak on fewer GPUs
    expect(capped.best!.replicas * capped.best!.gpusPerReplica).toBeGreaterThanOrEqual(free.best!.replicas * free.best!.gpusPerReplica);
  });

  it("reaches the option's own estimate, so its derivation shows the limit", () => {
    const input = parse(withBatch(LOOSE, 16));
    const r = runPlan(input, { relax: false });
    const o = explainCandidate(input, r.best!.id)!;
    expect(o.maxConcurrency).toBe(r.best!.maxConcurrency);
    const d = (o.derivations ?? []).find((x) => x.key === "maxConcurrency");
    expect(d?.formula).toContain("16");
    // a candidate id above the limit is not one this plan can have
    const above = r.best!.id.replace(/\|(\d+)$/, `|${16 * r.best!.dp + 1}`);
    expect(explainCandidate(input, above)).toBeNull();
  });

  it("says in the plan's assumptions which batch limit applies", () => {
    const defaults = runPlan(parse(LOOSE), { relax: false }).assumptions;
    expect(defaults.some((a) => a.includes("engine's default batch limit per attention-DP rank (vLLM 1,024)"))).toBe(true);
    const stated = runPlan(parse(withBatch(LOOSE, 16)), { relax: false }).assumptions;
    expect(stated.some((a) => a.startsWith("Every engine runs at most 16 requests at once per attention-DP rank"))).toBe(true);
  });

  it("when the stated limit is what puts every option over budget, the advice says to drop it, and what that buys", () => {
    const free = runPlan(parse(LOOSE), { relax: false });
    const tight = withBatch(LOOSE, 2);
    const capped = runPlan(parse(tight), { relax: false });
    // the premise: two requests per rank need more GPUs, so the cheapest option costs more
    expect(capped.best!.costUsdPerMonth).toBeGreaterThan(free.best!.costUsdPerMonth * 1.5);
    const ceiling = Math.round((capped.best!.costUsdPerMonth + free.best!.costUsdPerMonth) / 2);
    const r = runPlan(parse({ ...tight, budget: { ...tight.budget, maxUsdPerMonth: ceiling } }));
    expect(r.feasible).toBe(false);
    const a = r.relax.find((x) => x.kind === "batch-limit");
    expect(a).toBeDefined();
    expect(a!.words).toMatch(/^Let the engines batch more than your 2 requests per rank \(their defaults\): .+ meets every target at \$/);
    expect(a!.costUsdPerMonth).toBeCloseTo(free.best!.costUsdPerMonth, 6);
    // a plan that states no limit gets no such advice
    const none = runPlan(parse({ ...LOOSE, budget: { ...LOOSE.budget, maxUsdPerMonth: 1 } }));
    expect(none.relax.some((x) => x.kind === "batch-limit")).toBe(false);
  });

  it("travels in the plan's address as batch=", () => {
    const q = encodePlanUrl(parse(withBatch(SMALL_PLAN, 48)));
    expect(q).toContain("batch=48");
    expect(parse(decodePlanUrl(q).input).budget.maxBatch).toBe(48);
    expect(encodePlanUrl(parse(SMALL_PLAN))).not.toContain("batch=");
  });
});
