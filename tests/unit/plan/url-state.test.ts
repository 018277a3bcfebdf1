import { describe, expect, it } from "vitest";
import { DEFAULT_PLAN_INPUT, planInputSchema } from "../../../lib/plan/schema";
import { decodePlanUrl, encodePlanUrl } from "../../../lib/plan/url-state";
import { LLAMA } from "../catalog/hf-fixtures";

describe("plan URL state", () => {
  it("a lesson link fills the named fields over the default plan", () => {
    const d = decodePlanUrl("?model=qwen3-8b&isl=2000&ttft95=500&rps=20&budget=5000&gpus=l4,l40s&run=1&step=3");
    const p = planInputSchema.parse(d.input);
    expect(p.workload.model).toBe("qwen3-8b");
    expect(p.workload.inputTokens).toBe(2000);
    expect(p.slo).toEqual({ preset: "custom", ttftP95Ms: 500 });
    expect(p.traffic.mode).toBe("peak");
    expect(p.traffic.peakRequestsPerSecond).toBe(20);
    expect(p.budget.maxUsdPerMonth).toBe(5000);
    expect(p.budget.gpus).toEqual(["l4", "l40s"]);
    expect(d.view).toEqual({ step: 3, run: true });
    expect(d.problems).toEqual([]);
  });

  it("round-trips a full input", () => {
    const p = planInputSchema.parse(DEFAULT_PLAN_INPUT);
    const q = encodePlanUrl(p, { step: 2 });
    expect(q).toContain("model=llama-3.1-70b");
    expect(q).toContain("precisions=bf16,fp8,fp4,int4");
    const back = decodePlanUrl(q);
    expect(planInputSchema.parse(back.input)).toEqual(p);
    expect(back.view.step).toBe(2);
  });

  it("a pasted config travels as a permalink token", () => {
    const p = planInputSchema.parse({ ...DEFAULT_PLAN_INPUT, workload: { hfConfigJson: LLAMA } });
    const q = encodePlanUrl(p);
    expect(q).toMatch(/^i=/);
    expect(planInputSchema.parse(decodePlanUrl(q).input)).toEqual(p);
  });

  it("reports unreadable numbers and links instead of throwing", () => {
    const d = decodePlanUrl("isl=lots&i=garbage");
    expect(d.problems.map((x) => x.field)).toEqual(["i", "workload.inputTokens"]);
  });

  it("keeps a well-formed `from` (Duplicate and edit) through decode and encode", () => {
    const d = decodePlanUrl("i=garbage&from=AbC123xYz789&step=2");
    expect(d.view).toEqual({ step: 2, run: false, from: "AbC123xYz789" });
    const p = planInputSchema.parse(DEFAULT_PLAN_INPUT);
    // the wizard's own URL update (PlanApp.syncUrl) writes it back
    const q = encodePlanUrl(p, { step: 3, run: true, from: "AbC123xYz789" });
    expect(new URLSearchParams(q).get("from")).toBe("AbC123xYz789");
    expect(decodePlanUrl(q).view).toEqual({ step: 3, run: true, from: "AbC123xYz789" });
    // and beside a permalink token (a pasted config.json)
    const big = planInputSchema.parse({ ...DEFAULT_PLAN_INPUT, workload: { hfConfigJson: LLAMA } });
    const qi = encodePlanUrl(big, { from: "AbC123xYz789" });
    expect(qi).toMatch(/^i=.*&from=AbC123xYz789$/);
    expect(decodePlanUrl(qi).view.from).toBe("AbC123xYz789");
  });

  it("drops a malformed `from` without a problem or a throw", () => {
    for (const q of ["from=short", "from=AbC123xYz789x", "from=AbC123%2FYz789", "from="]) {
      const d = decodePlanUrl(q);
      expect(d.view).toEqual({ step: 1, run: false });
      expect("from" in d.view).toBe(false);
      expect(d.problems).toEqual([]);
    }
    expect(encodePlanUrl(planInputSchema.parse(DEFAULT_PLAN_INPUT), { from: "../x" })).not.toContain("from=");
  });
});
