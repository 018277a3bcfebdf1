import { describe, expect, it } from "vitest";
import {
  DEFAULT_PLAN_INPUT, PLAN_STEPS, parsePlanInput, planInputSchema, sloStepSchema, trafficStepSchema, workloadStepSchema,
} from "../../../lib/plan/schema";
import { SLO_PRESETS } from "../../../lib/plan/presets";
import { LLAMA } from "../catalog/hf-fixtures";

const fields = (raw: unknown) => {
  const r = parsePlanInput(raw);
  return r.ok ? [] : r.errors.map((e) => e.field);
};

describe("plan input schema", () => {
  it("parses the default plan and fills defaults", () => {
    const p = planInputSchema.parse(DEFAULT_PLAN_INPUT);
    expect(p.budget.headroomPct).toBe(20);
    expect(p.budget.redundancy).toBe("n+1");
    expect(p.budget.pricingTerm).toBe("on-demand");
    expect(p.budget.engines).toEqual(["vllm", "sglang", "trtllm"]);
    expect(p.traffic.monthlyGrowthPct).toBe(0);
  });

  it("names each bad field", () => {
    expect(fields({ workload: { model: "gpt-9" }, traffic: { mode: "users" } })).toEqual(
      expect.arrayContaining(["workload.model", "traffic.dailyActiveUsers", "traffic.requestsPerUserPerDay"]),
    );
    expect(fields({ workload: { model: "llama-3.1-8b" }, traffic: { mode: "peak" } })).toEqual(["traffic.peakRequestsPerSecond"]);
    expect(fields({ ...DEFAULT_PLAN_INPUT, budget: { gpus: ["h100-sxm", "h100"] } })).toEqual(["budget.gpus.1"]);
    expect(fields({ ...DEFAULT_PLAN_INPUT, budget: { precisions: ["fp9"] } })).toEqual(["budget.precisions.0"]);
    expect(fields({ ...DEFAULT_PLAN_INPUT, slo: { ttftP95Ms: -1 } })).toEqual(["slo.ttftP95Ms"]);
    expect(fields({ ...DEFAULT_PLAN_INPUT, slo: { ttftP50Ms: 900, ttftP95Ms: 500 } })).toEqual(["slo.ttftP50Ms"]);
  });

  it("lists valid values in the message", () => {
    const r = parsePlanInput({ ...DEFAULT_PLAN_INPUT, budget: { gpus: ["h100"] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/unknown GPU "h100"; valid: .*h100-sxm/);
  });

  it("requires exactly one of model and hfConfigJson, and reads a pasted config", () => {
    expect(fields({ ...DEFAULT_PLAN_INPUT, workload: { inputTokens: 10 } })).toEqual(["workload.model"]);
    expect(fields({ ...DEFAULT_PLAN_INPUT, workload: { model: "llama-3.1-8b", hfConfigJson: LLAMA } })).toEqual(["workload.model"]);
    expect(fields({ ...DEFAULT_PLAN_INPUT, workload: { hfConfigJson: LLAMA } })).toEqual([]);
    // The importer's own field path comes through under hfConfigJson.
    expect(fields({ ...DEFAULT_PLAN_INPUT, workload: { hfConfigJson: { ...LLAMA, hidden_size: undefined } } })[0]).toMatch(/^workload\.hfConfigJson/);
  });

  it("p95 lengths cannot be below the mean", () => {
    expect(fields({ ...DEFAULT_PLAN_INPUT, workload: { model: "llama-3.1-8b", inputTokens: 1000, inputTokensP95: 500 } })).toEqual([
      "workload.inputTokensP95",
    ]);
  });

  it("step schemas are picks that validate one step each", () => {
    expect(PLAN_STEPS.map((s) => s.id)).toEqual(["workload", "slo", "traffic", "budget"]);
    expect(workloadStepSchema.safeParse({ workload: { model: "llama-3.1-8b" } }).success).toBe(true);
    expect(trafficStepSchema.safeParse({ traffic: { mode: "peak" } }).success).toBe(false);
    for (const p of SLO_PRESETS) expect(sloStepSchema.safeParse({ slo: { preset: p.id, ...p.slo } }).success).toBe(true);
  });

  it("every preset explains itself and carries a valid workload", () => {
    for (const p of SLO_PRESETS) {
      expect(p.explanation.length).toBeGreaterThan(60);
      expect(workloadStepSchema.safeParse({ workload: { model: "llama-3.1-8b", ...p.workload } }).success).toBe(true);
    }
  });
});
